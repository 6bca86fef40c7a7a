package dev.wasidl.isolate;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How a worker process ended: the signal, and where in native code when the JVM could say (its
 * fatal error report names the signal and the problematic frame for the faults it catches, a {@code
 * SIGSEGV}, {@code SIGBUS}, {@code SIGFPE} or {@code SIGILL}; {@code abort()} and a native stack
 * overflow end the process with no report, so only the exit status tells).
 *
 * @param signal e.g. {@code SIGSEGV}, or a description when no signal is known
 * @param frame e.g. {@code fault_segv+0x9 (libwasidl_faults.so+0x1109)}
 */
record NativeCrash(String signal, Optional<String> frame) {
  private static final Map<Integer, String> SIGNALS =
      Map.of(
          4, "SIGILL", 6, "SIGABRT", 7, "SIGBUS", 8, "SIGFPE", 9, "SIGKILL", 11, "SIGSEGV", 15,
          "SIGTERM");
  private static final Pattern SIGNAL = Pattern.compile("#\\s+(SIG[A-Z]+)");
  // "# C  [libwasidl_faults.so+0x1109]  fault_segv+0x9": the symbol when there is one
  private static final Pattern FRAME =
      Pattern.compile("# Problematic frame:\\R#\\s*[A-Za-z]\\s+\\[([^]]+)\\](?:\\s+(\\S.*))?");

  /**
   * Reads the end of a process: {@code report} is the JVM's fatal error report if it wrote one,
   * {@code status} its exit status (128 + the signal for a process a signal killed).
   */
  static NativeCrash of(int status, @Nullable String report) {
    if (report != null) {
      Matcher s = SIGNAL.matcher(report);
      if (s.find()) {
        Matcher f = FRAME.matcher(report);
        Optional<String> frame =
            f.find()
                ? Optional.of(
                    f.group(2) == null ? f.group(1) : f.group(2) + " (" + f.group(1) + ")")
                : Optional.empty();
        return new NativeCrash(s.group(1), frame);
      }
    }
    String signal = SIGNALS.get(status - 128);
    return new NativeCrash(
        signal != null ? signal : "an exit with status " + status, Optional.empty());
  }

  /**
   * What happened, in words: a signal is native code crashing; anything else, the worker ending.
   */
  String describe() {
    return signal.startsWith("SIG")
        ? "native code crashed: " + signal + frame.map(f -> " in " + f).orElse("")
        : "the wasi:dl worker ended (" + signal + ")";
  }
}
