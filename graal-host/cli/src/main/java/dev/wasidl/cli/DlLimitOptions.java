package dev.wasidl.cli;

import dev.wasidl.dl.DlLimits;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --dl-max-*} options shared by {@code run} and {@code serve}: the caps of each
 * instance's {@link DlLimits}. Unset options keep the defaults; values must be positive integers.
 */
final class DlLimitOptions {
  @Option(
      names = "--dl-max-memory",
      paramLabel = "BYTES",
      description = "Bytes of wasi:dl allocs an instance may hold at once (default: 67108864).")
  @Nullable Long maxMemory;

  @Option(
      names = "--dl-max-fields",
      paramLabel = "N",
      description = "Fields of one wasi:dl struct type, nested structs flattened (default: 65536).")
  @Nullable Long maxFields;

  @Option(
      names = "--dl-max-total-fields",
      paramLabel = "N",
      description =
          "Fields an instance's wasi:dl struct types and values may hold at once"
              + " (default: 1048576).")
  @Nullable Long maxTotalFields;

  @Option(
      names = "--dl-max-resources",
      paramLabel = "N",
      description = "wasi:dl handles an instance may hold at once (default: 65536).")
  @Nullable Long maxResources;

  /** Whether any of the options was given (they need {@code --dl}). */
  boolean any() {
    return maxMemory != null || maxFields != null || maxTotalFields != null || maxResources != null;
  }

  /** The limits, or a usage error naming a value that is not positive. */
  DlLimits limits(CommandSpec spec) {
    DlLimits l = DlLimits.DEFAULT;
    l = l.withMaxMemory(positive(spec, "--dl-max-memory", maxMemory, l.maxMemory()));
    l = l.withMaxFields(positive(spec, "--dl-max-fields", maxFields, l.maxFields()));
    l =
        l.withMaxTotalFields(
            positive(spec, "--dl-max-total-fields", maxTotalFields, l.maxTotalFields()));
    return l.withMaxResources(positive(spec, "--dl-max-resources", maxResources, l.maxResources()));
  }

  private static long positive(CommandSpec spec, String name, @Nullable Long value, long dflt) {
    if (value == null) {
      return dflt;
    }
    if (value < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), name + " must be a positive number, got " + value);
    }
    return value;
  }
}
