package dev.wasidl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.types.Val;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * resources-wat: handle tables at run time. Index 0 is reserved, indices are reused after a drop, a
 * destructor runs once with the representation, and every misuse traps with a message while the JVM
 * and other instances go on.
 */
class ResourceRulesTest {
  private GraalRuntime runtime;
  private Instance instance;
  private final AtomicReference<Instance> self = new AtomicReference<>();

  @BeforeEach
  void setUp() {
    runtime = GraalRuntime.create();
    Linker linker = Linker.of(runtime);
    // calls back into the instance that called it: the component model forbids reentrance
    linker.func(
        "reenter",
        (cx, args) -> {
          self.get().func("dropped").orElseThrow().call();
          return Optional.empty();
        });
    instance =
        linker.instantiate(Component.of("resources", TypesGuestTest.guest("resources-wat.wasm")));
    self.set(instance);
  }

  @AfterEach
  void tearDown() {
    instance.close();
    runtime.close();
  }

  private long call(String name, long... args) {
    Val[] vals = new Val[args.length];
    for (int i = 0; i < args.length; i++) {
      vals[i] = new Val.U32(args[i]);
    }
    return instance.func(name).orElseThrow().call(vals).map(v -> ((Val.U32) v).value()).orElse(-1L);
  }

  private Trap trap(String name, long... args) {
    return assertThrows(Trap.class, () -> call(name, args));
  }

  @Test
  void theLinkersHandleLimitTrapsTheGuestThatExceedsIt() {
    Linker linker = Linker.of(runtime).maxHandles(2);
    linker.func("reenter", (cx, args) -> Optional.empty());
    try (Instance limited =
        linker.instantiate(Component.of("resources", TypesGuestTest.guest("resources-wat.wasm")))) {
      Func make = limited.func("make").orElseThrow();
      assertEquals(Optional.of(new Val.U32(1)), make.call(new Val.U32(7)));
      assertEquals(Optional.of(new Val.U32(2)), make.call(new Val.U32(8)));
      Trap t = assertThrows(Trap.class, () -> make.call(new Val.U32(9)));
      assertTrue(t.getMessage().contains("resource table is full"), t.getMessage());
    }
    assertEquals(1, call("make", 1), "other instances go on, with the default limit");
    assertThrows(IllegalArgumentException.class, () -> Linker.of(runtime).maxHandles(0));
  }

  @Test
  void newRepDropAndReuse() {
    long a = call("make", 7);
    long b = call("make", 9);
    assertEquals(1, a, "index 0 is reserved");
    assertEquals(2, b);
    assertEquals(7, call("rep-of", a));
    assertEquals(9, call("rep-of", b));
    call("drop", a);
    assertEquals(7, call("dropped"), "the destructor ran with the representation");
    assertEquals(1, call("make", 11), "the freed index is reused");
    assertEquals(11, call("rep-of", 1));
  }

  @Test
  void indexZeroAndUnknownIndicesTrap() {
    assertTrue(trap("rep-of", 0).getMessage().contains("unknown handle index 0"));
  }

  @Test
  void unknownIndexTraps() {
    assertTrue(trap("rep-of", 5).getMessage().contains("unknown handle index 5"));
  }

  @Test
  void useAfterDropTraps() {
    long a = call("make", 3);
    call("drop", a);
    assertTrue(trap("rep-of", a).getMessage().contains("unknown handle index 1"));
  }

  @Test
  void doubleDropTrapsAndTheDestructorRanOnce() {
    long a = call("make", 3);
    call("drop", a);
    assertEquals(3, call("dropped"));
    assertTrue(trap("drop", a).getMessage().contains("unknown handle index 1"));
  }

  @Test
  void wrongResourceTypeTraps() {
    long c = call("make", 4);
    Trap wrong = trap("rep-of-s", c);
    assertTrue(wrong.getMessage().contains("wrong type"), wrong.getMessage());
  }

  @Test
  void anInstanceThatTrappedIsUnusableOthersGoOn() {
    long c = call("make", 4);
    trap("rep-of-s", c);
    Trap after = trap("rep-of", c);
    assertTrue(after.getMessage().contains("trapped earlier"), after.getMessage());
    try (Instance other =
        Linker.of(runtime)
            .defineUnknownImportsAsTraps()
            .instantiate(Component.of("resources", TypesGuestTest.guest("resources-wat.wasm")))) {
      Val made = other.func("make").orElseThrow().call(new Val.U32(8)).orElseThrow();
      assertEquals(new Val.U32(1), made);
    }
  }

  @Test
  void reallocMayNotCallImports() {
    Linker linker = Linker.of(runtime).func("ping", (cx, args) -> Optional.empty());
    try (Instance leave =
        linker.instantiate(Component.of("leave", TypesGuestTest.guest("leave-wat.wasm")))) {
      Trap t =
          assertThrows(Trap.class, () -> leave.func("len").orElseThrow().call(new Val.Str("abc")));
      assertTrue(
          t.getMessage().contains("from its realloc, which may not call imports"), t.getMessage());
    }
  }

  /**
   * A host function's string result: the store adapter calls the guest's realloc for it (a queued
   * allocation), and a realloc that calls an import or returns a range out of bounds traps as it
   * does when the host calls it.
   */
  @Test
  void reallocCalledForAHostResultMayNotCallImportsOrMisplaceIt() {
    Linker linker =
        Linker.of(runtime)
            .func("ping", (cx, args) -> Optional.empty())
            .func("greet", (cx, args) -> Optional.of(new Val.Str("hello")));
    Component c = Component.of("leave-import", TypesGuestTest.guest("leave-import-wat.wasm"));
    try (Instance ok = linker.instantiate(c)) {
      for (int round = 0; round < 3; round++) {
        assertEquals(
            Optional.of(new Val.U32(5)), ok.func("greet-len").orElseThrow().call(new Val.U32(0)));
        assertEquals(
            Optional.of(new Val.U32('h')),
            ok.func("greet-byte").orElseThrow().call(new Val.U32(0)));
        assertEquals(
            Optional.of(new Val.U32('o')),
            ok.func("greet-byte").orElseThrow().call(new Val.U32(4)));
      }
    }
    try (Instance leave = linker.instantiate(c)) {
      Trap t =
          assertThrows(
              Trap.class, () -> leave.func("greet-len").orElseThrow().call(new Val.U32(1)));
      assertTrue(
          t.getMessage().contains("from its realloc, which may not call imports"), t.getMessage());
    }
    try (Instance misplaced = linker.instantiate(c)) {
      Trap t =
          assertThrows(
              Trap.class, () -> misplaced.func("greet-len").orElseThrow().call(new Val.U32(2)));
      assertEquals(
          "string of 5 bytes at 65534 is out of bounds of a memory of 65536 bytes", t.getMessage());
    }
  }

  @Test
  void reentranceTraps() {
    Trap t = trap("call-back");
    assertTrue(t.getMessage().contains("reentrance"), t.getMessage());
  }
}
