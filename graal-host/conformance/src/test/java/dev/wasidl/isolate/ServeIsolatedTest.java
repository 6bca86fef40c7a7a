package dev.wasidl.isolate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.nativetests.NativeLibs;
import dev.wasidl.testkit.core.ChildJvm;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.ResultType;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import dev.wasidl.wrpc.Framing;
import dev.wasidl.wrpc.WireHandles;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code wasidl serve --dl --dl-isolate} in a process of its own, serving dl-hostile-c over wRPC: a
 * client's call that segfaults native code gets no result (the plugin trapped), and the server
 * answers the next calls, each on a new worker: one hostile request cannot take the service down.
 */
class ServeIsolatedTest {
  private static final Pattern LISTENING = Pattern.compile("listening on [0-9.]+:([0-9]+) .*");
  private static final String FAULTS = NativeLibs.path("wasidl_faults").toString();
  private static final Type RESULT_F64 =
      new ResultType(Optional.of(Primitive.F64), Optional.of(Primitive.STRING));

  /** Calls the root function {@code name} with string and f64 arguments; its result, or empty. */
  private static Optional<Val> call(InetSocketAddress server, String name, List<Val> args)
      throws IOException {
    List<Type> types =
        args.stream()
            .map(a -> (Type) (a instanceof Val.Str ? Primitive.STRING : Primitive.F64))
            .toList();
    try (Socket s = new Socket()) {
      s.connect(server, 10_000);
      s.setSoTimeout(60_000);
      OutputStream out = new BufferedOutputStream(s.getOutputStream());
      out.write(Framing.header("", name));
      out.write(Framing.frame(List.of(), Framing.encodeValues(types, args, WireHandles.NONE)));
      out.flush();
      s.shutdownOutput();
      List<Val> results =
          Framing.readValues(s.getInputStream(), List.of(RESULT_F64), WireHandles.NONE);
      return Optional.of(results.getFirst());
    } catch (EOFException noResult) {
      return Optional.empty();
    }
  }

  private static Val cos0(InetSocketAddress server) throws IOException {
    return call(
            server,
            "call-double",
            List.of(new Val.Str("libm.so.6"), new Val.Str("cos"), new Val.F64(0)))
        .orElseThrow();
  }

  @Test
  @Timeout(180)
  void aSegfaultingRequestDoesNotTakeTheServerDown() throws Exception {
    Path guest =
        Path.of(System.getProperty("wasidl.testdata"), "resources", "guests", "dl-hostile-c.wasm");
    Path stderr = Files.createTempFile("serve-isolated", ".stderr");
    List<String> command =
        ChildJvm.wasidl(
            "serve",
            "--plugin",
            guest.toString(),
            "--listen",
            "127.0.0.1:0",
            "--dl",
            "--dl-isolate",
            "--allow-lib",
            "libm.so.6",
            "--allow-lib",
            FAULTS);
    Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    try {
      String line =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      Matcher m = LISTENING.matcher(line == null ? "" : line);
      assertTrue(m.matches(), line + "\n" + Files.readString(stderr));
      InetSocketAddress server =
          new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(m.group(1)));
      Val ok = Val.ResultVal.ok(new Val.F64(1.0));
      assertEquals(ok, cos0(server));
      for (String fault : List.of("fault_segv", "fault_abort")) {
        // call-pointer returns result<u64, string>: read as far as its absence
        assertTrue(
            call(server, "call-pointer", List.of(new Val.Str(FAULTS), new Val.Str(fault)))
                .isEmpty(),
            "no result for " + fault);
        assertEquals(ok, cos0(server), "answered after " + fault);
      }
      assertTrue(p.isAlive(), "the server is up");
      String log = Files.readString(stderr);
      assertTrue(log.contains("native code crashed: SIGSEGV in fault_segv+"), log);
      assertTrue(
          log.contains("native code crashed: SIGABRT during function.call of fault_abort"), log);
    } finally {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
      Files.deleteIfExists(stderr);
    }
  }
}
