package dev.wasidl.benchmarks;

import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Func;
import dev.wasidl.runtime.Instance;
import dev.wasidl.runtime.Linker;
import dev.wasidl.runtime.LinkerInstance;
import dev.wasidl.runtime.TypedFunc;
import dev.wasidl.types.ResourceType;
import dev.wasidl.types.Val;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast does the canonical ABI move bytes? echo-c's {@code echo-string} and {@code echo-bytes}
 * ({@code list<u8>}) exports call the host import of the same name, so in one operation the payload
 * is lowered into the guest, lifted out to the Java host, lowered back and lifted out again: four
 * crossings (strings transcoded from and to UTF-8 each time). The report derives MB/s of payload
 * per operation from ns/op and {@code bytes}; one crossing runs at about four times that. {@code
 * echoTyped} passes a Java {@code String} or {@code byte[]} through {@link TypedFunc}: the two
 * crossings of the export go without {@link Val}s, those of the host import still with them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CanonicalAbiThroughput {
  @Param({"string", "list-u8"})
  public String type;

  @Param({"16", "1024", "1048576"})
  public int bytes;

  private GraalRuntime runtime;
  private Instance instance;
  private Func func;
  private List<Val> args;
  private TypedFunc<?> typed;
  private Object typedArg;

  @Setup
  public void setUp() {
    runtime = Wasm.compiledRuntime();
    Linker linker = Linker.of(runtime);
    linker
        .instance("test:echo/types@0.1.0")
        .resource("thing", ResourceType.host("thing"), (cx, rep) -> {});
    LinkerInstance host = linker.instance("test:echo/host@0.1.0");
    host.func("echo-string", (cx, a) -> Optional.of(a.getFirst()));
    host.func("echo-bytes", (cx, a) -> Optional.of(a.getFirst()));
    linker.defineUnknownImportsAsTraps();
    instance = linker.instantiate(Component.of("echo-c", Wasm.guest("echo-c.wasm")));
    Val payload;
    if (type.equals("string")) {
      func = instance.func("test:echo/host@0.1.0", "echo-string").orElseThrow();
      payload = new Val.Str("x".repeat(bytes));
      typed = func.typed(String.class, String.class);
      typedArg = "x".repeat(bytes);
    } else {
      func = instance.func("test:echo/host@0.1.0", "echo-bytes").orElseThrow();
      List<Val> elements = new ArrayList<>(bytes);
      for (int i = 0; i < bytes; i++) {
        elements.add(new Val.U8(i & 0xff));
      }
      payload = new Val.ListVal(elements);
      typed = func.typed(byte[].class, byte[].class);
      byte[] b = new byte[bytes];
      for (int i = 0; i < bytes; i++) {
        b[i] = (byte) i;
      }
      typedArg = b;
    }
    args = List.of(payload);
    if (!func.call(args).equals(Optional.of(payload))) {
      throw new IllegalStateException("echo-c did not echo " + type + " of " + bytes + " bytes");
    }
    if (!same(typed.call(typedArg), typedArg)) {
      throw new IllegalStateException("typed echo-c did not echo " + type + " of " + bytes);
    }
  }

  private static boolean same(Object a, Object b) {
    return (a instanceof byte[] x && b instanceof byte[] y) ? Arrays.equals(x, y) : a.equals(b);
  }

  @TearDown
  public void tearDown() {
    instance.close();
    runtime.close();
  }

  @Benchmark
  public Optional<Val> echo() {
    return func.call(args);
  }

  @Benchmark
  public Object echoTyped() {
    return typed.call(typedArg);
  }
}
