package dev.wasidl.graal;

import static dev.wasidl.component.CoreValType.F32;
import static dev.wasidl.component.CoreValType.F64;
import static dev.wasidl.component.CoreValType.I32;
import static dev.wasidl.component.CoreValType.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.component.CoreType;
import dev.wasidl.component.CoreValType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Java host functions of several core signatures called from host.wat. */
class HostFunctionTest {
  private static final GraalModule HOST = CoreModules.module("host");
  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  /** The host side, one instance per test: what wasm passed, and a trap to throw. */
  public static final class Env {
    final List<String> log = new ArrayList<>();
    int ticks;

    int add(int a, int b) {
      return a + b;
    }

    double mix(int i, long l, float f, double d) {
      log.add("mix " + i + " " + l + " " + f + " " + d);
      return i + (double) l + f + d;
    }

    static long mulWide(long a, long b) {
      return a * b;
    }

    static float half(float f) {
      return f / 2;
    }

    void record(int i, long l) {
      log.add("record " + i + " " + l);
    }

    void tick() {
      ticks++;
    }

    int check(int x) {
      log.add("check " + x);
      if (x < 0) {
        throw new Trap("negative: " + x);
      }
      if (x == 0) {
        throw new ArithmeticException("zero");
      }
      return x * 10;
    }
  }

  private GraalRuntime runtime;
  private GraalStore store;
  private Env env;
  private GraalInstance host;

  private static CoreType.Func func(List<CoreValType> params, List<CoreValType> results) {
    return new CoreType.Func(params, results);
  }

  private MethodHandle virtual(String name, Class<?> result, Class<?>... params)
      throws ReflectiveOperationException {
    return LOOKUP.findVirtual(Env.class, name, MethodType.methodType(result, params)).bindTo(env);
  }

  private static MethodHandle statik(String name, Class<?> result, Class<?>... params)
      throws ReflectiveOperationException {
    return LOOKUP.findStatic(Env.class, name, MethodType.methodType(result, params));
  }

  @BeforeEach
  void instantiate() throws ReflectiveOperationException {
    runtime = GraalRuntime.create();
    store = runtime.newStore();
    env = new Env();
    Imports imports =
        Imports.builder()
            .define(
                "env",
                "add",
                HostFunction.of(
                    func(List.of(I32, I32), List.of(I32)),
                    virtual("add", int.class, int.class, int.class)))
            .define(
                "env",
                "mix",
                HostFunction.of(
                    func(List.of(I32, I64, F32, F64), List.of(F64)),
                    virtual("mix", double.class, int.class, long.class, float.class, double.class)))
            .define(
                "env",
                "mul_wide",
                HostFunction.of(
                    func(List.of(I64, I64), List.of(I64)),
                    statik("mulWide", long.class, long.class, long.class)))
            .define(
                "env",
                "half",
                HostFunction.of(
                    func(List.of(F32), List.of(F32)), statik("half", float.class, float.class)))
            .define(
                "env",
                "record",
                HostFunction.of(
                    func(List.of(I32, I64), List.of()),
                    virtual("record", void.class, int.class, long.class)))
            .define(
                "env",
                "tick",
                HostFunction.of(func(List.of(), List.of()), virtual("tick", void.class)))
            .define(
                "env",
                "check",
                HostFunction.of(
                    func(List.of(I32), List.of(I32)), virtual("check", int.class, int.class)))
            .build();
    host = store.instantiate(HOST, imports);
  }

  @AfterEach
  void close() {
    store.close();
    runtime.close();
  }

  private GraalFunction export(String name) {
    return host.function(name).orElseThrow();
  }

  @Test
  void twoIntsToInt() {
    assertEquals(5, export("call_add").callInt(2, 3));
    assertEquals(Integer.MIN_VALUE, export("call_add").callInt(Integer.MAX_VALUE, 1));
  }

  @Test
  void everyTypeInOneCall() {
    double result = export("call_mix").call(-3, 1L << 40, 0.5f, 0.25).asDouble();
    assertEquals(-3 + (double) (1L << 40) + 0.5 + 0.25, result);
    assertEquals(List.of("mix -3 1099511627776 0.5 0.25"), env.log);
  }

