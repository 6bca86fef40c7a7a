package dev.wasidl.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.FlatFuncType;
import dev.wasidl.abi.FlatType;
import dev.wasidl.abi.ResourceHandle;
import dev.wasidl.bindings.Resource;
import dev.wasidl.component.StringEncoding;
import dev.wasidl.graal.GraalFunction;
import dev.wasidl.graal.GraalInstance;
import dev.wasidl.graal.GraalMemory;
import dev.wasidl.graal.GraalModule;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.graal.GraalStore;
import dev.wasidl.graal.HostFunction;
import dev.wasidl.graal.Imports;
import dev.wasidl.testbindings.test.echo.Host;
import dev.wasidl.testbindings.test.echo.HostBindings;
import dev.wasidl.testbindings.test.echo.Types;
import dev.wasidl.testbindings.test.echo.TypesBindings;
import dev.wasidl.types.FuncType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Compiled lowerings (generated {@code lower$} methods, through {@link dev.wasidl.abi.HostCall})
 * against the {@code Val} path, property-based: for each function of echo-c's {@code
 * test:echo/host} interface (every kind of value type, a resource, 17 spilled parameters), random
 * flat core arguments over random guest memory and a random handle table are lowered both ways,
 * each into a memory and table of its own prepared identically. The results or traps (class and
 * message), the values the host received, every byte of the memory and the handle table must be the
 * same. Random inputs are mostly invalid (bad pointers, lengths, discriminants, UTF-8, handles,
 * chars), so the traps are compared as much as the values.
 */
class CompiledLoweringPropertyTest {
  private static final int PAGE = 65536;
  private static GraalRuntime runtime;
  private static Linker linker;
  private static byte[] hostModule;

