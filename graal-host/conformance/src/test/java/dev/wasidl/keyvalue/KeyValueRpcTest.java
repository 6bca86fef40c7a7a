package dev.wasidl.keyvalue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.cli.Main;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.keyvalue.app.test.kv_app.AppGuest;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Instance;
import dev.wasidl.runtime.Linker;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.Val;
import dev.wasidl.wasi.Wasi;
import dev.wasidl.wasi.WasiConfig;
import dev.wasidl.wasi.WasiCtx;
import dev.wasidl.wasi.WasiView;
import dev.wasidl.wrpc.Framing;
import dev.wasidl.wrpc.RemotePlug;
import dev.wasidl.wrpc.Server;
import dev.wasidl.wrpc.ValueCodec;
import dev.wasidl.wrpc.WireWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provider 4 of wasi:keyvalue: the plugin kv-memory-c served over wRPC/TCP ({@link Server}, {@code
 * wasidl serve}) and the keyvalue app's imports forwarded to it ({@link RemotePlug}, {@code wasidl
 * run --plug tcp://}). Failures are played for real: clients that leave mid-call, a server process
 * killed (SIGKILL) before a call and mid-call, a server that never answers.
 */
class KeyValueRpcTest {
  private static final String STORE = "wasi:keyvalue/store@0.2.0-draft2";

  record Data(WasiCtx wasi) implements WasiView {}

  /** Serves kv-memory-c in this JVM on a free loopback port. */
  static Server serve(GraalRuntime runtime, StringWriter log) throws IOException {
    Component plugin = Component.of("kv-memory-c", KeyValueHostTest.guest("kv-memory-c.wasm"));
    Linker linker = Linker.of(runtime);
    Wasi.add(linker);
    WasiCtx wasi = new WasiCtx(WasiConfig.builder().build());
    return Server.start(
        plugin,
        () -> linker.instantiate(plugin, new Data(wasi)),
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        Duration.ofSeconds(10),
        new PrintWriter(log, true));
  }

  /** The app's report, its keyvalue imports forwarded to {@code server}; run before close. */
  static List<String> runApp(
      GraalRuntime runtime, InetSocketAddress server, Duration timeout, Runnable beforeClose) {
    Linker linker = Linker.of(runtime);
    Wasi.add(linker);
    Component app = Component.of("keyvalue-js", KeyValueHostTest.guest("keyvalue-js.wasm"));
    RemotePlug plug =
        RemotePlug.define(linker, app, server, timeout, name -> !linker.defines(name));
    linker.defineUnknownImportsAsTraps();
    try (WasiCtx wasi = new WasiCtx(WasiConfig.builder().build());
        Instance instance = linker.instantiate(app, new Data(wasi))) {
      List<String> report = new AppGuest(instance).run();
      beforeClose.run();
      return report;
    } finally {
      plug.close();
    }
  }

  /** EXPECTED with its last line (the app's last call: open("")) failed with {@code message}. */
  static List<String> lastCallFailed(String message) {
    List<String> expected = new ArrayList<>(KeyValueHostTest.EXPECTED);
    expected.set(
        expected.size() - 1, "open empty name: err other(" + STORE + "#open: " + message + ")");
    return expected;
  }

  @Test
  void appReportsAsTheBuiltInProviderOverRpc() throws IOException {
    StringWriter log = new StringWriter();
    try (GraalRuntime runtime = GraalRuntime.create();
        Server server = serve(runtime, log)) {
      List<String> report = runApp(runtime, server.address(), Duration.ofSeconds(10), () -> {});
      assertEquals(KeyValueHostTest.EXPECTED, report, String.join("\n", report) + "\n" + log);
      // The JS app drops none of its buckets; closing the plug drops them on the server.
      assertEquals(0, server.handleCount(), log.toString());
      assertEquals("", log.toString());
    }
  }

  /** The bytes of an invocation of store#open("app"). */
  static byte[] openRequest() throws IOException {
    WireWriter params = new WireWriter();
    ValueCodec.encode(Primitive.STRING, new Val.Str("app"), null, params);
    byte[] header = Framing.header(STORE, "open");
    byte[] frame = Framing.frame(List.of(), params.toByteArray());
    byte[] request = Arrays.copyOf(header, header.length + frame.length);
    System.arraycopy(frame, 0, request, header.length, frame.length);
    return request;
  }

  @Test
  void serverSurvivesClientsThatLeaveMidCall() throws IOException {
    StringWriter log = new StringWriter();
    try (GraalRuntime runtime = GraalRuntime.create();
        Server server = serve(runtime, log)) {
      byte[] request = openRequest();
      // Leaves inside the parameters.
      try (Socket s = new Socket(server.address().getAddress(), server.address().getPort())) {
        s.getOutputStream().write(Arrays.copyOf(request, request.length - 2));
      }
      // Sends the whole call, then resets the connection without waiting for the result.
      try (Socket s = new Socket(server.address().getAddress(), server.address().getPort())) {
        OutputStream out = s.getOutputStream();
        out.write(request);
        s.shutdownOutput();
        s.setSoLinger(true, 0);
      }
      // Connects and says nothing.
      try (Socket s = new Socket(server.address().getAddress(), server.address().getPort())) {
        s.shutdownOutput();
      }
      // Calls a function the plugin does not have.
      try (Socket s = new Socket(server.address().getAddress(), server.address().getPort())) {
        s.getOutputStream().write(Framing.header(STORE, "no-such-function"));
        s.shutdownOutput();
        assertEquals(-1, s.getInputStream().read(), "no result for an unknown function");
      }
      // The server goes on: the app gets its whole report.
      List<String> report = runApp(runtime, server.address(), Duration.ofSeconds(10), () -> {});
      assertEquals(KeyValueHostTest.EXPECTED, report, String.join("\n", report) + "\n" + log);
      String lines = log.toString();
      assertTrue(lines.contains(STORE + "#open: connection closed inside a frame"), lines);
      assertTrue(lines.contains("connection closed before the invocation header"), lines);
      assertTrue(lines.contains(STORE + "#no-such-function: no such function"), lines);
      // A bucket opened for the client that reset its connection was dropped, or never made.
      assertEquals(0, server.handleCount(), lines);
    }
  }

