package dev.wasidl.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.cli.Main;
import dev.wasidl.testkit.component.Json;
import dev.wasidl.testkit.plugins.Node;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The WASI guests run by {@code wasidl run} (the command line, in process) and by node + jco
 * ({@code node/wasi-run.mjs}, preview2-shim) with the same arguments, environment, stdin and
 * preopened directory: stdout, stderr and the exit code must be equal. Both preview1 adapters
 * (wasm-component-ld's, importing WASI 0.2.6, and jco's, 0.2.12) are run.
 */
class WasiCliDifferentialTest {
  private static final Path GUESTS = Path.of("../testdata/resources/guests");

  /** One run: subcommand and arguments, --env pairs, stdin, and whether /sandbox is preopened. */
  record Case(String name, List<String> args, List<String> env, String stdin, boolean sandbox) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case run(String name, String... args) {
    return new Case(name, List.of(args), List.of(), "", false);
  }

  static Stream<Arguments> cases() {
    List<Case> cases =
        List.of(
            run("hello", "hello"),
            run("args", "args", "one", "", "two words", "ünïcødé ✓"),
            new Case("env", List.of("env", "B"), List.of("A=1", "B=two", "C=ü"), "", false),
            new Case("env-missing", List.of("env", "NOPE"), List.of(), "", false),
            new Case("stdin", List.of("stdin"), List.of(), "Hello, stdin!\nline two\n", false),
            new Case("stdin-empty", List.of("stdin"), List.of(), "", false),
            new Case("stdin-large", List.of("stdin"), List.of(), numbers(20000), false),
            run("exit-0", "exit", "0"),
            run("exit-7", "exit", "7"),
            run("usage", "nonsense"),
            run("clock", "clock"),
            run("random", "random"),
            new Case("files", List.of("files", "/sandbox"), List.of(), "", true),
            run("files-without-preopen", "files", "/sandbox"));
    List<Arguments> out = new ArrayList<>();
    for (String guest : List.of("wasi-cli-c", "wasi-cli-c-jco")) {
      for (Case c : cases) {
        out.add(Arguments.of(guest, c));
      }
    }
    return out.stream();
  }

