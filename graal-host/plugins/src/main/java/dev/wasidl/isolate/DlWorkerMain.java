package dev.wasidl.isolate;

import dev.wasidl.dl.DlCtx;
import dev.wasidl.dl.DlLimits;
import dev.wasidl.dl.WasiDl;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Linker;
import dev.wasidl.wrpc.PluginData;
import dev.wasidl.wrpc.Server;
import dev.wasidl.wrpc.ServerLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A wasi:dl worker process (started by {@link DlIsolation}, not by hand): serves the host's wasi:dl
 * over wRPC on a Unix domain socket, with the policy and limits it is given, prints {@code ready}
 * once it listens, and ends when its parent closes its standard input (or dies).
 *
 * <p>Arguments: {@code SOCKET POLICY-FILE MAX-MEMORY MAX-FIELDS MAX-TOTAL-FIELDS MAX-RESOURCES
 * DEADLINE-MILLIS}.
 */
public final class DlWorkerMain {
  /** What the worker prints once it accepts calls. */
  static final String READY = "ready";

  private DlWorkerMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 7) {
      System.err.println("wasidl dl worker: expected 7 arguments, got " + args.length);
      System.exit(2);
    }
    Path socket = Path.of(args[0]);
    Path policyFile = Path.of(args[1]);
    DlPolicy policy =
        DlPolicy.parse(policyFile.toString(), Files.readString(policyFile, StandardCharsets.UTF_8));
    DlLimits limits =
        new DlLimits(
            Long.parseLong(args[2]),
            Long.parseLong(args[3]),
            Long.parseLong(args[4]),
            Long.parseLong(args[5]));
    Duration deadline = Duration.ofMillis(Long.parseLong(args[6]));
    GraalRuntime runtime = GraalRuntime.create();
    Component reexport = DlIsolation.reexport();
    Linker linker = Linker.of(runtime);
    WasiDl.add(linker);
    // the instance's wasi:dl state; the server instantiates again after a trap, closing the last
    PluginData<DlCtx> ctx = new PluginData<>(() -> new DlCtx(policy, limits), DlCtx::close);
    Server.startSessions(
        reexport,
        () -> linker.instantiate(reexport, ctx.next()),
        UnixDomainSocketAddress.of(socket),
        ServerLimits.defaults().withDeadline(deadline),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    System.out.println(READY);
    System.out.flush();
    endWithParent();
  }

  /** Blocks until standard input ends (the parent closed it or died), then ends the process. */
  private static void endWithParent() {
    try {
      while (System.in.read() >= 0) {
        // the parent never writes
      }
    } catch (IOException e) {
      // the same: the parent is gone
    }
    Runtime.getRuntime().halt(0);
  }
}
