package dev.wasidl.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Func;
import dev.wasidl.runtime.Instance;
import dev.wasidl.runtime.Linker;
import dev.wasidl.types.Val;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The filesystem host end to end: wasi-libc guests through both preview1 adapters, on {@link
 * Wasi#add} with real preopens, must give exactly what node + jco gave
 * (../guests/wasi-expected.md): wasi-cli-c's {@code files} (create, write, read, stat, mkdir,
 * readdir, rename, unlink, rmdir, then ../outside and absolute paths refused) and wasi-reactor-c's
 * {@code sum-file}.
 */
class FilesystemGuestTest {
  private static final String FILES_OK =
      """
      create a.txt: ok
      write: 27
      close: ok
      open a.txt for reading: ok
      read: 27 "hello, preopened directory"
      stat a.txt: ok
      size: 27, regular: yes
      mkdir sub: ok
      stat sub: ok
      sub is a directory: yes
      create sub/b.txt: ok
      readdir: a.txt sub
      rename a.txt -> c.txt: ok
      readdir: c.txt sub
      open a.txt after rename: ENOENT
      unlink c.txt: ok
      unlink sub/b.txt: ok
      rmdir sub: ok
      readdir:
      """;
  private static GraalRuntime runtime;

  @TempDir Path base;
  private Path sandbox;

  @BeforeEach
  void sandbox() throws IOException {
    sandbox = Files.createDirectory(base.resolve("sandbox"));
  }

  @BeforeAll
  static void start() {
    runtime = GraalRuntime.create();
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  static Stream<String> commands() {
    return Stream.of("wasi-cli-c.wasm", "wasi-cli-c-jco.wasm");
  }

  static Stream<String> reactors() {
    return Stream.of("wasi-reactor-c.wasm", "wasi-reactor-c-jco.wasm");
  }

  private static Linker linker() {
    Linker linker = Linker.of(runtime);
    Wasi.add(linker);
    return linker;
  }

  /** Runs wasi-cli-c {@code files DIR} with {@code config}: stdout, stderr and the exit code. */
  private static String files(String guest, String dir, WasiConfig.Builder config) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    config
        .args(List.of("wasi-cli-c", "files", dir))
        .stdin(new ByteArrayInputStream(new byte[0]))
        .stdout(out)
        .stderr(err);
    int exit;
    Component component = Component.of(guest, WasiGuests.bytes(guest));
    try (WasiCtx ctx = new WasiCtx(config.build());
        Instance instance = linker().instantiate(component, ctx)) {
      Optional<Val> r = WasiGuests.run(instance).call();
      exit = r.orElseThrow() instanceof Val.ResultVal rv && rv.isOk() ? 0 : 1;
    } catch (WasiExit e) {
      exit = e.code();
    }
    return out.toString(StandardCharsets.UTF_8)
        + "|stderr:"
        + err.toString(StandardCharsets.UTF_8)
        + "|exit:"
        + exit;
  }

  /** What is left in {@code dir}, by name. */
  private static List<String> left(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** The guest leaves its sandbox empty and creates nothing next to it ("../outside"). */
  private void nothingLeft() throws IOException {
    assertEquals(List.of(), left(sandbox));
    assertEquals(List.of("sandbox"), left(base));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void filesInAPreopenNamedSandbox(String guest) throws IOException {
    assertEquals(
        FILES_OK
            + "open /sandbox/../outside: EPERM\nopen /etc/passwd: ENOTCAPABLE\n"
            + "open outside-relative.txt: ENOTCAPABLE\n|stderr:|exit:0",
        files(guest, "/sandbox", WasiConfig.builder().preopen(sandbox, "/sandbox")));
    nothingLeft();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void filesInAPreopenNamedDot(String guest) throws IOException {
    assertEquals(
        FILES_OK
            + "open ./../outside: EPERM\nopen /etc/passwd: ENOENT\n"
            + "open outside-relative.txt: ENOENT\n|stderr:|exit:0",
        files(guest, ".", WasiConfig.builder().preopen(sandbox, ".")));
    nothingLeft();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void filesWithoutAPreopen(String guest) {
    assertEquals(
        "create a.txt: ENOTCAPABLE\n|stderr:|exit:1",
        files(guest, "/sandbox", WasiConfig.builder()));
  }

  @ParameterizedTest
  @MethodSource("reactors")
  void sumFile(String guest) throws IOException {
    Files.writeString(sandbox.resolve("n.txt"), "1 2 3\n40\n");
    Files.writeString(sandbox.resolve("bad.txt"), "1 x\n");
    Files.writeString(sandbox.resolve("max.txt"), "18446744073709551615\n");
    Component component = Component.of(guest, WasiGuests.bytes(guest));
    List<String> got = new ArrayList<>();
    try (WasiCtx ctx = new WasiCtx(WasiConfig.builder().preopen(sandbox, "/data").build());
        Instance instance = linker().instantiate(component, ctx)) {
      Func sum = instance.func("test:wasi-reactor/run@0.1.0", "sum-file").orElseThrow();
      for (String p :
          List.of(
              "/data/n.txt",
              "/data/max.txt",
              "/data/bad.txt",
              "/data/missing.txt",
              "/etc/passwd",
              "/data")) {
        Val.ResultVal r = (Val.ResultVal) sum.call(new Val.Str(p)).orElseThrow();
        got.add(
            r.isOk()
                ? "ok " + Long.toUnsignedString(((Val.U64) r.payload().orElseThrow()).value())
                : "err " + ((Val.Str) r.payload().orElseThrow()).value());
      }
    }
    assertEquals(
        List.of(
            "ok 46",
            "ok 18446744073709551615",
            "err bad number in /data/bad.txt",
            "err open /data/missing.txt: ENOENT",
            "err open /etc/passwd: ENOTCAPABLE",
            "err bad number in /data"),
        got);
  }
}