  private static String numbers(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      b.append(i).append('\n');
    }
    return b.toString();
  }

  record Outcome(int exit, String stdout, String stderr) {}

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void sameAsNodeAndJco(String guest, Case c, @TempDir Path tmp) throws Exception {
    Path wasm = GUESTS.resolve(guest + ".wasm").toAbsolutePath();
    Path nodeBox = Files.createDirectories(tmp.resolve("node"));
    Path ourBox = Files.createDirectories(tmp.resolve("ours"));
    Outcome node = node(wasm, c, nodeBox);
    Outcome ours = ours(wasm, c, ourBox);
    assertEquals(node, ours, "wasidl run differs from node + jco");
    if (c.sandbox()) {
      try (Stream<Path> left = Files.list(ourBox)) {
        assertFalse(left.findAny().isPresent(), "the guest leaves its preopen empty");
      }
    }
    assertTrue(node.exit() == 0 || node.exit() == 1, node.toString());
  }

  private static Outcome ours(Path wasm, Case c, Path box) {
    return ours(wasm, c, box, List.of());
  }

  private static Outcome ours(Path wasm, Case c, Path box, List<String> options) {
    List<String> args = new ArrayList<>(List.of("run"));
    args.addAll(options);
    for (String e : c.env()) {
      args.add("--env");
      args.add(e);
    }
    if (c.sandbox()) {
      args.add("--dir");
      args.add(box + "::/sandbox");
    }
    args.add(wasm.toString());
    args.addAll(c.args());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    InputStream in = new ByteArrayInputStream(c.stdin().getBytes(StandardCharsets.UTF_8));
    int code =
        Main.execute(in, new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    return new Outcome(code, out.toString(), err.toString());
  }

  private static Outcome node(Path wasm, Case c, Path box)
      throws IOException, InterruptedException {
    return outcome(nodeJson(wasm, c, box, List.of()));
  }

  private static Outcome outcome(Json.Obj o) {
    return new Outcome(
        Integer.parseInt(((Json.Num) o.get("exit")).text()),
        ((Json.Str) o.get("stdout")).value(),
        ((Json.Str) o.get("stderr")).value());
  }

  private static Json.Obj nodeJson(Path wasm, Case c, Path box, List<String> options)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("wasi-run.mjs"));
    cmd.addAll(options);
    for (String e : c.env()) {
      cmd.add("--env");
      cmd.add(e);
    }
    if (c.sandbox()) {
      cmd.add("--dir");
      cmd.add(box + "::/sandbox");
    }
    cmd.add(wasm.toString());
    cmd.addAll(c.args());
    Process p = Node.process(cmd).start();
    Thread feeder =
        Thread.ofVirtual()
            .start(
                () -> {
                  try (var stdin = p.getOutputStream()) {
                    stdin.write(c.stdin().getBytes(StandardCharsets.UTF_8));
                  } catch (IOException e) {
                    // node exited early; its output says why
                  }
                });
    byte[] stdout = p.getInputStream().readAllBytes();
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("node did not finish: " + stderr);
    }
    feeder.join();
    String text = new String(stdout, StandardCharsets.UTF_8).strip();
    if (p.exitValue() != 0 || text.isEmpty()) {
      throw new AssertionError("wasi-run.mjs failed (" + p.exitValue() + "): " + stderr + text);
    }
    return (Json.Obj) Json.parse(text.lines().reduce((a, b) -> b).orElseThrow());
  }

  static Stream<Arguments> tcpGuests() {
    return Stream.of("wasi-tcp-c", "wasi-tcp-c-jco").map(Arguments::of);
  }

  /**
   * wasi-tcp-c, a client on wasi:sockets: echoed by a server on loopback (node's in node, a Java
   * one for us), refused by a closed port, and denied without the network grant.
   */
  @ParameterizedTest
  @MethodSource("tcpGuests")
  void tcpClientSameAsNodeAndJco(String guest, @TempDir Path tmp) throws Exception {
    Path wasm = GUESTS.resolve(guest + ".wasm").toAbsolutePath();
    try (java.net.ServerSocket server =
        new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Thread echo =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try (java.net.Socket s = server.accept()) {
                      s.getInputStream().transferTo(s.getOutputStream());
                    } catch (IOException e) {
                      // the test's assertions report what the guest saw
                    }
                  });
      String port = Integer.toString(server.getLocalPort());
      Case echoCase =
          new Case(
              "echo", List.of("127.0.0.1", "{echo-port}", "hello over tcp"), List.of(), "", false);
      Outcome node = outcome(nodeJson(wasm, echoCase, tmp, List.of("--net", "--echo-server")));
      Case ourCase =
          new Case("echo", List.of("127.0.0.1", port, "hello over tcp"), List.of(), "", false);
      Outcome ours = ours(wasm, ourCase, tmp, List.of("--allow-net"));
      assertEquals(node, ours);
      assertEquals(0, ours.exit(), ours.toString());
      echo.join(10_000);
    }
    Case closed =
        new Case("closed", List.of("127.0.0.1", "{closed-port}", "x"), List.of(), "", false);
    Outcome nodeClosed = outcome(nodeJson(wasm, closed, tmp, List.of("--net")));
    int free;
    try (java.net.ServerSocket probe =
        new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      free = probe.getLocalPort();
    }
    Outcome oursClosed =
        ours(
            wasm,
            new Case(
                "closed", List.of("127.0.0.1", Integer.toString(free), "x"), List.of(), "", false),
            tmp,
            List.of("--allow-net"));
    assertEquals(nodeClosed, oursClosed);
    Case denied =
        new Case("denied", List.of("127.0.0.1", "{echo-port}", "no --net"), List.of(), "", false);
    Outcome nodeDenied = outcome(nodeJson(wasm, denied, tmp, List.of("--echo-server")));
    Outcome oursDenied =
        ours(
            wasm,
            new Case("denied", List.of("127.0.0.1", "9", "no --net"), List.of(), "", false),
            tmp,
            List.of());
    assertEquals(nodeDenied, oursDenied);
  }

  static Stream<Arguments> reactorGuests() {
    return Stream.of("wasi-reactor-c", "wasi-reactor-c-jco").map(Arguments::of);
  }

  /**
   * wasi-reactor-c's exports called with --invoke, one process each, and by node in one instance:
   * the same results (printed as WAVE by us, JSON by node) and the same guest output.
   */
  @ParameterizedTest
  @MethodSource("reactorGuests")
  void reactorCallsSameAsNodeAndJco(String guest, @TempDir Path tmp) throws Exception {
    Path wasm = GUESTS.resolve(guest + ".wasm").toAbsolutePath();
    Path data = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(data.resolve("n.txt"), "1 2 3\n40\n");
    Files.writeString(data.resolve("bad.txt"), "1 x\n");
    Files.writeString(data.resolve("max.txt"), "18446744073709551615\n");
    List<String[]> calls =
        List.of(
            new String[] {"greet", "\"World\""},
            new String[] {"greet", "\"ünï\""},
            new String[] {"greet", "\"\""},
            new String[] {"sum-file", "\"/data/n.txt\""},
            new String[] {"sum-file", "\"/data/max.txt\""},
            new String[] {"sum-file", "\"/data/bad.txt\""},
            new String[] {"sum-file", "\"/data/missing.txt\""},
            new String[] {"sum-file", "\"/etc/passwd\""},
            new String[] {"sum-file", "\"/data\""});
    List<String> nodeOptions = new ArrayList<>(List.of("--dir", data + "::/data"));
    for (String[] call : calls) {
      nodeOptions.add("--call");
      nodeOptions.add("run." + call[0]);
      nodeOptions.add("[" + call[1] + "]");
    }
    Json.Obj node =
        nodeJson(wasm, new Case("reactor", List.of(), List.of(), "", false), tmp, nodeOptions);
    List<Json> results = ((Json.Arr) node.get("calls")).elements();
    StringBuilder guestOut = new StringBuilder();
    for (int i = 0; i < calls.size(); i++) {
      String[] call = calls.get(i);
      Outcome ours =
          ours(
              wasm,
              new Case(call[0], List.of(), List.of(), "", false),
              tmp,
              List.of(
                  "--dir", data + "::/data", "--invoke", "run#" + call[0] + "(" + call[1] + ")"));
      assertEquals(0, ours.exit(), ours.toString());
      List<String> lines = ours.stdout().lines().toList();
      String printed = lines.getLast();
      lines.subList(0, lines.size() - 1).forEach(l -> guestOut.append(l).append('\n'));
      Json.Obj r = (Json.Obj) results.get(i);
      String expected =
          call[0].equals("greet")
              ? Json.quote(((Json.Str) r.get("value")).value())
              : r.members().containsKey("value")
                  ? "ok(" + ((Json.Str) r.get("value")).value() + ")"
                  : "err(" + Json.quote(((Json.Str) r.get("err")).value()) + ")";
      assertEquals(expected, printed, call[0] + "(" + call[1] + ")");
    }
    assertEquals(((Json.Str) node.get("stdout")).value(), guestOut.toString());
  }
}