  /** How many invocations the app's run makes, its last one being open(""). */
  static int invocationsOfARun(GraalRuntime runtime) throws IOException {
    StringWriter log = new StringWriter();
    try (Server server = serve(runtime, log);
        RelayProxy relay =
            new RelayProxy(server.address(), Integer.MAX_VALUE, RelayProxy.Failure.KILL, null)) {
      int[] calls = new int[1];
      runApp(
          runtime, relay.address(), Duration.ofSeconds(10), () -> calls[0] = relay.connections());
      return calls[0];
    }
  }

  @Test
  void serverKilledMidCallIsAnErrorResult(@TempDir Path dir) throws IOException {
    Path plugin = dir.resolve("kv-memory-c.wasm");
    Files.write(plugin, KeyValueHostTest.guest("kv-memory-c.wasm"));
    try (GraalRuntime runtime = GraalRuntime.create()) {
      int last = invocationsOfARun(runtime);
      try (ServeProcess served = ServeProcess.start(plugin);
          RelayProxy relay =
              new RelayProxy(served.address(), last, RelayProxy.Failure.KILL, served::kill)) {
        List<String> report = runApp(runtime, relay.address(), Duration.ofSeconds(10), () -> {});
        assertEquals(
            lastCallFailed("the wRPC server closed the connection without a result"),
            report,
            String.join("\n", report));
      }
    }
  }

  @Test
  void serverThatNeverAnswersTimesOut() throws IOException {
    StringWriter log = new StringWriter();
    try (GraalRuntime runtime = GraalRuntime.create()) {
      int last = invocationsOfARun(runtime);
      try (Server server = serve(runtime, log);
          RelayProxy relay =
              new RelayProxy(server.address(), last, RelayProxy.Failure.STALL, null)) {
        long start = System.nanoTime();
        List<String> report = runApp(runtime, relay.address(), Duration.ofSeconds(1), () -> {});
        assertEquals(
            lastCallFailed("the wRPC server did not answer in time"),
            report,
            String.join("\n", report));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(60).toNanos());
      }
    }
  }

  @Test
  void cliRunsTheAppAgainstServeThenAKilledServerIsAnError(@TempDir Path dir) throws IOException {
    Path plugin = dir.resolve("kv-memory-c.wasm");
    Path app = dir.resolve("keyvalue-js.wasm");
    Files.write(plugin, KeyValueHostTest.guest("kv-memory-c.wasm"));
    Files.write(app, KeyValueHostTest.guest("keyvalue-js.wasm"));
    try (ServeProcess served = ServeProcess.start(plugin)) {
      String plug = "tcp://127.0.0.1:" + served.address().getPort();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code =
          Main.execute(
              new PrintWriter(out),
              new PrintWriter(err),
              "run",
              "--plug",
              plug,
              "--trap-unknown-imports",
              "--invoke",
              "test:kv-app/app@0.1.0#run()",
              app.toString());
      assertEquals(0, code, err.toString());
      assertEquals(
          KeyValueHostTest.EXPECTED.stream()
                  .map(s -> "\"" + s + "\"")
                  .collect(Collectors.joining(", ", "[", "]"))
              + "\n",
          out.toString());

      served.kill();
      StringWriter out2 = new StringWriter();
      StringWriter err2 = new StringWriter();
      long start = System.nanoTime();
      int killed =
          Main.execute(
              new PrintWriter(out2),
              new PrintWriter(err2),
              "run",
              "--plug",
              plug,
              "--trap-unknown-imports",
              "--invoke",
              "test:kv-app/app@0.1.0#run()",
              app.toString());
      // The app does not catch open("app")'s error: it traps, promptly, with the error's text.
      assertEquals(Main.TRAP, killed, err2.toString());
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos());
      assertEquals("", out2.toString());
      // (jco's ComponentError shows the error payload as [object Object], at the call to open)
      assertTrue(err2.toString().contains("keyvalue_store_0_2_0_draft2$open"), err2.toString());
      assertTrue(err2.toString().contains("wasm trap: unreachable"), err2.toString());
    }
  }

  @Test
  void killedServerBeforeTheFirstCallTrapsTheApp(@TempDir Path dir) throws IOException {
    Path plugin = dir.resolve("kv-memory-c.wasm");
    Files.write(plugin, KeyValueHostTest.guest("kv-memory-c.wasm"));
    try (GraalRuntime runtime = GraalRuntime.create();
        ServeProcess served = ServeProcess.start(plugin)) {
      served.kill();
      Trap t =
          assertThrows(
              Trap.class, () -> runApp(runtime, served.address(), Duration.ofSeconds(5), () -> {}));
      assertTrue(t.getMessage() != null, String.valueOf(t));
    }
  }
}
