package dev.wasidl.cli;

import dev.wasidl.abi.Trap;
import dev.wasidl.component.ComponentException;
import dev.wasidl.component.ExternName;
import dev.wasidl.dl.DlCtx;
import dev.wasidl.dl.DlLimits;
import dev.wasidl.dl.WasiDl;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.graal.MalformedModuleException;
import dev.wasidl.isolate.DlIsolation;
import dev.wasidl.keyvalue.InMemoryKeyValue;
import dev.wasidl.keyvalue.KeyValueHost;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Func;
import dev.wasidl.runtime.Instance;
import dev.wasidl.runtime.Linker;
import dev.wasidl.runtime.UnlinkableException;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import dev.wasidl.wasi.Wasi;
import dev.wasidl.wasi.WasiConfig;
import dev.wasidl.wasi.WasiCtx;
import dev.wasidl.wasi.WasiExit;
import dev.wasidl.wrpc.RemotePlug;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wasidl run [options] COMPONENT [ARGS...]}. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Runs a component: calls its wasi:cli/run export (a command), or with --invoke one of its"
          + " exported functions, printing the result.",
      "Exit code: the guest's; 1 if wasi:cli/run returns an error or on any other error; 134 on"
          + " a trap (its message and wasm backtrace go to stderr); 2 on a usage error."
    })
final class RunCommand implements Callable<Integer> {
  /** The scheme of a remote plug: {@code --plug tcp://HOST:PORT}. */
  private static final String TCP = "tcp://";

  @Spec CommandSpec spec;

  @CommandLine.ParentCommand @Nullable Main parent;

  @Option(
      names = "--invoke",
      paramLabel = "'NAME(ARGS)'",
      description = {
        "Call an exported function instead of wasi:cli/run and print its result. NAME is a root"
            + " export (double), or IFACE#FUNC for an exported interface (api#greet,"
            + " test:guest/api@0.1.0#greet). ARGS are WAVE values, as in wasmtime: 42, -1.5,"
            + " nan, 'c', \"s\\n\", [1, 2], {field: 1}, (1, \"x\"), case(payload), some(1),"
            + " none, ok(1), err(\"e\"), {flag-a, flag-b}."
      })
  @Nullable String invoke;

  @Option(
      names = "--dir",
      paramLabel = "HOST[::GUEST]",
      converter = DirConverter.class,
      description = "Preopen host directory HOST as GUEST (default: the same path). Repeatable.")
  List<RunOptions.Dir> dirs = new ArrayList<>();

  @Option(
      names = "--env",
      paramLabel = "NAME[=VALUE]",
      converter = EnvConverter.class,
      description = "Set an environment variable; NAME alone passes this process's value.")
  List<RunOptions.EnvVar> env = new ArrayList<>();

  @Option(names = "--inherit-env", description = "Pass this process's whole environment.")
  boolean inheritEnv;

  @Option(names = "--allow-net", description = "Allow wasi:sockets network access.")
  boolean allowNet;

  @Option(
      names = "--trap-unknown-imports",
      description =
          "Define every import the host lacks (e.g. wasi:http) as a function that traps when"
              + " called, instead of refusing to instantiate.")
  boolean trapUnknownImports;

  @Option(names = "--dl", description = "Define wasi:dl (native libraries through FFM).")
  boolean dl;

  @Option(
      names = "--allow-lib",
      paramLabel = "NAME|PATH|GLOB",
      description = "A library wasi:dl may open (needs --dl). Repeatable.")
  List<String> allowLibs = new ArrayList<>();

  @CommandLine.Mixin DlLimitOptions dlLimits = new DlLimitOptions();

