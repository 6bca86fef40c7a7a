package dev.wasidl.wasi;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a component instance may see of the host: its arguments, environment, preopened directories,
 * standard streams and whether it may use the network. Nothing is granted unless set here.
 */
public record WasiConfig(
    List<String> args,
    Map<String, String> env,
    List<Preopen> preopens,
    InputStream stdin,
    OutputStream stdout,
    OutputStream stderr,
    boolean allowNet,
    Optional<String> initialCwd) {

  /** A host directory the guest sees as {@code guestPath}. */
  public record Preopen(Path hostPath, String guestPath, boolean writable) {
    public Preopen {
      Objects.requireNonNull(hostPath, "hostPath");
      Objects.requireNonNull(guestPath, "guestPath");
    }
  }

  public WasiConfig {
    args = List.copyOf(args);
    env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
    preopens = List.copyOf(preopens);
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
    Objects.requireNonNull(initialCwd, "initialCwd");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link WasiConfig}; the defaults grant nothing and read an empty stdin. */
  public static final class Builder {
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<Preopen> preopens = new ArrayList<>();
    private InputStream stdin = InputStream.nullInputStream();
    private OutputStream stdout = OutputStream.nullOutputStream();
    private OutputStream stderr = OutputStream.nullOutputStream();
    private boolean allowNet;
    private Optional<String> initialCwd = Optional.empty();

    private Builder() {}

    /** The program's arguments, {@code argv[0]} (the program name) first. */
    public Builder args(List<String> args) {
      this.args.clear();
      this.args.addAll(args);
      return this;
    }

    public Builder env(String name, String value) {
      env.put(name, value);
      return this;
    }

    /** Grants every variable of this process's environment. */
    public Builder inheritEnv() {
      env.putAll(System.getenv());
      return this;
    }

    public Builder preopen(Path hostPath, String guestPath) {
      preopens.add(new Preopen(hostPath, guestPath, true));
      return this;
    }

    public Builder preopen(Preopen preopen) {
      preopens.add(preopen);
      return this;
    }

    public Builder stdin(InputStream in) {
      this.stdin = in;
      return this;
    }

    public Builder stdout(OutputStream out) {
      this.stdout = out;
      return this;
    }

    public Builder stderr(OutputStream err) {
      this.stderr = err;
      return this;
    }

    /** This process's standard streams. */
    public Builder inheritStdio() {
      return stdin(System.in).stdout(new PrintStream(System.out, true)).stderr(System.err);
    }

    public Builder allowNet(boolean allow) {
      this.allowNet = allow;
      return this;
    }

    public Builder initialCwd(String cwd) {
      this.initialCwd = Optional.of(cwd);
      return this;
    }

    public WasiConfig build() {
      return new WasiConfig(args, env, preopens, stdin, stdout, stderr, allowNet, initialCwd);
    }
  }
}
