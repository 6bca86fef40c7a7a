package dev.wasidl.dl;

import static dev.wasidl.dl.HostileGuest.COS_0;
import static dev.wasidl.dl.HostileGuest.Kind.ERR;

import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.graal.GraalRuntime;
import dev.wasidl.nativetests.NativeLibs;
import dev.wasidl.runtime.Linker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, reproduction 2, by the hostile guest on real GraalWasm: a glob rule cannot be escaped
 * with {@code ..} segments, and {@code *} does not span {@code /}. The libraries are real files (a
 * copy of native-tests' libwasidl_pointers.so) in a real folder tree. After each refusal the host
 * still serves a legitimate call.
 */
class DlHostilePathTest {
  private static GraalRuntime runtime;
  private static Linker linker;

  @BeforeAll
  static void setUp() {
    runtime = GraalRuntime.create();
    linker = Linker.of(runtime);
    WasiDl.add(linker);
  }

  @AfterAll
  static void tearDown() {
    runtime.close();
  }

  /** A copy of a real shared library at {@code file} (folders made). */
  private static Path library(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.copy(NativeLibs.path("wasidl_pointers"), file);
  }

  private static String open(Path lib) {
    return open(lib.toString());
  }

  private static String open(String lib) {
    return "open(\"" + lib + "\")";
  }

  @Test
  void aFolderGlobCannotBeEscaped(@TempDir Path tmp) throws IOException {
    Path plugins = tmp.resolve("plugins");
    Path granted = library(plugins.resolve("lib.so"));
    library(tmp.resolve("other").resolve("lib.so"));
    library(plugins.resolve("sub").resolve("lib.so"));
    DlPolicy policy = DlPolicy.builder().allow(plugins + "/*").allow("libm.so.6").build();
    try (HostileGuest g = new HostileGuest(linker, policy)) {
      g.call(open(plugins + "/../other/lib.so")).assertRefused(ERR, "'..'");
      g.call(COS_0).assertCos();
      // '..' that would land back inside the folder is refused all the same: no '..' at all
      g.call(open(plugins + "/sub/../lib.so")).assertRefused(ERR, "'..'");
      // '*' matches within one path segment
      g.call(open(plugins.resolve("sub").resolve("lib.so"))).assertRefused(ERR, "not allowed");
      g.call(COS_0).assertCos();
      // what the rule means is still granted
      g.call(open(granted)).assertOk();
      g.call("symbol-address(some(\"" + granted + "\"), \"counter\")").assertOk();
    }
  }

  /**
   * {@code libm.so*} and a relative name through a folder named like a library, relative to the
   * working folder (as the issue found it): in a JVM of its own with a working folder of its own.
   */
  @Test
  @Timeout(120)
  void aNameGlobCannotBeEscapedThroughAFolder(@TempDir Path tmp) throws Exception {
    Path cwd = Files.createDirectories(tmp.resolve("work"));
    Files.createDirectories(cwd.resolve("libm.so.6.d"));
    Path evil = library(tmp.resolve("x").resolve("libevil.so"));
    HostileProcess p =
        HostileProcess.run(
            cwd,
            Map.of(),
            Duration.ofSeconds(100),
            "--allow",
            "libm.so*",
            open("libm.so.6.d/../../x/libevil.so"),
            COS_0,
            open(evil));
    List<HostileGuest.Outcome> o = p.assertSurvived();
    o.get(0).assertRefused(ERR, "'..'");
    o.get(1).assertCos();
    o.get(2).assertRefused(ERR, "not allowed");
  }
}
