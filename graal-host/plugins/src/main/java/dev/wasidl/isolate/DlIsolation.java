package dev.wasidl.isolate;

import dev.wasidl.component.ComponentException;
import dev.wasidl.dl.DlLimits;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Linker;
import dev.wasidl.wrpc.RemotePlug;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * wasi:dl with crash isolation: the native calls of guests run in a worker JVM of their own, so a
 * fault in native code (a segfault, {@code abort()}, a native stack overflow) ends the worker, not
 * the host. The call that crashed traps with the signal and the native function; handles the worker
 * held are refused from then on; the next wasi:dl call starts a new worker. A native call that does
 * not return within the call timeout traps too, and its worker is killed.
 *
 * <pre>{@code
 * DlPolicy policy = DlPolicy.builder().allow("libm.so.6").build();
 * try (DlIsolation dl = DlIsolation.start(policy, DlLimits.DEFAULT, Duration.ofSeconds(30))) {
 *   dl.add(linker); // instead of WasiDl.add(linker)
 *   try (Instance instance = linker.instantiate(component)) { ... }
 * }
 * }</pre>
 *
 * <p>The worker serves wasi:dl over wRPC on a Unix domain socket in a directory only this user can
 * enter, with the policy and limits given here (one wasi:dl state for every guest of the linker).
 * Allocs, pointers and functions live in the worker, so they keep their meaning there; the host
 * holds only handles. A call costs a round trip to another process: tens of microseconds, not the
 * nanoseconds of {@code WasiDl.add}. The worker is started like this JVM (same {@code java}, JVM
 * options and class path), and ends when this one does.
 */
public final class DlIsolation implements AutoCloseable {
  private static final String REEXPORT = "dl-reexport.wasm";

  private final Path dir;
  private final DlWorker worker;
  private final Duration timeout;

  private DlIsolation(Path dir, DlWorker worker, Duration timeout) {
    this.dir = dir;
    this.worker = worker;
    this.timeout = timeout;
  }

  /**
   * Isolation for guests granted {@code policy}, within {@code limits}, each native call given at
   * most {@code callTimeout}. The worker starts on the first wasi:dl call.
   */
  public static DlIsolation start(DlPolicy policy, DlLimits limits, Duration callTimeout)
      throws IOException {
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("the call timeout must be positive: " + callTimeout);
    }
    Path dir =
        Files.createTempDirectory(
            "wasidl-dl-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Files.writeString(dir.resolve("policy"), policy.toText(), StandardCharsets.UTF_8);
    List<String> args =
        Stream.of(
                limits.maxMemory(),
                limits.maxFields(),
                limits.maxTotalFields(),
                limits.maxResources())
            .map(String::valueOf)
            .toList();
    return new DlIsolation(dir, new DlWorker(dir, callTimeout, args), callTimeout);
  }

  /**
   * Defines {@code wasi:dl/ffi@0.2.0-draft} and {@code wasi:dl/dll@0.2.0-draft} on {@code linker}
   * as calls to the worker; every instance the linker makes shares it.
   */
  public void add(Linker linker) {
    RemotePlug.define(linker, reexport(), worker, name -> name.startsWith("wasi:dl/"));
  }

  /** The worker's process id, while one runs. */
  public Optional<Long> workerPid() {
    return worker.pid();
  }

  /** How many workers ended by a crash or were killed at the call timeout. */
  public int crashes() {
    return worker.crashes();
  }

  /** The call timeout. */
  public Duration callTimeout() {
    return timeout;
  }

  /** Ends the worker and removes its files. */
  @Override
  public void close() {
    worker.stop();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      // a temporary directory: left for the system to clean
    }
  }

  /** The component the worker serves: wasi:dl imported and exported as it is. */
  static Component reexport() {
    try (InputStream in = DlIsolation.class.getResourceAsStream(REEXPORT)) {
      if (in == null) {
        throw new IllegalStateException(REEXPORT + " is missing from " + DlIsolation.class);
      }
      return Component.of(REEXPORT, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ComponentException e) {
      throw new IllegalStateException(REEXPORT + " does not decode", e);
    }
  }
}