  @Test
  void longsAndFloats() {
    assertEquals(0x1_0000_0000L * 3, export("call_mul_wide").callLong(0x1_0000_0000L, 3L));
    assertEquals(-1L, export("call_mul_wide").callLong(-1L, 1L));
    assertEquals(1.25f, export("call_half").call(2.5f).asFloat());
    assertTrue(Float.isNaN(export("call_half").call(Float.NaN).asFloat()));
  }

  @Test
  void voidFunctions() {
    export("call_record").call(-1, Long.MIN_VALUE);
    assertEquals(List.of("record -1 " + Long.MIN_VALUE), env.log);
    export("call_tick_twice").call();
    assertEquals(2, env.ticks);
  }

  @Test
  void hostTrapAbortsTheWasmCallWithItsMessage() {
    assertEquals(51, export("call_check").callInt(5));
    Trap trap = assertThrows(Trap.class, () -> export("call_check").call(-4));
    assertEquals("negative: -4", trap.getMessage());
    assertEquals(List.of("check 5", "check -4"), env.log);
    // the store stays usable after the trap
    assertEquals(11, export("call_check").callInt(1));
  }

  @Test
  void hostTrapIsTheSameObject() {
    Trap thrown = new Trap("mine");
    try (GraalStore other = runtime.newStore()) {
      MethodHandle thrower =
          MethodHandles.dropArguments(
              MethodHandles.throwException(int.class, Trap.class).bindTo(thrown), 0, int.class);
      GraalInstance instance =
          other.instantiate(
              HOST, withCheck(HostFunction.of(func(List.of(I32), List.of(I32)), thrower)));
      Trap caught =
          assertThrows(Trap.class, () -> instance.function("call_check").orElseThrow().call(1));
      assertSame(thrown, caught);
    }
  }

  @Test
  void otherHostExceptionsBecomeTraps() {
    Trap trap = assertThrows(Trap.class, () -> export("call_check").call(0));
    assertInstanceOf(ArithmeticException.class, trap.getCause());
    assertTrue(trap.getMessage().contains("zero"), trap.getMessage());
  }

  @Test
  void proxyHostFunctionsWorkToo() {
    try (GraalStore other = runtime.newStore()) {
      GraalInstance instance =
          other.instantiate(
              HOST,
              withCheck(
                  HostFunction.ofProxy(
                      func(List.of(I32), List.of(I32)), args -> args[0].asInt() + 100)));
      assertEquals(108, instance.function("call_check").orElseThrow().callInt(7));
    }
  }

  @Test
  void handleOfTheWrongTypeIsRejected() throws ReflectiveOperationException {
    MethodHandle add = virtual("add", int.class, int.class, int.class);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> HostFunction.of(func(List.of(I64, I32), List.of(I32)), add));
    assertTrue(e.getMessage().contains("(long,int)int"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> HostFunction.of(func(List.of(I32, I32), List.of(I32, I32)), add));
    assertThrows(
        IllegalArgumentException.class,
        () -> HostFunction.of(func(List.of(CoreValType.EXTERNREF), List.of()), add));
  }

  @Test
  void signaturesShareOneInterface() throws ReflectiveOperationException {
    HostFunction a =
        HostFunction.of(
            func(List.of(I32, I32), List.of(I32)), virtual("add", int.class, int.class, int.class));
    HostFunction b =
        HostFunction.of(
            func(List.of(I32, I32), List.of(I32)),
            MethodHandles.dropArguments(
                MethodHandles.constant(int.class, 1), 0, int.class, int.class));
    Class<?> ia = a.hostObject().getClass().getInterfaces()[0];
    assertSame(ia, b.hostObject().getClass().getInterfaces()[0]);
    assertEquals("HostSignature_II_I", ia.getSimpleName());
    assertTrue(a.hostObject().getClass().isHidden());
  }

