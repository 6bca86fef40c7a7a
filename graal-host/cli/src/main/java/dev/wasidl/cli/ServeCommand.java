package dev.wasidl.cli;

import dev.wasidl.component.ComponentException;
import dev.wasidl.dl.DlCtx;
import dev.wasidl.dl.DlLimits;
import dev.wasidl.dl.WasiDl;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.isolate.DlIsolation;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Linker;
import dev.wasidl.wasi.Wasi;
import dev.wasidl.wasi.WasiConfig;
import dev.wasidl.wasi.WasiCtx;
import dev.wasidl.wrpc.Framing;
import dev.wasidl.wrpc.PluginData;
import dev.wasidl.wrpc.Server;
import dev.wasidl.wrpc.ServerLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wasidl serve --plugin PLUGIN --listen HOST:PORT}: a plugin's exports over wRPC/TCP. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Instantiates a plugin component (a reactor) and serves the functions of its exported"
          + " interfaces over wRPC's TCP transport (one connection per invocation, the component"
          + " model's value encoding), until the process is stopped. `wasidl run --plug"
          + " tcp://HOST:PORT` forwards an app's imports to it; other wRPC peers can call it too.",
      "Prints `listening on HOST:PORT` once ready (with port 0: the port chosen)."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @CommandLine.ParentCommand @Nullable Main parent;

  @Option(
      names = "--plugin",
      required = true,
      paramLabel = "PLUGIN",
      description = "The plugin component (.wasm).")
  @Nullable Path plugin;

  @Option(
      names = "--listen",
      required = true,
      paramLabel = "HOST:PORT",
      description = "The address to listen on, e.g. 127.0.0.1:7761 (port 0: any free port).")
  @Nullable String listen;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "The deadline of one invocation in all, from accept to the last result byte (not per"
              + " read: a client that trickles its request is cut when it passes; its call is"
              + " cancelled if still queued), and the longest a call may run wasm: past it the"
              + " call traps and the plugin is instantiated again for the next (default: 30).")
  int timeoutSeconds;

  @Option(
      names = "--max-connections",
      paramLabel = "N",
      defaultValue = "" + ServerLimits.DEFAULT_MAX_CONNECTIONS,
      description =
          "Connections open at once (default: ${DEFAULT-VALUE}). At the cap a newcomer takes the"
              + " place of the connection that has been sending its request longest;"
              + " connections whose call is queued or running are never shed.")
  int maxConnections;

  @Option(
      names = "--max-message",
      paramLabel = "BYTES",
      defaultValue = "" + Framing.DEFAULT_MAX_MESSAGE,
      description =
          "Bytes the parameters of one invocation may take (default: ${DEFAULT-VALUE}, 64 MiB;"
              + " at most 1 GiB). A length prefix claiming more is refused as soon as it arrives.")
  int maxMessage;

  @Option(
      names = "--max-in-flight",
      paramLabel = "BYTES",
      defaultValue = "" + ServerLimits.DEFAULT_MAX_IN_FLIGHT,
      description =
          "Bytes the decoded parameters of all connections may hold at once (default:"
              + " ${DEFAULT-VALUE}, 256 MiB): a request that would go past it is refused.")
  long maxInFlight;

  @Option(
      names = "--dir",
      paramLabel = "HOST[::GUEST]",
      converter = RunCommand.DirConverter.class,
      description = "Preopen host directory HOST for the plugin as GUEST. Repeatable.")
  List<RunOptions.Dir> dirs = new ArrayList<>();

  @Option(names = "--dl", description = "Define wasi:dl for the plugin.")
  boolean dl;

  @Option(
      names = "--allow-lib",
      paramLabel = "NAME|PATH|GLOB",
      description = "A library wasi:dl may open (needs --dl). Repeatable.")
  List<String> allowLibs = new ArrayList<>();

  @CommandLine.Mixin DlLimitOptions dlLimits = new DlLimitOptions();

  @CommandLine.Mixin DlIsolateOption dlIsolate = new DlIsolateOption();

  @CommandLine.Mixin WasmLimitOptions wasmLimits = new WasmLimitOptions();

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (!dl && !allowLibs.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--allow-lib needs --dl");
    }
    if (!dl && dlLimits.any()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--dl-max-* need --dl");
    }
    DlLimits instanceLimits = dlLimits.limits(spec);
    InetSocketAddress address;
    ServerLimits limits;
    try {
      address = address(listen);
      limits =
          new ServerLimits(
              Duration.ofSeconds(timeoutSeconds), maxConnections, maxMessage, maxInFlight);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(plugin);
    } catch (IOException e) {
      return RunCommand.error(spec, "cannot read " + plugin + ": " + RunCommand.describe(e));
    }
    String file = plugin.getFileName().toString();
    Component c;
    try {
      c = Component.of(file, bytes);
    } catch (ComponentException e) {
      return RunCommand.error(spec, plugin + " is not a valid component: " + e.getMessage());
    }
    Stdio stdio = parent == null ? Stdio.system() : parent.stdio;
    RunOptions o =
        new RunOptions(
            List.of(file), dirs, List.of(), false, false, dl, allowLibs, Optional.empty());
    WasiConfig.Builder wasi =
        WasiConfig.builder().args(o.args()).stdout(stdio.out()).stderr(stdio.err());
    dirs.forEach(d -> wasi.preopen(d.host(), d.guest()));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    WasiConfig wasiConfig = wasi.build();
    try (GraalRuntime runtime = GraalRuntime.create();
        DlIsolation isolation =
            dlIsolate.start(
                spec, dl, () -> RunCommand.dlPolicy(o), instanceLimits, limits.deadline());
        PluginData<RunContext> contexts =
            new PluginData<>(
                () ->
                    new RunContext(
                        new WasiCtx(wasiConfig),
                        new DlCtx(RunCommand.dlPolicy(o), instanceLimits),
                        null),
                RunContext::close)) {
      // A call may run wasm as long as an invocation may last; past it, it traps and the server
      // instantiates the plugin again (with fresh WASI and wasi:dl state) for the next call.
      Linker linker = Linker.of(runtime).callTimeout(limits.deadline());
      wasmLimits.apply(spec, linker, null, false);
      Wasi.add(linker);
      if (isolation != null) {
        isolation.add(linker);
      } else if (dl) {
        WasiDl.add(linker);
      }
      Server server;
      try {
        server =
            Server.start(c, () -> linker.instantiate(c, contexts.next()), address, limits, err);
      } catch (IOException e) {
        return RunCommand.error(spec, "cannot listen on " + listen + ": " + e.getMessage());
      } catch (RuntimeException e) {
        return RunCommand.error(spec, "cannot instantiate " + file + ": " + e.getMessage());
      }
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    server.close();
                    stopped.countDown();
                  }));
      InetSocketAddress bound = server.address();
      out.println(
          "listening on "
              + bound.getAddress().getHostAddress()
              + ":"
              + bound.getPort()
              + " ("
              + String.join(", ", server.served())
              + ")");
      out.flush();
      stopped.await();
      return 0;
    }
  }

  /** {@code HOST:PORT}, the host possibly a bracketed IPv6 address. */
  static InetSocketAddress address(@Nullable String text) {
    int colon = text == null ? -1 : text.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("expected HOST:PORT, got " + text);
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected HOST:PORT, got " + text, e);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range in " + text);
    }
    return new InetSocketAddress(host, port);
  }
}
