package dev.wasidl.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasidl.abi.CanonicalAbi;
import dev.wasidl.abi.FlatFuncType;
import dev.wasidl.abi.FlatType;
import dev.wasidl.abi.ResourceHandle;
import dev.wasidl.component.CoreType;
import dev.wasidl.component.StringEncoding;
import dev.wasidl.graal.GraalFunction;
import dev.wasidl.graal.GraalInstance;
import dev.wasidl.graal.GraalMemory;
import dev.wasidl.graal.GraalModule;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.graal.GraalStore;
import dev.wasidl.graal.HostFunction;
import dev.wasidl.graal.Imports;
import dev.wasidl.types.FuncType;
import dev.wasidl.types.ResourceType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One comparison of a compiled lowering (a generated {@code lower$} method, its stores queued as
 * under a store adapter) with the {@code Val} path (stores made directly): the same random flat
 * arguments over the same random memory and handle table, each side in a store, memory and table of
 * its own. Results or traps (class and message), what the host received, every byte of memory and
 * the handle table must be the same.
 */
final class LoweringComparison {
  static final int PAGE = 65536;
  private static final byte[] HOST_MODULE = hostModule();

  private LoweringComparison() {}

  private static byte[] hostModule() {
    try (InputStream in =
        Objects.requireNonNull(LoweringComparison.class.getResourceAsStream("/core/host.wasm"))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One side: host.wat's memory and bump {@code cabi_realloc}, and proxies of the host interfaces
   * that log each call and answer with {@code answer} (given the method name and arguments).
   */
  record Side(
      GraalStore store, GraalMemory memory, GraalFunction realloc, Map<Class<?>, Object> hosts) {
    static Side create(
        GraalRuntime runtime,
        List<Class<?>> interfaces,
        List<String> log,
        Function<Object[], Object> answer) {
      GraalStore store = runtime.newStore();
      HostFunction zero = HostFunction.ofProxy(new CoreType.Func(List.of(), List.of()), args -> 0);
      Imports.Builder imports = Imports.builder();
      for (String name : List.of("add", "mix", "mul_wide", "half", "record", "tick", "check")) {
        imports.define("env", name, zero);
      }
      GraalInstance core = store.instantiate(GraalModule.of("host", HOST_MODULE), imports.build());
      InvocationHandler handler =
          (proxy, m, args) -> {
            if (m.getName().equals("toString") && args == null) {
              return "host";
            }
            log.add(m.getName() + render(args));
            Object[] call = new Object[(args == null ? 0 : args.length) + 1];
            call[0] = m.getName();
            if (args != null) {
              System.arraycopy(args, 0, call, 1, args.length);
            }
            return answer.apply(call);
          };
      Map<Class<?>, Object> hosts = new LinkedHashMap<>();
      for (Class<?> i : interfaces) {
        hosts.put(i, Proxy.newProxyInstance(i.getClassLoader(), new Class<?>[] {i}, handler));
      }
      return new Side(
          store,
          core.memory("memory").orElseThrow(),
          core.function("cabi_realloc").orElseThrow(),
          hosts);
    }
  }

  /**
   * {@code value} as text that depends only on its contents: arrays (a {@code list<u8>} is a {@code
   * byte[]}) and records holding them are spelled out, not named by identity.
   */
  static String render(@Nullable Object value) {
    return switch (value) {
      case null -> "null";
      case byte[] b -> java.util.Arrays.toString(b);
      case Object[] a ->
          java.util.Arrays.stream(a).map(LoweringComparison::render).toList().toString();
      case Record r -> {
        List<String> parts = new ArrayList<>();
        for (java.lang.reflect.RecordComponent c : r.getClass().getRecordComponents()) {
          try {
            parts.add(c.getName() + "=" + render(c.getAccessor().invoke(r)));
          } catch (ReflectiveOperationException e) {
            throw new LinkageError(e.getMessage(), e);
          }
        }
        yield r.getClass().getSimpleName() + parts;
      }
      case java.util.Collection<?> c ->
          c.stream().map(LoweringComparison::render).toList().toString();
      case java.util.Optional<?> o -> o.map(x -> "Some(" + render(x) + ")").orElse("None");
      default -> String.valueOf(value);
    };
  }

  /**
   * Lowers {@code name} both ways from random inputs drawn from {@code random} and asserts the two
   * sides agree. Returns the outcome, for statistics.
   *
   * @param sides makes a side: its host proxies log into the list given
   * @param thing the resource type of the handles the table is prepared with
   */
  static String compare(
      Linker linker,
      String iface,
      String name,
      StringEncoding encoding,
      SplittableRandom random,
      Function<List<String>, Side> sides,
      ResourceType thing) {
    HostFuncDef def =
        linker
            .lookup(dev.wasidl.component.ExternName.parse(iface))
            .flatMap(li -> li.func(name))
            .orElseThrow();
    if (def.lowering() == null) {
      throw new AssertionError(name + " has no compiled lowering");
    }
    FuncType type = def.type().orElseThrow();
    FlatFuncType flat = CanonicalAbi.flattenFuncType(type, FlatFuncType.Context.LOWER);
    List<Object> args = new ArrayList<>();
    for (FlatType t : flat.params()) {
      args.add(arg(t, random));
    }
    byte[] memory = memoryContents(random);
    int[] reps = new int[random.nextInt(4)];
    for (int i = 0; i < reps.length; i++) {
      reps[i] = random.nextInt(1, 100);
    }
    List<String> compiledLog = new ArrayList<>();
    List<String> referenceLog = new ArrayList<>();
    Side compiled = sides.apply(compiledLog);
    Side reference = sides.apply(referenceLog);
    try {
      String a = run(compiled, name, type, def, true, encoding, args, memory, reps, thing);
      String b = run(reference, name, type, def, false, encoding, args, memory, reps, thing);
      assertEquals(b, a, name + args);
      assertEquals(referenceLog, compiledLog, "what the host received");
      byte[] ma = new byte[PAGE];
      byte[] mb = new byte[PAGE];
      compiled.memory().read(0, ma, 0, PAGE);
      reference.memory().read(0, mb, 0, PAGE);
      assertArrayEquals(mb, ma, "memory after " + name + args + ": " + a);
      return a;
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
      int[] reps,
      ResourceType thing) {
    side.memory().write(0, memory, 0, memory.length);
    InstanceState state =
        new InstanceState(
            "guest",
            Set.of(),
            side,
            64,
            Linker.DEFAULT_MAX_LIST_ELEMENTS,
            Linker.defaultMaxLiftedBytes(),
            null,
            null);
    for (int rep : reps) {
      state.handles().add(new ResourceHandle.Own(thing, rep));
    }
    HostFuncItem item =
        new HostFuncItem(name, type, def.func(), state, compiledPath ? def.lowering() : null, null);
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
  static Object arg(FlatType t, SplittableRandom r) {
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
  static byte[] memoryContents(SplittableRandom r) {
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