  @CommandLine.Mixin DlIsolateOption dlIsolate = new DlIsolateOption();

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description =
          "Stop wasm that runs longer than DURATION (500ms, 10s, 2m, 1h; a bare number is"
              + " seconds) in an instantiation, start functions included, or in the call: the run"
              + " traps naming the limit (exit 134). The same as -W timeout=DURATION.")
  @Nullable String timeout;

  @CommandLine.Mixin WasmLimitOptions wasmLimits = new WasmLimitOptions();

  @Option(
      names = "--dl-signatures",
      paramLabel = "FILE",
      description = "Pinned C signatures for wasi:dl (needs --dl), one `symbol: signature` a line.")
  @Nullable Path dlSignatures;

  @Option(
      names = "--plug",
      paramLabel = "PLUGIN.wasm|tcp://HOST:PORT",
      description = {
        "Instantiate the plugin component first, with the same grants, and satisfy the imports of"
            + " the next plugins and of COMPONENT with the interfaces it exports. Repeatable, in"
            + " order; an interface defined twice is a usage error.",
        "tcp://HOST:PORT: forward every interface COMPONENT imports that neither the host nor a"
            + " plugin component defines to the wRPC server there (`wasidl serve`, or another wRPC"
            + " peer). A lost connection is the call's error result (other(\"...\") for"
            + " wasi:keyvalue), never a hang."
      })
  List<String> plugs = new ArrayList<>();

  @Option(
      names = "--plug-timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "How long a call forwarded by --plug tcp:// may wait for its server, and a native call"
              + " under --dl-isolate for the worker (default: ${DEFAULT-VALUE}).")
  int plugTimeoutSeconds = 30;

  @Option(
      names = "--keyvalue",
      description =
          "Define wasi:keyvalue@0.2.0-draft2 (store, atomics, batch) with the built-in in-memory"
              + " store, shared by COMPONENT and its plugins for the run.")
  boolean keyValue;

  @Option(
      names = "--keyvalue-page-size",
      paramLabel = "N",
      defaultValue = "2",
      description = "Keys per list-keys page of the --keyvalue store (default: ${DEFAULT-VALUE}).")
  int keyValuePageSize = 2;

  @Parameters(index = "0", paramLabel = "COMPONENT", description = "the component (.wasm)")
  @Nullable Path component;

  @Parameters(
      index = "1..*",
      paramLabel = "ARGS",
      description = "The guest's arguments (after COMPONENT, options are the guest's too).")
  List<String> args = new ArrayList<>();

  /** The options as a value for the WASI set-up (argv[0] is the component's file name). */
  RunOptions options() {
    List<String> argv = new ArrayList<>();
    argv.add(component.getFileName().toString());
    argv.addAll(args);
    return new RunOptions(
        argv, dirs, env, inheritEnv, allowNet, dl, allowLibs, Optional.ofNullable(dlSignatures));
  }

  @Override
  public Integer call() {
    if (!dl && (!allowLibs.isEmpty() || dlSignatures != null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--allow-lib and --dl-signatures need --dl");
    }
    if (!dl && dlLimits.any()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--dl-max-* need --dl");
    }
    DlLimits limits = dlLimits.limits(spec);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(component);
    } catch (IOException e) {
      return error(spec, "cannot read " + component + ": " + describe(e));
    }
    String file = component.getFileName().toString();
    Component c;
    try {
      c = Component.of(file, bytes);
    } catch (ComponentException e) {
      return error(spec, component + " is not a valid component: " + e.getMessage());
    }
    Optional<Call> call =
        invoke == null ? Optional.empty() : Optional.of(Call.resolve(invoke, c.model(), spec));
    RunOptions o = options();
    try (GraalRuntime runtime = GraalRuntime.create();
        DlIsolation isolation =
            dlIsolate.start(
                spec, dl, () -> dlPolicy(o), limits, Duration.ofSeconds(plugTimeoutSeconds))) {
      Linker linker = Linker.of(runtime);
      wasmLimits.apply(spec, linker, timeout, true);
      Wasi.add(linker);
      if (isolation != null) {
        isolation.add(linker);
      } else if (dl) {
        WasiDl.add(linker);
      }
      List<RemotePlug> remotes = new ArrayList<>();
      if (trapUnknownImports) {
        linker.defineUnknownImportsAsTraps();
      }
      String doing = "instantiate `" + file + "`";
      InMemoryKeyValue store = keyValue ? new InMemoryKeyValue(keyValuePageSize) : null;
      Function<List<String>, RunContext> contexts =
          argv ->
              new RunContext(
                  new WasiCtx(wasiConfig(o, argv)),
                  new DlCtx(dlPolicy(o), limits),
                  store == null ? null : new KeyValueHost(store));
      try (Providers providers = new Providers(linker, contexts)) {
        if (keyValue) {
          providers.keyValue();
        }
        for (String plug : plugs) {
          if (!plug.startsWith(TCP)) {
            Path path = Path.of(plug);
            doing = "instantiate plugin `" + path.getFileName() + "`";
            providers.plug(path);
          }
        }
        // A remote plug takes what the host and the plugin components left undefined.
        for (String plug : plugs) {
          if (plug.startsWith(TCP)) {
            remotes.add(
                RemotePlug.define(
                    linker,
                    c,
                    remote(plug),
                    Duration.ofSeconds(plugTimeoutSeconds),
                    name -> !linker.defines(name)));
          }
        }
        doing = "instantiate `" + file + "`";
        return run(c, linker, contexts.apply(o.args()), call, file);
      } catch (Providers.Failure f) {
        spec.commandLine().getErr().println("Error: " + f.getMessage());
        spec.commandLine().getErr().flush();
        return f.exitCode();
      } catch (Trap t) {
        return trap(t, doing);
      } finally {
        // The guest may not have dropped its remote resources: the server's handles go too.
        remotes.forEach(RemotePlug::close);
      }
    } catch (UnlinkableException | MalformedModuleException e) {
      String hint =
          !dl && e.getMessage().contains("wasi:dl/") ? " (wasi:dl is enabled by --dl)" : "";
      return error(spec, "cannot instantiate " + file + ": " + e.getMessage() + hint);
    } catch (IllegalArgumentException e) {
      return error(spec, e.getMessage());
    } catch (IOException e) {
      return error(spec, "cannot prepare the wasi:dl worker: " + describe(e));
    }
  }

  /** Instantiates the app with its data {@code cx} and calls it; closes both. */
  private int run(
      Component c, Linker linker, RunContext context, Optional<Call> call, String file) {
    String doing = "instantiate `" + file + "`";
    try (RunContext cx = context;
        Instance instance = linker.instantiate(c, cx)) {
      if (call.isPresent()) {
        doing = "invoke `" + call.get().func().qualified() + "`";
        return invoke(instance, call.get());
      }
      Optional<Func> run = commandRun(instance);
      if (run.isEmpty()) {
        return error(
            spec,
            file
                + " exports no wasi:cli/run@0.2.x; call one of its functions with --invoke:\n"
                + Call.listing(c.model()));
      }
      doing = "run `" + file + "`";
      Optional<Val> result = run.get().call(List.of());
      return result.orElseThrow() instanceof Val.ResultVal r && r.isOk() ? 0 : Main.ERROR;
    } catch (Trap t) {
      return trap(t, doing);
    }
  }

  /** The server of {@code --plug tcp://HOST:PORT}. */
  private InetSocketAddress remote(String plug) {
    try {
      return ServeCommand.address(plug.substring(TCP.length()));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The WASI grants of {@code o}: nothing beyond what the command line gave. */
  WasiConfig wasiConfig(RunOptions o) {
    return wasiConfig(o, o.args());
  }

  /** As {@link #wasiConfig(RunOptions)}, with the arguments {@code argv} (a plugin's: its name). */
  WasiConfig wasiConfig(RunOptions o, List<String> argv) {
    Stdio stdio = parent == null ? Stdio.system() : parent.stdio;
    WasiConfig.Builder b =
        WasiConfig.builder()
            .args(argv)
            .stdin(stdio.in())
            .stdout(stdio.out())
            .stderr(stdio.err())
            .allowNet(o.allowNet());
    if (o.inheritEnv()) {
      b.inheritEnv();
    }
    for (RunOptions.EnvVar v : o.env()) {
      Optional<String> value = v.value().or(() -> Optional.ofNullable(System.getenv(v.name())));
      value.ifPresent(x -> b.env(v.name(), x));
    }
    for (RunOptions.Dir d : o.dirs()) {
      b.preopen(d.host(), d.guest());
    }
    return b.build();
  }

  /**
   * The wasi:dl policy of {@code o}: only the {@code --allow-lib} libraries; with {@code
   * --dl-signatures}, only the symbols it pins (of every granted library), each as pinned: a
   * function at its signature ({@code cos: (c-double) -> c-double}) or data of its type ({@code
   * environ: data pointer}). Every other symbol is refused at {@code library.get}.
   *
   * @throws IllegalArgumentException if the signature file cannot be read or parsed
   */
  static DlPolicy dlPolicy(RunOptions o) {
    if (!o.dl()) {
      return DlPolicy.denyAll();
    }
    DlPolicy.Builder b = DlPolicy.builder();
    o.allowLibs().forEach(b::allow);
    if (o.dlSignatures().isPresent()) {
      Path file = o.dlSignatures().get();
      String text;
      try {
        text = Files.readString(file);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read " + file + ": " + describe(e), e);
      }
      DlPolicy.parsePinFile(file.toString(), text)
          .forEach((symbol, use) -> b.pin("*", symbol, use));
      b.pinnedOnly();
    }
    return b.build();
  }

  private int invoke(Instance instance, Call call) {
    Func func =
        (call.func().iface().isPresent()
                ? instance.func(call.func().iface().get(), call.func().name())
                : instance.func(call.func().name()))
            .orElseThrow(() -> new IllegalStateException("no export " + call.func().qualified()));
    Optional<Val> result = func.call(call.args());
    PrintWriter out = spec.commandLine().getOut();
    if (result.isPresent()) {
      Type type = func.type().result().orElseThrow();
      out.println(ValText.print(type, result.get()));
    }
    return 0;
  }

  private int trap(Trap t, String doing) {
    // wasi:cli/exit unwinds the guest; its code becomes the process's.
    if (t instanceof WasiExit exit) {
      return exit.code();
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println("Error: failed to " + doing);
    err.println();
    err.println("Caused by:");
    GuestBacktrace backtrace = GuestBacktrace.of(t);
    int n = 0;
    if (!backtrace.frames().isEmpty()) {
      err.println("    " + n++ + ": error while executing at wasm backtrace:");
      List<GuestBacktrace.Frame> frames = backtrace.frames();
      for (int i = 0; i < frames.size(); i++) {
        err.printf("        %2d: %s%n", i, frames.get(i));
      }
    }
    err.println("    " + n + ": wasm trap: " + t.getMessage());
    err.flush();
    return Main.TRAP;
  }

  private static Optional<Func> commandRun(Instance instance) {
    for (String name : instance.exports()) {
      if (ExternName.parse(name) instanceof ExternName.Interface i
          && i.namespace().equals("wasi")
          && i.pkg().equals("cli")
          && i.name().equals("run")
          && i.version().map(v -> v.startsWith("0.2.")).orElse(false)) {
        return instance.func(name, "run");
      }
    }
    return Optional.empty();
  }

  /** Prints "Error: message" to stderr; returns {@link Main#ERROR}. */
  static int error(CommandSpec spec, String message) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("Error: " + message);
    err.flush();
    return Main.ERROR;
  }

  static String describe(IOException e) {
    return e instanceof NoSuchFileException ? "no such file" : e.toString();
  }

  /** {@code HOST[::GUEST]}. */
  static final class DirConverter implements CommandLine.ITypeConverter<RunOptions.Dir> {
    @Override
    public RunOptions.Dir convert(String value) {
      try {
        return RunOptions.Dir.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code NAME[=VALUE]}. */
  static final class EnvConverter implements CommandLine.ITypeConverter<RunOptions.EnvVar> {
    @Override
    public RunOptions.EnvVar convert(String value) {
      try {
        return RunOptions.EnvVar.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
