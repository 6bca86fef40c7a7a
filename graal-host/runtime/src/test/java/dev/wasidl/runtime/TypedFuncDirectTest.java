package dev.wasidl.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.types.ResourceType;
import dev.wasidl.types.U8List;
import dev.wasidl.types.Val;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link TypedFunc}'s direct path (Java values straight to core values, no {@link Val}) against
 * {@link Func#call} on the same real guests: the same results for every type it carries, the same
 * exceptions for bad Java arguments, the same traps for results that break the canonical ABI, and
 * post-return, may_leave and reentrance kept.
 */
class TypedFuncDirectTest {
  private static final String HOST = "test:echo/host@0.1.0";
  private static GraalRuntime runtime;
  private static Instance echo;

  @BeforeAll
  static void setUp() {
    runtime = GraalRuntime.create();
    Linker linker = Linker.of(runtime);
    linker
        .instance("test:echo/types@0.1.0")
        .resource("thing", ResourceType.host("thing"), (cx, rep) -> {});
    LinkerInstance host = linker.instance(HOST);
    for (String name :
        List.of(
            "bool", "s8", "u8", "s16", "u16", "s32", "u32", "s64", "u64", "f32", "f64", "char",
            "string", "bytes")) {
      host.func("echo-" + name, (cx, a) -> Optional.of(a.getFirst()));
    }
    host.func(
        "sum17",
        (cx, a) ->
            Optional.of(new Val.U64(a.stream().mapToLong(v -> ((Val.U32) v).value()).sum())));
    linker.defineUnknownImportsAsTraps();
    echo = linker.instantiate(Component.of("echo-c", TypesGuestTest.guest("echo-c.wasm")));
  }

  @AfterAll
  static void tearDown() {
    echo.close();
    runtime.close();
  }

  /** Calls {@code name} both ways with each value; both must give {@code expected.apply(v)}. */
  private static <T> void agree(
      String name, Class<T> java, Function<T, Val> toVal, List<T> values) {
    Func f = echo.func(HOST, name).orElseThrow();
    TypedFunc<T> typed = f.typed(java, java);
    assertTrue(typed.isDirect(), name + " should take the direct path");
    for (T v : values) {
      Object direct = typed.call(v);
      Val viaVal = f.call(toVal.apply(v)).orElseThrow();
      assertEquals(toVal.apply(java.cast(direct)), viaVal, name + " of " + v);
    }
  }

  @Test
  void directPathAgreesWithTheValPathOnEveryPrimitive() {
    agree("echo-bool", Boolean.class, Val.Bool::new, List.of(true, false));
    agree("echo-s8", Byte.class, Val.S8::new, List.of(Byte.MIN_VALUE, (byte) 0, Byte.MAX_VALUE));
    agree("echo-u8", Integer.class, Val.U8::new, List.of(0, 1, 255));
    agree("echo-s16", Short.class, Val.S16::new, List.of(Short.MIN_VALUE, Short.MAX_VALUE));
    agree("echo-u16", Integer.class, Val.U16::new, List.of(0, 65535));
    agree(
        "echo-s32", Integer.class, Val.S32::new, List.of(Integer.MIN_VALUE, -1, Integer.MAX_VALUE));
    agree("echo-u32", Long.class, Val.U32::new, List.of(0L, 42L, 0xffff_ffffL));
    agree("echo-s64", Long.class, Val.S64::new, List.of(Long.MIN_VALUE, -1L, Long.MAX_VALUE));
    agree("echo-u64", Long.class, Val.U64::new, List.of(0L, -1L, Long.MIN_VALUE));
    agree(
        "echo-f32",
        Float.class,
        Val.F32::new,
        List.of(
            -0.0f,
            Float.MIN_VALUE,
            Float.POSITIVE_INFINITY,
            Float.NaN,
            Float.intBitsToFloat(0x7fc00001),
            Float.intBitsToFloat(0xffbfffff)));
    agree(
        "echo-f64",
        Double.class,
        Val.F64::new,
        List.of(-0.0, Double.MAX_VALUE, Double.longBitsToDouble(0x7ff0000000000001L)));
    agree("echo-char", Integer.class, Val.Char::new, List.of(0, 0xd7ff, 0xe000, 0x1f600, 0x10ffff));
  }

  @Test
  void nansComeBackCanonical() {
    TypedFunc<Float> f32 =
        echo.func(HOST, "echo-f32").orElseThrow().typed(Float.class, float.class);
    assertEquals(0x7fc00000, Float.floatToRawIntBits(f32.call(Float.intBitsToFloat(0xffbfffff))));
    TypedFunc<Double> f64 =
        echo.func(HOST, "echo-f64").orElseThrow().typed(Double.class, double.class);
    assertEquals(
        0x7ff8000000000000L,
        Double.doubleToRawLongBits(f64.call(Double.longBitsToDouble(0xfff0000000000001L))));
  }

  @Test
  void stringsAndBytesAgreeWithTheValPath() {
    agree(
        "echo-string",
        String.class,
        Val.Str::new,
        List.of("", "x", "why? ?", "ünïcode", "😀 mixed \u00ff\u0100", "p".repeat(1 << 20)));
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    byte[] big = new byte[1 << 20];
    Arrays.fill(big, (byte) 0xa5);
    Func f = echo.func(HOST, "echo-bytes").orElseThrow();
    TypedFunc<byte[]> typed = f.typed(byte[].class, byte[].class);
    assertTrue(typed.isDirect());
    for (byte[] b : List.of(new byte[0], all, big)) {
      byte[] direct = typed.call((Object) b);
      Val viaVal = f.call(new Val.ListVal(U8List.copyOf(b))).orElseThrow();
      assertArrayEquals(b, direct);
      assertArrayEquals(((U8List) ((Val.ListVal) viaVal).elements()).toByteArray(), direct);
    }
  }

  @Test
  void badJavaArgumentsFailAlikeAndLeaveTheInstanceUsable() {
    TypedFunc<Integer> u8 =
        echo.func(HOST, "echo-u8").orElseThrow().typed(Integer.class, int.class);
    TypedFunc<Integer> u16 =
        echo.func(HOST, "echo-u16").orElseThrow().typed(Integer.class, int.class);
    TypedFunc<Long> u32 = echo.func(HOST, "echo-u32").orElseThrow().typed(Long.class, long.class);
    TypedFunc<Integer> ch =
        echo.func(HOST, "echo-char").orElseThrow().typed(Integer.class, int.class);
    TypedFunc<String> s =
        echo.func(HOST, "echo-string").orElseThrow().typed(String.class, String.class);
    sameFailure(() -> u8.call(256), () -> new Val.U8(256));
    sameFailure(() -> u8.call(-1), () -> new Val.U8(-1));
    sameFailure(() -> u16.call(65536), () -> new Val.U16(65536));
    sameFailure(() -> u32.call(-1L), () -> new Val.U32(-1L));
    sameFailure(() -> u32.call(1L << 32), () -> new Val.U32(1L << 32));
    sameFailure(() -> ch.call(0xd800), () -> new Val.Char(0xd800));
    sameFailure(() -> ch.call(0x110000), () -> new Val.Char(0x110000));
    sameFailure(() -> s.call((Object) null), () -> new Val.Str(null));
    assertThrows(ClassCastException.class, () -> u32.call(1));
    Trap arity = assertThrows(Trap.class, () -> u32.call(1L, 2L));
    assertEquals("test:echo/host@0.1.0#echo-u32 takes 1 arguments, got 2", arity.getMessage());
    // all refused before entering the instance: it still works
    assertEquals(255, u8.call(255));
  }

  private static void sameFailure(Runnable typed, Runnable val) {
    RuntimeException viaVal = assertThrows(RuntimeException.class, val::run);
    RuntimeException direct = assertThrows(viaVal.getClass(), typed::run);
    assertEquals(viaVal.getMessage(), direct.getMessage());
  }

  private static Instance typedGuest(AtomicReference<Instance> self) {
    Linker linker =
        Linker.of(runtime)
            .func("ping", (cx, a) -> Optional.empty())
            .func(
                "call-back",
                (cx, a) ->
                    Optional.of(
                        new Val.U32(
                            self.get()
                                .func("add")
                                .orElseThrow()
                                .typed(Long.class, long.class, long.class)
                                .call(((Val.U32) a.getFirst()).value(), 1L))));
    Instance i = linker.instantiate(Component.of("typed", TypesGuestTest.guest("typed-wat.wasm")));
    self.set(i);
    return i;
  }

  private static Instance typedGuest() {
    return typedGuest(new AtomicReference<>());
  }

  /** The trap of calling {@code name} on a fresh instance through {@code call}. */
  private static Trap trapOn(String name, Function<Func, Object> call) {
    try (Instance i = typedGuest()) {
      Func f = i.func(name).orElseThrow();
      Trap t = assertThrows(Trap.class, () -> call.apply(f));
      Trap after = assertThrows(Trap.class, () -> call.apply(f));
      assertTrue(after.getMessage().contains("trapped earlier"), after.getMessage());
      return t;
    }
  }

  @Test
  void badResultsTrapAlike() {
    List<String> seen = new ArrayList<>();
    for (String name : List.of("surrogate", "beyond")) {
      Trap viaVal = trapOn(name, Func::call);
      Trap direct = trapOn(name, f -> checkDirect(f.typed(Integer.class)).call());
      assertEquals(viaVal.getMessage(), direct.getMessage());
      seen.add(direct.getMessage());
    }
    for (String name : List.of("oob-string", "misaligned", "retptr-oob", "bad-utf8")) {
      Trap viaVal = trapOn(name, Func::call);
      Trap direct = trapOn(name, f -> checkDirect(f.typed(String.class)).call());
      assertEquals(viaVal.getMessage(), direct.getMessage());
      seen.add(direct.getMessage());
    }
    Trap viaVal = trapOn("oob-bytes", Func::call);
    Trap direct = trapOn("oob-bytes", f -> checkDirect(f.typed(byte[].class)).call());
    assertEquals(viaVal.getMessage(), direct.getMessage());
    seen.add(direct.getMessage());
    assertEquals(
        List.of(
            "invalid char: 0xd800 is a surrogate",
            "invalid char: 0x110000 is beyond U+10FFFF",
            "string of 1000 bytes at 65000 is out of bounds of a memory of 65536 bytes",
            "spilled tuple<string> pointer 17 is not aligned to 4",
            "spilled tuple<string> of 8 bytes at 65532 is out of bounds of a memory of 65536 bytes",
            seen.get(5),
            "list of 7 bytes at 65530 is out of bounds of a memory of 65536 bytes"),
        seen);
    assertTrue(seen.get(5).contains("UTF-8") || seen.get(5).contains("utf-8"), seen.get(5));
  }

  private static <R> TypedFunc<R> checkDirect(TypedFunc<R> f) {
    assertTrue(f.isDirect(), f + " should take the direct path");
    return f;
  }

  @Test
  void unpairedSurrogateArgumentTrapsAlike() {
    Trap viaVal = trapOn("echo", f -> f.call(new Val.Str("a\ud800")));
    Trap direct =
        trapOn("echo", f -> checkDirect(f.typed(String.class, String.class)).call("a\ud800"));
    assertEquals(viaVal.getMessage(), direct.getMessage());
    assertEquals("string holds an unpaired surrogate 0xd800 at index 1", direct.getMessage());
    // encoded to one '?' byte each: the ASCII fast path must not take it for a '?'
    Trap question =
        trapOn("echo", f -> checkDirect(f.typed(String.class, String.class)).call("??\udfff?"));
    assertEquals("string holds an unpaired surrogate 0xdfff at index 2", question.getMessage());
  }

  @Test
  void postReturnRunsAfterEveryCallWithTheCoreResult() {
    try (Instance i = typedGuest()) {
      // one 64 KiB page, the heap reset only by post-return: 200 x 1000 bytes fit only if it runs
      TypedFunc<String> s =
          checkDirect(i.func("echo").orElseThrow().typed(String.class, String.class));
      TypedFunc<byte[]> b =
          checkDirect(i.func("echo-bytes").orElseThrow().typed(byte[].class, byte[].class));
      TypedFunc<Long> add =
          checkDirect(i.func("add").orElseThrow().typed(Long.class, long.class, long.class));
      String text = "é".repeat(500);
      byte[] bytes = new byte[1000];
      Arrays.fill(bytes, (byte) 7);
      for (int k = 0; k < 200; k++) {
        assertEquals(text, s.call(text));
        assertArrayEquals(bytes, b.call((Object) bytes));
        assertEquals(5L, add.call(2L, 3L));
      }
      TypedFunc<Long> posts = checkDirect(i.func("posts").orElseThrow().typed(Long.class));
      TypedFunc<Long> badPosts = checkDirect(i.func("bad-posts").orElseThrow().typed(Long.class));
      assertEquals(600L, posts.call());
      assertEquals(0L, badPosts.call());
    }
  }

  @Test
  void postReturnMayNotCallImportsAlike() {
    Trap viaVal = trapOn("add-ping", f -> f.call(new Val.U32(1), new Val.U32(2)));
    Trap direct =
        trapOn(
            "add-ping", f -> checkDirect(f.typed(Long.class, long.class, long.class)).call(1L, 2L));
    assertEquals(viaVal.getMessage(), direct.getMessage());
    assertTrue(
        direct.getMessage().contains("from its post-return, which may not call imports"),
        direct.getMessage());
  }

  @Test
  void reallocMayNotCallImportsAlike() {
    Linker linker = Linker.of(runtime).func("ping", (cx, args) -> Optional.empty());
    try (Instance leave =
        linker.instantiate(Component.of("leave", TypesGuestTest.guest("leave-wat.wasm")))) {
      TypedFunc<Long> len =
          checkDirect(leave.func("len").orElseThrow().typed(Long.class, String.class));
      Trap t = assertThrows(Trap.class, () -> len.call("abc"));
      assertTrue(
          t.getMessage().contains("from its realloc, which may not call imports"), t.getMessage());
    }
  }

  @Test
  void reentranceTrapsAlike() {
    AtomicReference<Instance> self = new AtomicReference<>();
    String viaVal;
    try (Instance i = typedGuest(self)) {
      viaVal =
          assertThrows(Trap.class, () -> i.func("call-back").orElseThrow().call(new Val.U32(1)))
              .getMessage();
    }
    try (Instance i = typedGuest(self)) {
      TypedFunc<Long> cb =
          checkDirect(i.func("call-back").orElseThrow().typed(Long.class, long.class));
      Trap t = assertThrows(Trap.class, () -> cb.call(1L));
      assertEquals(viaVal, t.getMessage());
      assertTrue(t.getMessage().contains("(reentrance)"), t.getMessage());
    }
  }

  @Test
  void otherSignaturesKeepTheValPath() {
    TypedFunc<Long> sum =
        echo.func(HOST, "sum17")
            .orElseThrow()
            .typed(
                Long.class, java.util.Collections.nCopies(17, long.class).toArray(Class<?>[]::new));
    assertFalse(sum.isDirect(), "17 core parameters spill: the Val path");
    assertEquals(
        17 * 6L, sum.call(6L, 6L, 6L, 6L, 6L, 6L, 6L, 6L, 6L, 6L, 6L, 6L, 6L, 6L, 6L, 6L, 6L));
    TypedFunc<Val> asVal = echo.func(HOST, "echo-u32").orElseThrow().typed(Val.class, Val.class);
    assertFalse(asVal.isDirect());
    assertEquals(new Val.U32(9), asVal.call(new Val.U32(9)));
    TypedFunc<Val> mixed = echo.func(HOST, "echo-u32").orElseThrow().typed(Val.class, long.class);
    assertFalse(mixed.isDirect());
    assertEquals(new Val.U32(9), mixed.call(9L));
  }
}
