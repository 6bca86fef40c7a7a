package dev.wasidl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.types.ResourceType;
import dev.wasidl.types.Val;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The freestanding C guest (types-c: hand-written canonical ABI) run end to end: host imports of
 * records, enums, flags, variants and a host resource; exports of every kind of value type.
 */
class TypesGuestTest {
  private static final String HOST = "test:guest/host@0.1.0";
  private static final String API = "test:guest/api@0.1.0";

  private static GraalRuntime runtime;
  private static Component component;

  static byte[] guest(String name) {
    try (InputStream in = TypesGuestTest.class.getResourceAsStream("/guests/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @BeforeAll
  static void setUp() {
    runtime = GraalRuntime.create();
    component = Component.of("types-c", guest("types-c.wasm"));
  }

  @AfterAll
  static void tearDown() {
    runtime.close();
  }

  /** The host side: a log, and counters kept by representation. */
  static final class Host {
    final List<String> log = new ArrayList<>();
    final Map<Integer, Long> counters = new HashMap<>();
    final List<Integer> dropped = new ArrayList<>();
    int next = 100;

    Linker linker(GraalRuntime runtime) {
      ResourceType counter = ResourceType.host("counter");
      Linker linker = Linker.of(runtime);
      linker
          .instance(HOST)
          .func("get-name", (cx, a) -> Optional.of(new Val.Str("GraalWasm")))
          .func(
              "log",
              (cx, a) -> {
                log.add(((Val.EnumVal) a.get(0)).caseName() + ":" + ((Val.Str) a.get(1)).value());
                return Optional.empty();
              })
          .resource("counter", counter, (cx, rep) -> dropped.add(rep))
          .func(
              "[constructor]counter",
              (cx, a) -> {
                int rep = next++;
                counters.put(rep, ((Val.U32) a.get(0)).value());
                return Optional.of(new Val.Own(rep));
              })
          .func(
              "[method]counter.increment",
              (cx, a) -> {
                int rep = ((Val.Borrow) a.get(0)).rep();
                long v = counters.merge(rep, ((Val.U32) a.get(1)).value(), Long::sum);
                return Optional.of(new Val.U32(v));
              })
          .func(
              "[method]counter.value",
              (cx, a) -> Optional.of(new Val.U32(counters.get(((Val.Borrow) a.get(0)).rep()))))
          .func(
              "[static]counter.make",
              (cx, a) -> {
                int rep = next++;
                counters.put(rep, 1000L);
                return Optional.of(new Val.Own(rep));
              });
      return linker;
    }
  }

  private static Val str(String s) {
    return new Val.Str(s);
  }

  @Test
  void everyValueTypeBothWays() {
    Host host = new Host();
    try (Instance instance = host.linker(runtime).instantiate(component)) {
      assertEquals(
          Optional.of(str("types-c 0.1.0")), instance.func("version").orElseThrow().call());

      Func greet = instance.func(API, "greet").orElseThrow();
      Val person =
          new Val.RecordVal(
              List.of(
                  new Val.Field("name", str("Ada")),
                  new Val.Field("age", new Val.U8(36)),
                  new Val.Field("tags", new Val.ListVal(List.of(str("x"), str("yz")))),
                  new Val.Field(
                      "home",
                      new Val.OptionVal(
                          Optional.of(
                              new Val.RecordVal(
                                  List.of(
                                      new Val.Field("x", new Val.S32(1)),
                                      new Val.Field("y", new Val.S32(2)))))))));
      assertEquals(Optional.of(str("hello Ada from GraalWasm x yz @home!")), greet.call(person));

      Func area = instance.func(API, "area").orElseThrow();
      assertEquals(
          Optional.of(new Val.F64(Math.PI * 4)),
          area.call(new Val.Variant("circle", Optional.of(new Val.F64(2.0)))));
      assertEquals(
          Optional.of(new Val.F64(12.0)),
          area.call(
              new Val.Variant(
                  "rect",
                  Optional.of(
                      new Val.RecordVal(
                          List.of(
                              new Val.Field("x", new Val.S32(3)),
                              new Val.Field("y", new Val.S32(4))))))));
      assertEquals(
          Optional.of(new Val.F64(0.0)), area.call(new Val.Variant("none", Optional.empty())));

      Func check = instance.func(API, "check").orElseThrow();
      assertEquals(
          Optional.of(new Val.Tuple(List.of(new Val.Bool(true), new Val.U32(13)))),
          check.call(new Val.EnumVal("green"), Val.Flags.of("read", "exec")));
      assertEquals(List.of("green:checking"), host.log);

      Func parse = instance.func(API, "parse").orElseThrow();
      assertEquals(Optional.of(Val.ResultVal.ok(new Val.S64(-42))), parse.call(str("-42")));
      assertEquals(Optional.of(Val.ResultVal.err(str("not a number"))), parse.call(str("4x")));

      Func sum = instance.func(API, "sum").orElseThrow();
      assertEquals(
          Optional.of(new Val.OptionVal(Optional.of(new Val.S64(6)))),
          sum.call(new Val.ListVal(List.of(new Val.S32(1), new Val.S32(2), new Val.S32(3)))));
      assertEquals(
          Optional.of(new Val.OptionVal(Optional.empty())), sum.call(new Val.ListVal(List.of())));

      Func mix = instance.func(API, "mix").orElseThrow();
      assertEquals(
          Optional.of(new Val.U64(-5_000_000L + 65_535_000L + 65 + 2)),
          mix.call(
              new Val.S8((byte) -5), new Val.U16(65535), new Val.Char('A'), new Val.F32(2.5f)));
    }
  }

  @Test
  void hostResourcesThroughTheirMethods() {
    Host host = new Host();
    try (Instance instance = host.linker(runtime).instantiate(component)) {
      Func countUp = instance.func(API, "count-up").orElseThrow();
      // counter(10).increment(2) -> 12, plus make() -> 1000; both dropped by the guest
      assertEquals(Optional.of(new Val.U32(1012)), countUp.call(new Val.U32(10)));
      assertEquals(List.of(100, 101), host.dropped);
    }
  }

  @Test
  void guestResourcesCreatedAndUsedFromTheHost() {
    Host host = new Host();
    try (Instance instance = host.linker(runtime).instantiate(component)) {
      Val blob =
          instance
              .func(API, "[constructor]blob")
              .orElseThrow()
              .call(new Val.ListVal(List.of(new Val.U8(7), new Val.U8(8), new Val.U8(9))))
              .orElseThrow();
      int rep = ((Val.Own) blob).rep();
      Func size = instance.func(API, "[method]blob.size").orElseThrow();
      assertEquals(Optional.of(new Val.U64(3)), size.call(new Val.Borrow(rep)));
      Func read = instance.func(API, "[method]blob.read").orElseThrow();
      assertEquals(
          Optional.of(Val.ResultVal.ok(new Val.ListVal(List.of(new Val.U8(8), new Val.U8(9))))),
          read.call(new Val.Borrow(rep), new Val.U32(1), new Val.U32(2)));
      assertEquals(
          Optional.of(Val.ResultVal.err(str("out of bounds"))),
          read.call(new Val.Borrow(rep), new Val.U32(1), new Val.U32(5)));
      // the host owns the blob: dropping it runs the guest's destructor, which count-up reports
      Func constructor = instance.func(API, "[constructor]blob").orElseThrow();
      ResourceType blobType =
          ((dev.wasidl.types.OwnType) constructor.type().result().orElseThrow()).resource();
      Func countUp = instance.func(API, "count-up").orElseThrow();
      assertEquals(Optional.of(new Val.U32(1012)), countUp.call(new Val.U32(10)));
      instance.resourceDrop(blobType, rep);
      assertEquals(Optional.of(new Val.U32(1013)), countUp.call(new Val.U32(10)));
      assertThrows(
          IllegalArgumentException.class,
          () -> instance.resourceDrop(ResourceType.host("counter"), 1));
    }
  }

  @Test
  void missingImportsAreNamed() {
    UnlinkableException e =
        assertThrows(UnlinkableException.class, () -> Linker.of(runtime).instantiate(component));
    assertTrue(e.getMessage().contains(HOST), e.getMessage());
    // with unknown imports as traps, the exports that need no import still run
    try (Instance instance =
        Linker.of(runtime).defineUnknownImportsAsTraps().instantiate(component)) {
      assertEquals(
          Optional.of(str("types-c 0.1.0")), instance.func("version").orElseThrow().call());
      Trap t =
          assertThrows(
              Trap.class, () -> instance.func(API, "count-up").orElseThrow().call(new Val.U32(1)));
      assertTrue(t.getMessage().contains("[constructor]counter"), t.getMessage());
    }
  }
}
