package dev.wasidl.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code wasidl run} grants a component, as given on the command line: the guest's arguments,
 * preopened directories, environment, network and wasi:dl. Immutable; a WASI configuration is built
 * from it (nothing here is wired to WASI yet).
 *
 * @param args the guest's arguments, {@code argv[0]} (the component's file name) first
 * @param dirs {@code --dir HOST[::GUEST]}, in order
 * @param env {@code --env NAME[=VALUE]}, in order
 * @param inheritEnv {@code --inherit-env}: every variable of this process
 * @param allowNet {@code --allow-net}
 * @param dl {@code --dl}: wasi:dl is defined
 * @param allowLibs {@code --allow-lib NAME|PATH|GLOB}, the libraries wasi:dl may open
 * @param dlSignatures {@code --dl-signatures FILE}: pinned signatures for wasi:dl
 */
public record RunOptions(
    List<String> args,
    List<Dir> dirs,
    List<EnvVar> env,
    boolean inheritEnv,
    boolean allowNet,
    boolean dl,
    List<String> allowLibs,
    Optional<Path> dlSignatures) {

  /** A host directory the guest sees at {@code guest}. */
  public record Dir(Path host, String guest) {
    public Dir {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(guest, "guest");
    }

    /**
     * {@code HOST[::GUEST]}; without {@code ::GUEST} the guest sees the directory at the path
     * written (as in wasmtime).
     *
     * @throws IllegalArgumentException for an empty host or guest path
     */
    public static Dir parse(String text) {
      int sep = text.indexOf("::");
      String host = sep < 0 ? text : text.substring(0, sep);
      String guest = sep < 0 ? text : text.substring(sep + 2);
      if (host.isEmpty() || guest.isEmpty()) {
        throw new IllegalArgumentException("expected HOST[::GUEST], got `" + text + "`");
      }
      return new Dir(Path.of(host), guest);
    }
  }

  /**
   * An environment variable: {@code NAME=VALUE}, or {@code NAME} alone for this process's value (as
   * in wasmtime).
   */
  public record EnvVar(String name, Optional<String> value) {
    public EnvVar {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }

    /**
     * {@code NAME[=VALUE]}.
     *
     * @throws IllegalArgumentException for an empty name
     */
    public static EnvVar parse(String text) {
      int eq = text.indexOf('=');
      String name = eq < 0 ? text : text.substring(0, eq);
      if (name.isEmpty()) {
        throw new IllegalArgumentException("expected NAME[=VALUE], got `" + text + "`");
      }
      return new EnvVar(name, eq < 0 ? Optional.empty() : Optional.of(text.substring(eq + 1)));
    }
  }

  public RunOptions {
    args = List.copyOf(args);
    dirs = List.copyOf(dirs);
    env = List.copyOf(env);
    allowLibs = List.copyOf(allowLibs);
    Objects.requireNonNull(dlSignatures, "dlSignatures");
  }
}
