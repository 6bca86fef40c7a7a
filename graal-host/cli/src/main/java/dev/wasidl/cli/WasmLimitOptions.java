package dev.wasidl.cli;

import dev.wasidl.runtime.Linker;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Limits on the guest's wasm, in wasidl's spelling ({@code --timeout 2s}) and in wasmtime's ({@code
 * -W timeout=2s}): applied to the {@link Linker} every instance of the run is made by.
 */
final class WasmLimitOptions {
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)?");

  @Option(
      names = "--max-memory-size",
      paramLabel = "BYTES",
      description =
          "Cap each linear memory of the guest at BYTES (whole 64 KiB pages; default: the JVM's"
              + " maximum heap, at most 4 GiB): memory.grow past it returns -1, and a memory that"
              + " starts larger fails instantiation. The same as -W max-memory-size=BYTES.")
  @Nullable Long maxMemorySize;

  @Option(
      names = "-W",
      paramLabel = "KEY=VALUE",
      description =
          "wasmtime's spelling of the limits: timeout=DURATION (as --timeout),"
              + " max-memory-size=BYTES (as --max-memory-size), max-table-elements=N (each table"
              + " of the guest: table.grow past it returns -1; default: one per KiB of the JVM's"
              + " maximum heap, 10000 to 10000000), max-instances=N (core instances one"
              + " instantiation makes, nested components' included; default: 10000); and"
              + " wasidl's own: max-handles=N (resource handles an instance holds at once;"
              + " default: one per KiB of the JVM's maximum heap, 4096 to 268435455),"
              + " max-list-elements=N (list elements lifted per call; default: 1048576),"
              + " max-lifted-bytes=BYTES (bytes of strings and byte lists lifted per call; default:"
              + " an eighth of the JVM's maximum heap).")
  Map<String, String> wasmtime = new LinkedHashMap<>();

  /**
   * Sets the limits given on {@code linker}, or throws a usage error naming a bad one; {@code
   * timeout} is {@code run --timeout}'s value, and null where the command has no time limit of this
   * kind ({@code serve}, whose {@code --timeout} bounds an invocation).
   */
  void apply(CommandSpec spec, Linker linker, @Nullable String timeout, boolean timeoutAllowed) {
    String t = timeout;
    String memory = maxMemorySize == null ? null : Long.toString(maxMemorySize);
    for (Map.Entry<String, String> w : wasmtime.entrySet()) {
      switch (w.getKey()) {
        case "timeout" -> {
          if (!timeoutAllowed) {
            throw new CommandLine.ParameterException(
                spec.commandLine(), "-W timeout: this command's --timeout bounds its calls");
          }
          t = same(spec, "--timeout", t, w);
        }
        case "max-memory-size" -> memory = same(spec, "--max-memory-size", memory, w);
        case "max-table-elements" -> number(spec, w, n -> linker.maxTableElements(n));
        case "max-instances" ->
            number(spec, w, n -> linker.maxInstances((int) Math.min(n, Integer.MAX_VALUE)));
        case "max-handles" ->
            number(spec, w, n -> linker.maxHandles(Math.clamp(n, 0, Integer.MAX_VALUE)));
        case "max-list-elements" -> number(spec, w, linker::maxListElements);
        case "max-lifted-bytes" -> number(spec, w, linker::maxLiftedBytes);
        default ->
            throw new CommandLine.ParameterException(
                spec.commandLine(),
                "unsupported -W "
                    + w.getKey()
                    + " (supported: timeout, max-memory-size, max-table-elements, max-instances,"
                    + " max-handles, max-list-elements, max-lifted-bytes)");
      }
    }
    if (t != null) {
      try {
        linker.callTimeout(duration(spec, t));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--timeout: " + e.getMessage());
      }
    }
    if (memory != null) {
      String m = memory;
      number(spec, "--max-memory-size", m, linker::maxMemorySize);
    }
  }

  /** Applies {@code -W key=N}, or throws a usage error naming it. */
  private static void number(CommandSpec spec, Map.Entry<String, String> w, LongConsumer set) {
    number(spec, "-W " + w.getKey(), w.getValue(), set);
  }

  private static void number(CommandSpec spec, String option, String value, LongConsumer set) {
    try {
      set.accept(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), option + ": not a number: " + value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
    }
  }

  /**
   * The value of {@code -W key=value}, which must agree with {@code option}'s if both are given.
   */
  private static String same(
      CommandSpec spec, String option, @Nullable String given, Map.Entry<String, String> w) {
    if (given != null && !given.equals(w.getValue())) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          option + " " + given + " and -W " + w.getKey() + "=" + w.getValue() + " differ");
    }
    return w.getValue();
  }

  /** {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, or a bare number of seconds; positive. */
  static Duration duration(CommandSpec spec, String text) {
    Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "not a positive duration: " + text + " (write 500ms, 10s, 2m, 1h or seconds)");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    };
  }
}
