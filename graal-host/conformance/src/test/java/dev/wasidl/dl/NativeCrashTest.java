package dev.wasidl.dl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.nativetests.NativeLibs;
import dev.wasidl.testkit.core.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Without isolation a fault in native code ends the JVM; the launcher's crash flags (see the {@code
 * wasidl} script: {@code -XX:ErrorFile}, {@code -XX:OnError} running {@code bin/native-crash}) make
 * it say so in one line naming the signal and the native function, not a bare exit status. A guest
 * calls native-tests' {@code fault_segv} through wasi:dl in a JVM of its own started with those
 * flags.
 */
class NativeCrashTest {
  @Test
  @Timeout(120)
  void aSegfaultInALibraryIsReportedNamingTheSignalAndTheFunction() throws Exception {
    String faults = NativeLibs.path("wasidl_faults").toString();
    Path reports = Files.createTempDirectory("wasidl-crash");
    String report = reports.resolve("wasidl-crash-%p.log").toString();
    Path script = Path.of("..", "..", "bin", "native-crash").toAbsolutePath().normalize();
    Path guest =
        Path.of(System.getProperty("wasidl.testdata"), "resources", "guests", "dl-hostile-c.wasm");
    List<String> command = ChildJvm.wasidl();
    command.addAll(
        1,
        List.of(
            "-XX:-CreateCoredumpOnCrash",
            "-XX:ErrorFile=" + report,
            "-XX:OnError='" + script + "' '" + report + "'"));
    command.addAll(
        List.of(
            "run",
            "--dl",
            "--allow-lib",
            faults,
            "--invoke",
            "call-pointer(\"" + faults + "\", \"fault_segv\")",
            guest.toString()));
    Path err = reports.resolve("stderr");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(reports.resolve("stdout").toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(p.waitFor(100, TimeUnit.SECONDS), "the crashing JVM did not end");
    String stderr = Files.readString(err);
    // 1: without a core dump (-XX:-CreateCoredumpOnCrash, here) HotSpot exits so; the launcher,
    // which keeps the default, ends by abort(): status 134
    assertEquals(1, p.exitValue(), stderr);
    assertTrue(stderr.contains("wasidl: native code crashed: SIGSEGV in fault_segv+"), stderr);
    assertTrue(stderr.contains("(libwasidl_faults.so+"), stderr);
  }
}
