package dev.wasidl.cli;

import dev.wasidl.dl.DlLimits;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.isolate.DlIsolation;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --dl-isolate}: wasi:dl's native calls in a worker process (run and serve). */
final class DlIsolateOption {
  @Option(
      names = "--dl-isolate",
      description =
          "Run wasi:dl's native calls in a worker process (needs --dl): a crash in native code"
              + " (SIGSEGV, abort(), a native stack overflow) traps the call, naming the signal and"
              + " the function, instead of ending wasidl, and so does a native call that outlasts"
              + " the call time limit (run: --plug-timeout; serve: --timeout). Each wasi:dl call is"
              + " then a round trip to the worker (tens of microseconds).")
  boolean isolate;

  /**
   * The isolation asked for, or null; a usage error without {@code --dl}. {@code policy} is read
   * only when isolating (it may read a pin file).
   *
   * @throws IOException if the worker's directory cannot be made
   */
  @Nullable DlIsolation start(
      CommandSpec spec,
      boolean dl,
      Supplier<DlPolicy> policy,
      DlLimits limits,
      Duration callTimeout)
      throws IOException {
    if (!isolate) {
      return null;
    }
    if (!dl) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--dl-isolate needs --dl");
    }
    return DlIsolation.start(policy.get(), limits, callTimeout);
  }
}