  @BeforeContainer
  static void setUp() {
    runtime = GraalRuntime.create();
    linker = Linker.of(runtime);
    TypesBindings.add(linker, data -> ((Side) Objects.requireNonNull(data)).types());
    HostBindings.add(linker, data -> ((Side) Objects.requireNonNull(data)).host());
    try (InputStream in =
        Objects.requireNonNull(
            CompiledLoweringPropertyTest.class.getResourceAsStream("/core/host.wasm"))) {
      hostModule = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterContainer
  static void tearDown() {
    runtime.close();
  }

  /** One side of the comparison: its own store, memory, handle table and host log. */
  private record Side(
      GraalStore store,
      GraalMemory memory,
      GraalFunction realloc,
      List<String> log,
      Host host,
      Types types) {
    static Side create() {
      GraalStore store = runtime.newStore();
      HostFunction zero =
          HostFunction.ofProxy(
              new dev.wasidl.component.CoreType.Func(List.of(), List.of()), args -> 0);
      Imports.Builder imports = Imports.builder();
      for (String name : List.of("add", "mix", "mul_wide", "half", "record", "tick", "check")) {
        imports.define("env", name, zero);
      }
      GraalInstance core = store.instantiate(GraalModule.of("host", hostModule), imports.build());
      List<String> log = new ArrayList<>();
      InvocationHandler echo =
          (proxy, m, args) -> {
            log.add(m.getName() + Arrays.deepToString(args));
            return switch (m.getName()) {
              case "peekThing" -> ((Resource<?>) args[0]).rep() * 10;
              case "sum17" -> {
                long sum = 0;
                for (Object a : args) {
                  sum += Integer.toUnsignedLong((Integer) a);
                }
                yield sum;
              }
              case "newThing" -> new Resource<>((Integer) args[0]);
              case "thingValue" -> ((Resource<?>) args[0]).rep();
              case "dropThing" -> null;
              case "toString" -> "echo host";
              default -> args[0];
            };
          };
      ClassLoader cl = CompiledLoweringPropertyTest.class.getClassLoader();
      Host host = (Host) Proxy.newProxyInstance(cl, new Class<?>[] {Host.class}, echo);
      Types types = (Types) Proxy.newProxyInstance(cl, new Class<?>[] {Types.class}, echo);
      return new Side(
          store,
          core.memory("memory").orElseThrow(),
          core.function("cabi_realloc").orElseThrow(),
          log,
          host,
          types);
    }
  }

  private static final List<String> FUNCTIONS =
      List.of(
          "echo-bool",
          "echo-s8",
          "echo-u8",
          "echo-s16",
          "echo-u16",
          "echo-s32",
          "echo-u32",
          "echo-s64",
          "echo-u64",
          "echo-f32",
          "echo-f64",
          "echo-char",
          "echo-string",
          "echo-bytes",
          "echo-strings",
          "echo-points",
          "echo-point",
          "echo-prims",
          "echo-color",
          "echo-small",
          "echo-big",
          "echo-shape",
          "echo-option",
          "echo-result",
          "echo-tuple",
          "echo-thing",
          "peek-thing",
          "sum17");

  @Provide
  Arbitrary<String> functions() {
    return Arbitraries.of(FUNCTIONS);
  }

  @Property(tries = 900)
  void compiledLoweringsMatchTheValPath(
      @ForAll("functions") String name, @ForAll StringEncoding encoding, @ForAll long seed) {
    HostFuncDef def =
        linker
            .lookup(dev.wasidl.component.ExternName.parse(Host.NAME))
            .flatMap(li -> li.func(name))
            .orElseThrow();
    assertTrue(def.lowering() != null, name + " has a compiled lowering");
    FuncType type = def.type().orElseThrow();
    FlatFuncType flat =
        dev.wasidl.abi.CanonicalAbi.flattenFuncType(type, FlatFuncType.Context.LOWER);
    SplittableRandom random = new SplittableRandom(seed);
    List<Object> args = new ArrayList<>();
    for (FlatType t : flat.params()) {
      args.add(arg(t, random));
    }
    byte[] memory = memoryContents(random);
    int[] reps = new int[random.nextInt(4)];
    for (int i = 0; i < reps.length; i++) {
      reps[i] = random.nextInt(1, 100);
    }
    Side compiled = Side.create();
    Side reference = Side.create();
    try {
      String a = run(compiled, name, type, def, true, encoding, args, memory, reps);
      String b = run(reference, name, type, def, false, encoding, args, memory, reps);
      assertEquals(b, a, name + args);
      // the report shows what the tries reached: returns and which traps
      Statistics.collect(
          a.startsWith("returned")
              ? "returned"
              : a.substring(0, Math.min(a.length(), a.indexOf(':') + 24))
                  .replaceAll("[0-9]+", "N"));
      assertEquals(reference.log(), compiled.log(), "what the host received");
      byte[] ma = new byte[PAGE];
      byte[] mb = new byte[PAGE];
      compiled.memory().read(0, ma, 0, PAGE);
      reference.memory().read(0, mb, 0, PAGE);
      assertArrayEquals(mb, ma, "memory after " + name + args + ": " + a);
    } finally {
      compiled.store().close();
      reference.store().close();
    }
  }

  private static String run(
      Side side,
      String name,
      FuncType type,
      HostFuncDef def,
      boolean compiledPath,
      StringEncoding encoding,
      List<Object> args,
      byte[] memory,
      int[] reps) {
    side.memory().write(0, memory, 0, memory.length);
    InstanceState state =
        new InstanceState("guest", Set.of(), side, 64, Linker.DEFAULT_MAX_LIST_ELEMENTS);
    for (int rep : reps) {
      state.handles().add(new ResourceHandle.Own(TypesBindings.THING, rep));
    }
    HostFuncItem item =
        new HostFuncItem(name, type, def.func(), state, compiledPath ? def.lowering() : null);
    CanonOpts opts = new CanonOpts(encoding, side.memory(), side.realloc(), null);
    // the compiled side queues its stores as under a store adapter, and flushes them as the
    // adapter's host function does on a throw; the reference stores directly
    MethodHandle mh = Lowered.handle(item, opts, state, compiledPath);
    String outcome;
    try {
      outcome = "returned " + mh.invokeWithArguments(args);
    } catch (Throwable t) {
      outcome = t.getClass().getName() + ": " + t.getMessage();
    } finally {
      side.memory().deferredStores().flush();
    }
    List<String> table = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      try {
        table.add(String.valueOf(state.handles().get(i)));
      } catch (RuntimeException e) {
        table.add("-");
      }
    }
    return outcome + "; table " + table;
  }

  /** A flat argument: mostly the small numbers and in-memory pointers that reach deep checks. */
  private static Object arg(FlatType t, SplittableRandom r) {
    return switch (t) {
      case I32 ->
          switch (r.nextInt(6)) {
            case 0 -> r.nextInt(4);
            case 1 -> r.nextInt(8, 64);
            case 2 -> 1024 + 4 * r.nextInt(512);
            case 3 -> 1024 + r.nextInt(2048);
            case 4 -> r.nextBoolean() ? PAGE - r.nextInt(16) : -r.nextInt(1, 9);
            default -> r.nextInt();
          };
      case I64 -> r.nextBoolean() ? (long) r.nextInt(4) : r.nextLong();
      case F32 -> Float.intBitsToFloat(r.nextBoolean() ? 0x7fc00001 + r.nextInt(3) : r.nextInt());
      case F64 -> Double.longBitsToDouble(r.nextBoolean() ? 0x7ff8000000000001L : r.nextLong());
    };
  }

  /** Memory below 8 KiB: small numbers, pointers into itself, ASCII or any bytes. */
  private static byte[] memoryContents(SplittableRandom r) {
    byte[] m = new byte[8192];
    int mode = r.nextInt(3);
    for (int i = 0; i < m.length; i += 4) {
      int word =
          switch (mode) {
            case 0 -> r.nextInt(4) == 0 ? 1024 + 4 * r.nextInt(1024) : r.nextInt(4);
            case 1 -> (r.nextInt() & 0x5f5f5f5f) | 0x20202020; // printable ASCII, mostly
            default -> r.nextInt();
          };
      m[i] = (byte) word;
      m[i + 1] = (byte) (word >>> 8);
      m[i + 2] = (byte) (word >>> 16);
      m[i + 3] = (byte) (word >>> 24);
    }
    return m;
  }
}
