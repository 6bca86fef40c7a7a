package dev.wasidl.runtime;

import dev.wasidl.bindings.Resource;
import dev.wasidl.component.StringEncoding;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.runtime.LoweringComparison.Side;
import dev.wasidl.testbindings.test.echo.Host;
import dev.wasidl.testbindings.test.echo.HostBindings;
import dev.wasidl.testbindings.test.echo.Types;
import dev.wasidl.testbindings.test.echo.TypesBindings;
import java.util.List;
import java.util.Objects;
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
 * chars), so the traps are compared as much as the values ({@link LoweringComparison}).
 */
class CompiledLoweringPropertyTest {
  private static GraalRuntime runtime;
  private static Linker linker;

  @BeforeContainer
  static void setUp() {
    runtime = GraalRuntime.create();
    linker = Linker.of(runtime);
    TypesBindings.add(
        linker, data -> (Types) ((Side) Objects.requireNonNull(data)).hosts().get(Types.class));
    HostBindings.add(
        linker, data -> (Host) ((Side) Objects.requireNonNull(data)).hosts().get(Host.class));
  }

  @AfterContainer
  static void tearDown() {
    runtime.close();
  }

  /** The host's answers: echoes, except where the function computes something. */
  private static Object answer(Object[] call) {
    return switch ((String) call[0]) {
      case "peekThing" -> ((Resource<?>) call[1]).rep() * 10;
      case "sum17" -> {
        long sum = 0;
        for (int i = 1; i < call.length; i++) {
          sum += Integer.toUnsignedLong((Integer) call[i]);
        }
        yield sum;
      }
      case "newThing" -> new Resource<>((Integer) call[1]);
      case "thingValue" -> ((Resource<?>) call[1]).rep();
      case "dropThing" -> null;
      default -> call[1];
    };
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
    String outcome =
        LoweringComparison.compare(
            linker,
            Host.NAME,
            name,
            encoding,
            new SplittableRandom(seed),
            log ->
                Side.create(
                    runtime,
                    List.of(Host.class, Types.class),
                    log,
                    CompiledLoweringPropertyTest::answer),
            TypesBindings.THING);
    // the report shows what the tries reached: returns and which traps
    Statistics.collect(
        outcome.startsWith("returned")
            ? "returned"
            : outcome
                .substring(0, Math.min(outcome.length(), outcome.indexOf(':') + 24))
                .replaceAll("[0-9]+", "N"));
  }
}
