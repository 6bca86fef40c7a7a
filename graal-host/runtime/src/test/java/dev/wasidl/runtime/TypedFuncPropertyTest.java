package dev.wasidl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.types.ResourceType;
import dev.wasidl.types.Val;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * {@link TypedFunc}'s direct path against {@link Func#call}, property-based, on echo-c's exports
 * (each calls the host's echo and returns what it got): random Java values, out-of-range ones, NaN
 * payloads, invalid code points and strings with unpaired surrogates included. Both paths must
 * return the same value, or fail with the same exception class and message.
 */
class TypedFuncPropertyTest {
  private static final String HOST = "test:echo/host@0.1.0";
  private static final String TRAP = dev.wasidl.abi.Trap.class.getName();
  private static GraalRuntime runtime;
  private static Linker linker;
  private static Component component;
  // one instance per path: a trap poisons the instance it happened in, which is then replaced
  private static Instance direct;
  private static Instance reference;

  @BeforeContainer
  static void setUp() {
    runtime = GraalRuntime.create();
    linker = Linker.of(runtime);
    linker
        .instance("test:echo/types@0.1.0")
        .resource("thing", ResourceType.host("thing"), (cx, rep) -> {});
    LinkerInstance host = linker.instance(HOST);
    for (String name :
        List.of("u8", "s32", "u32", "s64", "f32", "f64", "char", "string", "bytes")) {
      host.func("echo-" + name, (cx, a) -> Optional.of(a.getFirst()));
    }
    linker.defineUnknownImportsAsTraps();
    component = Component.of("echo-c", TypesGuestTest.guest("echo-c.wasm"));
    direct = linker.instantiate(component);
    reference = linker.instantiate(component);
  }

  @AfterContainer
  static void tearDown() {
    direct.close();
    reference.close();
    runtime.close();
  }

  /** What a call gave: the value as a {@link Val}, or the exception's class and message. */
  private static String outcome(Supplier<Val> call) {
    try {
      return "value " + call.get();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  private static <T> void agree(String name, Class<T> java, Function<T, Val> toVal, T v) {
    TypedFunc<T> typed = direct.func(HOST, name).orElseThrow().typed(java, java);
    assertTrue(typed.isDirect(), name);
    Func f = reference.func(HOST, name).orElseThrow();
    String a = outcome(() -> toVal.apply(java.cast(typed.call(v))));
    String b = outcome(() -> f.call(toVal.apply(v)).orElseThrow());
    if (a.startsWith(TRAP)) {
      direct.close();
      direct = linker.instantiate(component);
    }
    if (b.startsWith(TRAP)) {
      reference.close();
      reference = linker.instantiate(component);
    }
    assertEquals(b, a, () -> name + " of " + describe(v) + ": " + a + " / " + b);
  }

  /** Values in the failure message: strings as code units, so unpaired surrogates show. */
  private static String describe(Object v) {
    if (v instanceof String s) {
      StringBuilder b = new StringBuilder("\"");
      s.chars()
          .forEach(
              c ->
                  b.append(
                      c < 0x7f && c >= 0x20 ? String.valueOf((char) c) : "\\u%04x".formatted(c)));
      return b.append('"').toString();
    }
    return v instanceof byte[] bytes ? java.util.Arrays.toString(bytes) : String.valueOf(v);
  }

  @Property(tries = 300)
  void integers(
      @ForAll int s32, @ForAll long s64, @ForAll("u32s") long u32, @ForAll("u8s") int u8) {
    agree("echo-s32", Integer.class, Val.S32::new, s32);
    agree("echo-s64", Long.class, Val.S64::new, s64);
    agree("echo-u32", Long.class, Val.U32::new, u32);
    agree("echo-u8", Integer.class, Val.U8::new, u8);
  }

  @Provide
  Arbitrary<Long> u32s() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 0xffff_ffffL),
        Arbitraries.of(-1L, 1L << 32, Long.MIN_VALUE, Long.MAX_VALUE));
  }

  @Provide
  Arbitrary<Integer> u8s() {
    return Arbitraries.oneOf(Arbitraries.integers().between(0, 255), Arbitraries.of(-1, 256));
  }

  @Property(tries = 300)
  void floatsWithAnyBits(@ForAll int f32Bits, @ForAll long f64Bits) {
    agree("echo-f32", Float.class, Val.F32::new, Float.intBitsToFloat(f32Bits));
    agree("echo-f64", Double.class, Val.F64::new, Double.longBitsToDouble(f64Bits));
  }

  @Property(tries = 300)
  void charsAnyCodePoint(@ForAll("codePoints") int c) {
    agree("echo-char", Integer.class, Val.Char::new, c);
  }

  @Provide
  Arbitrary<Integer> codePoints() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, 0x10ffff),
        Arbitraries.integers().between(0xd800, 0xdfff),
        Arbitraries.of(-1, 0x110000, Integer.MAX_VALUE));
  }

  @Property(tries = 300)
  void stringsAndBytes(@ForAll("texts") String s, @ForAll byte[] bytes) {
    agree("echo-string", String.class, Val.Str::new, s);
    agree("echo-bytes", byte[].class, b -> new Val.ListVal(bytesList(b)), bytes);
  }

  private static List<Val> bytesList(byte[] b) {
    Val[] out = new Val[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = new Val.U8(Byte.toUnsignedInt(b[i]));
    }
    return List.of(out);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(300),
        Arbitraries.strings().ascii().ofMaxLength(300),
        Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMaxLength(4),
        Arbitraries.strings().all().ofMaxLength(40));
  }
}
