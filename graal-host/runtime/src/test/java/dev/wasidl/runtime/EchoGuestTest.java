package dev.wasidl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.types.ResourceType;
import dev.wasidl.types.Val;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * echo-c: every WIT value type in both directions. The host calls an export, the guest passes the
 * flat arguments to the host import of the same name, the host echoes, and the guest returns it:
 * each value is lowered and lifted twice, through registers, spilled parameters, spilled results
 * and memory the host allocates with {@code cabi_realloc}.
 */
class EchoGuestTest {
  private static final String HOST = "test:echo/host@0.1.0";
  private static GraalRuntime runtime;
  private static Instance instance;
  private static final List<Integer> dropped = new ArrayList<>();

  @BeforeAll
  static void setUp() {
    runtime = GraalRuntime.create();
    Linker linker = Linker.of(runtime);
    linker
        .instance("test:echo/types@0.1.0")
        .resource("thing", ResourceType.host("thing"), (cx, rep) -> dropped.add(rep))
        .func(
            "[constructor]thing",
            (cx, a) -> Optional.of(new Val.Own((int) ((Val.U32) a.get(0)).value())))
        .func(
            "[method]thing.value",
            (cx, a) -> Optional.of(new Val.U32(((Val.Borrow) a.get(0)).rep())));
    LinkerInstance host = linker.instance(HOST);
    for (String name :
        List.of(
            "bool", "s8", "u8", "s16", "u16", "s32", "u32", "s64", "u64", "f32", "f64", "char",
            "string", "bytes", "strings", "points", "point", "prims", "color", "small", "big",
            "shape", "option", "result", "tuple", "thing")) {
      host.func("echo-" + name, (cx, a) -> Optional.of(a.getFirst()));
    }
    host.func(
        "peek-thing", (cx, a) -> Optional.of(new Val.U32(10L * ((Val.Borrow) a.getFirst()).rep())));
    host.func(
        "sum17",
        (cx, a) ->
            Optional.of(new Val.U64(a.stream().mapToLong(v -> ((Val.U32) v).value()).sum())));
    instance = linker.instantiate(Component.of("echo-c", TypesGuestTest.guest("echo-c.wasm")));
  }

  @AfterAll
  static void tearDown() {
    instance.close();
    runtime.close();
  }

  private static Val str(String s) {
    return new Val.Str(s);
  }

