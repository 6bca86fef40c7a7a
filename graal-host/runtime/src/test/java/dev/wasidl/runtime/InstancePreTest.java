package dev.wasidl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.types.FuncType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.Val;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Linker#instantiatePre}: imports checked once, up front, with instantiation's own messages;
 * instances made from one pre independent of each other (their data, their state, closing one); the
 * linker's later definitions not reaching them; several threads instantiating from one pre.
 * typed-wat imports the root functions ping and call-back (its export call-back calls the import);
 * types-c an interface.
 */
class InstancePreTest {
  private static GraalRuntime runtime;
  private static Component typed;

  @BeforeAll
  static void setUp() {
    runtime = GraalRuntime.create();
    typed = Component.of("typed", TypesGuestTest.guest("typed-wat.wasm"));
  }

  @AfterAll
  static void tearDown() {
    runtime.close();
  }

  /** call-back answers n + 1 and counts its calls into the instance's data (an AtomicInteger). */
  private static Linker counting() {
    return Linker.of(runtime)
        .func("ping", (cx, a) -> Optional.empty())
        .func(
            "call-back",
            (cx, a) -> {
              ((AtomicInteger) cx.data()).incrementAndGet();
              return Optional.of(new Val.U32(((Val.U32) a.getFirst()).value() + 1));
            });
  }

  /** The export call-back: the guest calls the host's call-back with n. */
  private static long callBack(Instance i, long n) {
    return i.func("call-back").orElseThrow().typed(Long.class, long.class).call(n);
  }

  @Test
  void aMissingImportFailsWhenThePreIsMadeWithInstantiationsMessage() {
    Linker linker = Linker.of(runtime).func("call-back", (cx, a) -> Optional.empty());
    UnlinkableException atInstantiation =
        assertThrows(UnlinkableException.class, () -> linker.instantiate(typed));
    UnlinkableException atPre =
        assertThrows(UnlinkableException.class, () -> linker.instantiatePre(typed));
    assertEquals("missing import: function ping is not defined in the linker", atPre.getMessage());
    assertEquals(atInstantiation.getMessage(), atPre.getMessage());
    // an interface import too
    Component typesC = Component.of("types-c", TypesGuestTest.guest("types-c.wasm"));
    UnlinkableException iface =
        assertThrows(UnlinkableException.class, () -> Linker.of(runtime).instantiatePre(typesC));
    assertTrue(
        iface.getMessage().startsWith("missing import: instance test:guest/host@0.1.0"),
        iface.getMessage());
  }

  @Test
  void anImportOfAnotherTypeFailsWhenThePreIsMade() {
    Linker linker =
        Linker.of(runtime)
            .func("ping", (cx, a) -> Optional.empty())
            .func(
                "call-back",
                new FuncType(
                    List.of(new FuncType.Param("n", Primitive.S32)), Optional.of(Primitive.S32)),
                (cx, a) -> Optional.of(a.getFirst()));
    UnlinkableException atPre =
        assertThrows(UnlinkableException.class, () -> linker.instantiatePre(typed));
    assertEquals(
        "import call-back has type func(n: u32) -> u32 but the host defines it as"
            + " func(n: s32) -> s32",
        atPre.getMessage());
    assertEquals(
        assertThrows(UnlinkableException.class, () -> linker.instantiate(typed)).getMessage(),
        atPre.getMessage());
  }

  @Test
  void onePreMakesIndependentInstances() {
    InstancePre pre = counting().instantiatePre(typed);
    assertEquals(typed, pre.component());
    AtomicInteger callsA = new AtomicInteger();
    AtomicInteger callsB = new AtomicInteger();
    Instance b = pre.instantiate(callsB);
    try (Instance a = pre.instantiate(callsA)) {
      assertEquals(6, callBack(a, 5));
      assertEquals(10, callBack(a, 9));
      assertEquals(8, callBack(b, 7));
      assertEquals(2, callsA.get(), "each instance reaches its own data");
      assertEquals(1, callsB.get());
    }
    // closing one leaves the other working
    assertEquals(12, callBack(b, 11));
    assertEquals(2, callsB.get());
    b.close();
    assertThrows(Trap.class, () -> callBack(b, 1));
  }

  @Test
  void laterDefinitionsDoNotReachThePre() {
    Linker linker =
        Linker.of(runtime)
            .allowShadowing(true)
            .func("ping", (cx, a) -> Optional.empty())
            .func("call-back", (cx, a) -> Optional.of(new Val.U32(1)));
    InstancePre pre = linker.instantiatePre(typed);
    linker.func("call-back", (cx, a) -> Optional.of(new Val.U32(2)));
    linker.instance("an:unrelated/iface@1.0.0").func("f", (cx, a) -> Optional.empty());
    try (Instance fromPre = pre.instantiate();
        Instance fromLinker = linker.instantiate(typed)) {
      assertEquals(1, callBack(fromPre, 0), "the definition the pre was made with");
      assertEquals(2, callBack(fromLinker, 0));
    }
  }

  @Test
  void threadsInstantiateFromOnePre() throws Exception {
    InstancePre pre = counting().instantiatePre(typed);
    int threads = 3;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long base = t * 100L;
        results.add(
            pool.submit(
                () -> {
                  long sum = 0;
                  for (int k = 0; k < 4; k++) {
                    AtomicInteger calls = new AtomicInteger();
                    try (Instance i = pre.instantiate(calls)) {
                      sum += callBack(i, base + k);
                      if (calls.get() != 1) {
                        throw new AssertionError("calls " + calls.get());
                      }
                    }
                  }
                  return sum;
                }));
      }
      for (int t = 0; t < threads; t++) {
        assertEquals(4 * (t * 100L + 1) + 6, results.get(t).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Each instance's host functions (its imports, lowered, and its resource builtins) come from
   * classes spun once, not a class per function per instance: a class costs tens of microseconds to
   * define, and one per instance made every call site GraalWasm shares between instances see a new
   * receiver class. echo-c imports 29 core functions; 40 instances used to load over 1,100 classes.
   */
  @Test
  void instancesLoadNoClassesOfTheirOwn() {
    InstancePre pre =
        Linker.of(runtime)
            .defineUnknownImportsAsTraps()
            .instantiatePre(Component.of("echo-c", TypesGuestTest.guest("echo-c.wasm")));
    for (int i = 0; i < 20; i++) {
      pre.instantiate().close();
    }
    // the Graal compiler and java.lang.invoke load a few hundred classes meanwhile, on their own
    long before = loadedClasses();
    for (int i = 0; i < 100; i++) {
      pre.instantiate().close();
    }
    long loaded = loadedClasses() - before;
    assertTrue(loaded < 1_000, loaded + " classes loaded by 100 instantiations");
  }

  /**
   * The JVM's count of classes loaded so far (reflectively: this module reads no java.management).
   */
  private static long loadedClasses() {
    try {
      Object bean =
          Class.forName("java.lang.management.ManagementFactory")
              .getMethod("getClassLoadingMXBean")
              .invoke(null);
      return (long)
          Class.forName("java.lang.management.ClassLoadingMXBean")
              .getMethod("getTotalLoadedClassCount")
              .invoke(bean);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
