package dev.wasidl.benchmarks;

import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Instance;
import dev.wasidl.runtime.InstancePre;
import dev.wasidl.runtime.Linker;
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
 * How long does instantiating a decoded component take (core modules already parsed on the engine)?
 * A 16 KB C component and the 12.5 MB jco componentize JS one, imports as traps.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ComponentInstantiation {
  @Param({"echo-c.wasm", "hello-js.wasm"})
  public String guest;

  private GraalRuntime runtime;
  private Linker linker;
  private Component component;
  private InstancePre pre;

  @Setup
  public void setUp() {
    runtime = Wasm.compiledRuntime();
    linker = Linker.of(runtime).defineUnknownImportsAsTraps();
    component = Component.of(guest, Wasm.guest(guest));
    pre = linker.instantiatePre(component);
  }

  @TearDown
  public void tearDown() {
    runtime.close();
  }

  @Benchmark
  public int instantiateAndClose() {
    try (Instance instance = linker.instantiate(component)) {
      return instance.exports().size();
    }
  }

  /** The same through an {@link InstancePre} made once (its imports checked once). */
  @Benchmark
  public int instantiateFromPre() {
    try (Instance instance = pre.instantiate()) {
      return instance.exports().size();
    }
  }
}