  private static Val rec(Object... nameValue) {
    List<Val.Field> fields = new ArrayList<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      fields.add(new Val.Field((String) nameValue[i], (Val) nameValue[i + 1]));
    }
    return new Val.RecordVal(fields);
  }

  private static Val list(Val... vs) {
    return new Val.ListVal(List.of(vs));
  }

  static List<Arguments> values() {
    Set<String> all32 = new LinkedHashSet<>();
    IntStream.range(0, 32).forEach(i -> all32.add("b" + i));
    Val bytes =
        new Val.ListVal(IntStream.range(0, 256).mapToObj(i -> (Val) new Val.U8(i)).toList());
    return List.of(
        Arguments.of("bool", new Val.Bool(true)),
        Arguments.of("bool", new Val.Bool(false)),
        Arguments.of("s8", new Val.S8(Byte.MIN_VALUE)),
        Arguments.of("s8", new Val.S8(Byte.MAX_VALUE)),
        Arguments.of("u8", new Val.U8(255)),
        Arguments.of("s16", new Val.S16(Short.MIN_VALUE)),
        Arguments.of("u16", new Val.U16(65535)),
        Arguments.of("s32", new Val.S32(Integer.MIN_VALUE)),
        Arguments.of("u32", new Val.U32(4294967295L)),
        Arguments.of("s64", new Val.S64(Long.MIN_VALUE)),
        Arguments.of("s64", new Val.S64(Long.MAX_VALUE)),
        Arguments.of("u64", new Val.U64(-1L)),
        Arguments.of("f32", new Val.F32(-0.0f)),
        Arguments.of("f32", new Val.F32(Float.POSITIVE_INFINITY)),
        Arguments.of("f32", new Val.F32(Float.NaN)),
        Arguments.of("f32", new Val.F32(Float.MIN_VALUE)),
        Arguments.of("f64", new Val.F64(Double.MAX_VALUE)),
        Arguments.of("f64", new Val.F64(Double.NaN)),
        Arguments.of("char", new Val.Char('A')),
        Arguments.of("char", new Val.Char('€')),
        Arguments.of("char", new Val.Char(0x1F600)),
        Arguments.of("char", new Val.Char(0x10FFFF)),
        Arguments.of("string", str("")),
        Arguments.of("string", str("héllo wörld ✓ 😀")),
        Arguments.of("string", str("x".repeat(100_000))),
        Arguments.of("bytes", list()),
        Arguments.of("bytes", bytes),
        Arguments.of("strings", list(str("a"), str(""), str("ü"))),
        Arguments.of(
            "points",
            list(
                rec("x", new Val.S32(1), "y", new Val.S32(2)),
                rec("x", new Val.S32(-3), "y", new Val.S32(4)))),
        Arguments.of(
            "point", rec("x", new Val.S32(Integer.MIN_VALUE), "y", new Val.S32(Integer.MAX_VALUE))),
        Arguments.of(
            "prims",
            rec(
                "a", new Val.Bool(true),
                "b", new Val.S8((byte) -7),
                "c", new Val.U8(200),
                "d", new Val.S16((short) -300),
                "e", new Val.U16(60000),
                "f", new Val.S32(-70000),
                "g", new Val.U32(3_000_000_000L),
                "h", new Val.S64(-5_000_000_000L),
                "i", new Val.U64(Long.MIN_VALUE),
                "j", new Val.F32(0.25f),
                "k", new Val.F64(-1e300),
                "l", new Val.Char(0x1F680))),
        Arguments.of("color", new Val.EnumVal("red")),
        Arguments.of("color", new Val.EnumVal("blue")),
        Arguments.of("small", Val.Flags.of()),
        Arguments.of("small", Val.Flags.of("a", "c")),
        Arguments.of("big", Val.Flags.of("b0", "b31")),
        Arguments.of("big", new Val.Flags(all32)),
        Arguments.of("shape", new Val.Variant("circle", Optional.of(new Val.F64(2.5)))),
        Arguments.of(
            "shape",
            new Val.Variant("rect", Optional.of(rec("x", new Val.S32(-1), "y", new Val.S32(7))))),
        Arguments.of("shape", new Val.Variant("label", Optional.of(str("a label")))),
        Arguments.of("shape", new Val.Variant("none", Optional.empty())),
        Arguments.of("option", new Val.OptionVal(Optional.of(str("some")))),
        Arguments.of("option", new Val.OptionVal(Optional.empty())),
        Arguments.of("result", Val.ResultVal.ok(new Val.U32(42))),
        Arguments.of("result", Val.ResultVal.err(str("failed"))),
        Arguments.of(
            "tuple", new Val.Tuple(List.of(new Val.U8(9), str("nine"), new Val.F64(9.5)))));
  }

  @ParameterizedTest
  @MethodSource("values")
  void echoes(String type, Val value) {
    Func echo = instance.func(HOST, "echo-" + type).orElseThrow();
    assertEquals(Optional.of(value), echo.call(value));
  }

  static List<Arguments> hostMistakes() {
    Val point = rec("x", new Val.S32(1), "y", new Val.S32(2));
    return List.of(
        Arguments.of("u32", List.of(new Val.S32(5)), "argument v is a u32, not S32 5"),
        Arguments.of("u32", List.of(), "takes 1 arguments"),
        Arguments.of("u32", List.of(new Val.U32(1), new Val.U32(2)), "got 2"),
        Arguments.of("u32", Arrays.asList((Val) null), "argument v is null"),
        Arguments.of("point", List.of(rec("x", new Val.S32(1))), "argument v lacks field y"),
        Arguments.of(
            "point",
            List.of(rec("x", new Val.S32(1), "y", new Val.S32(2), "z", new Val.S32(3))),
            "has fields"),
        Arguments.of("point", List.of(rec("x", new Val.S32(1), "y", new Val.U32(2))), "v.y"),
        Arguments.of("points", List.of(list(point, new Val.S32(3))), "argument v[1] is a"),
        Arguments.of("color", List.of(new Val.EnumVal("purple")), "has no case purple"),
        Arguments.of("small", List.of(new Val.Flags(Set.of("a", "z"))), "has no flag z"),
        Arguments.of(
            "shape",
            List.of(new Val.Variant("circle", Optional.empty())),
            "case circle needs a payload of f64"),
        Arguments.of(
            "shape",
            List.of(new Val.Variant("none", Optional.of(new Val.U8(1)))),
            "case none takes no payload"),
        Arguments.of(
            "result",
            List.of(new Val.ResultVal(false, Optional.of(new Val.U32(1)))),
            "err is a string, not U32"),
        Arguments.of(
            "tuple",
            List.of(new Val.Tuple(List.of(new Val.U8(1), str("x")))),
            "argument v is a tuple"),
        Arguments.of("option", List.of(new Val.OptionVal(Optional.of(new Val.U8(1)))), "some"),
        Arguments.of("thing", List.of(new Val.Borrow(1)), "is a own"));
  }

  /**
   * A host's mistake in an export call's arguments is an {@link IllegalArgumentException} naming
   * it, raised before the guest is entered: the instance answers the next call (issue 18).
   */
  @ParameterizedTest
  @MethodSource("hostMistakes")
  void hostMistakesAreExceptionsAndLeaveTheInstanceUsable(
      String type, List<Val> args, String expected) {
    Func f = instance.func(HOST, "echo-" + type).orElseThrow();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.call(args));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().startsWith(HOST + "#echo-" + type), e.getMessage());
    assertEquals(
        Optional.of(new Val.U32(7)),
        instance.func(HOST, "echo-u32").orElseThrow().call(new Val.U32(7)));
  }

  @Test
  void postReturnRunsAfterEachCall() {
    // the guest's bump allocator (8 MiB) is reset only by its post-return functions: 100 round
    // trips of 100 KB (20 MB allocated in all) succeed only if post-return runs every time
    Func echo = instance.func(HOST, "echo-string").orElseThrow();
    Val big = str("p".repeat(100_000));
    for (int i = 0; i < 100; i++) {
      assertEquals(Optional.of(big), echo.call(big));
    }
  }

  @Test
  void typedFunctions() {
    TypedFunc<Long> u64 =
        instance.func(HOST, "echo-u64").orElseThrow().typed(Long.class, long.class);
    assertEquals(-1L, u64.call(-1L));
    TypedFunc<String> s =
        instance.func(HOST, "echo-string").orElseThrow().typed(String.class, String.class);
    assertEquals("ünïcode", s.call("ünïcode"));
    TypedFunc<Integer> ch =
        instance.func(HOST, "echo-char").orElseThrow().typed(Integer.class, int.class);
    assertEquals(0x1F600, ch.call(0x1F600));
    TypedFunc<Long> sum =
        instance
            .func(HOST, "sum17")
            .orElseThrow()
            .typed(
                Long.class, java.util.Collections.nCopies(17, long.class).toArray(Class<?>[]::new));
    assertEquals(
        17 * 5L, sum.call(5L, 5L, 5L, 5L, 5L, 5L, 5L, 5L, 5L, 5L, 5L, 5L, 5L, 5L, 5L, 5L, 5L));
    TypedFunc<Val> point =
        instance.func(HOST, "echo-point").orElseThrow().typed(Val.class, Val.class);
    Val p = rec("x", new Val.S32(1), "y", new Val.S32(2));
    assertEquals(p, point.call(p));
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> instance.func(HOST, "echo-u32").orElseThrow().typed(Integer.class, int.class));
    org.junit.jupiter.api.Assertions.assertTrue(
        e.getMessage().contains("parameter 0 is u32, which int cannot carry"), e.getMessage());
  }

  @Test
  void resourcesPassBothWaysAndTheSeventeenthParameterSpills() {
    // own<thing>: host -> guest table -> host import (moved out) -> back into the guest -> host
    assertEquals(
        Optional.of(new Val.Own(77)),
        instance.func(HOST, "echo-thing").orElseThrow().call(new Val.Own(77)));
    // borrow<thing> into the guest, passed on to the host as a borrow of the same representation
    assertEquals(
        Optional.of(new Val.U32(770)),
        instance.func(HOST, "peek-thing").orElseThrow().call(new Val.Borrow(77)));
    Val[] args = new Val[17];
    for (int i = 0; i < 17; i++) {
      args[i] = new Val.U32(4_000_000_000L - i);
    }
    assertEquals(
        Optional.of(new Val.U64(17 * 4_000_000_000L - 136)),
        instance.func(HOST, "sum17").orElseThrow().call(args));
  }
}