  /** What a shared class's data is in {@link #oneClassServesEveryStoreWithItsOwnData}. */
  public record Scale(int factor, List<Integer> seen) {
    int check(int x) {
      seen.add(x);
      if (x < 0) {
        throw new Trap("negative for " + factor);
      }
      return x * factor;
    }
  }

  /** Scale.check as a class of host functions of (i32) -> i32 taking their Scale first. */
  private static HostFunctionClass scaleClass() throws ReflectiveOperationException {
    return HostFunctionClass.of(
        func(List.of(I32), List.of(I32)),
        LOOKUP.findVirtual(Scale.class, "check", MethodType.methodType(int.class, int.class)));
  }

  @Test
  void oneClassServesEveryStoreWithItsOwnData() throws ReflectiveOperationException {
    HostFunctionClass cls = scaleClass();
    Scale two = new Scale(2, new ArrayList<>());
    Scale three = new Scale(3, new ArrayList<>());
    HostFunction f2 = cls.bind(two);
    HostFunction f3 = cls.bind(three);
    assertSame(f2.hostObject().getClass(), f3.hostObject().getClass());
    try (GraalStore a = runtime.newStore();
        GraalStore b = runtime.newStore()) {
      GraalFunction ca = a.instantiate(HOST, withCheck(f2)).function("call_check").orElseThrow();
      GraalFunction cb = b.instantiate(HOST, withCheck(f3)).function("call_check").orElseThrow();
      // many calls, so that compiled code sees both objects through one class (call_check adds 1)
      for (int i = 1; i <= 20_000; i++) {
        assertEquals(i * 2 + 1, ca.callInt(i));
        assertEquals(i * 3 + 1, cb.callInt(i));
      }
      assertEquals(20_000, two.seen().size());
      assertEquals(20_000, three.seen().size());
      assertEquals("negative for 3", assertThrows(Trap.class, () -> cb.call(-1)).getMessage());
      assertEquals(15, ca.callInt(7)); // a trap in one store leaves the other's data alone
    }
  }

  @Test
  void aSharedClassNeedsItsDataFirst() throws ReflectiveOperationException {
    MethodHandle unbound = virtual("add", int.class, int.class, int.class);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> HostFunctionClass.of(func(List.of(I32, I32), List.of(I32)), unbound));
    assertTrue(e.getMessage().contains("reference parameter first"), e.getMessage());
    MethodHandle intFirst =
        MethodHandles.dropArguments(unbound, 0, int.class); // (int, int, int)int: no data
    assertThrows(
        IllegalArgumentException.class,
        () -> HostFunctionClass.of(func(List.of(I32, I32), List.of(I32)), intFirst));
    MethodHandle dataFirst = MethodHandles.dropArguments(unbound, 0, String.class);
    assertThrows(
        IllegalArgumentException.class,
        () -> HostFunctionClass.of(func(List.of(I64, I32), List.of(I32)), dataFirst));
  }

  @Test
  void dataOfAnotherTypeTrapsAtTheCallNotTheJvm() throws ReflectiveOperationException {
    HostFunctionClass cls = scaleClass();
    try (GraalStore other = runtime.newStore()) {
      GraalFunction call =
          other
              .instantiate(HOST, withCheck(cls.bind("not a Scale")))
              .function("call_check")
              .orElseThrow();
      Trap trap = assertThrows(Trap.class, () -> call.call(1));
      assertInstanceOf(ClassCastException.class, trap.getCause());
    }
  }

  /** Imports as in {@link #instantiate()} but with another env.check. */
  private Imports withCheck(HostFunction check) {
    HostFunction nop = HostFunction.ofProxy(func(List.of(), List.of()), args -> null);
    Imports.Builder builder = Imports.builder().define("env", "check", check);
    for (String name : List.of("add", "mix", "mul_wide", "half", "record", "tick")) {
      builder.define("env", name, stubFor(name, nop));
    }
    return builder.build();
  }

  private static HostFunction stubFor(String name, HostFunction nop) {
    return switch (name) {
      case "tick" -> nop;
      default -> HostFunction.ofProxy(func(List.of(), List.of()), args -> 0);
    };
  }
}
