package dev.wasidl.isolate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a worker's end reads: from the JVM's fatal error report, else from its exit status. */
class NativeCrashTest {
  private static final String REPORT =
      """
      #
      # A fatal error has been detected by the Java Runtime Environment:
      #
      #  SIGSEGV (0xb) at pc=0x00007f3c2c01a23a, pid=6454, tid=6470
      #
      # JRE version: OpenJDK Runtime Environment Temurin-25.0.3+9 (25.0.3+9) (build 25.0.3+9-LTS)
      # Problematic frame:
      # C  [libwasidl_faults.so+0x123a]  fault_segv+0xa
      #
      """;

  @Test
  void theReportNamesTheSignalAndTheFrame() {
    NativeCrash c = NativeCrash.of(134, REPORT);
    assertEquals(
        new NativeCrash("SIGSEGV", Optional.of("fault_segv+0xa (libwasidl_faults.so+0x123a)")), c);
    assertEquals(
        "native code crashed: SIGSEGV in fault_segv+0xa (libwasidl_faults.so+0x123a)",
        c.describe());
    // a frame without a symbol: the library and offset
    assertEquals(
        Optional.of("libx.so+0x10"),
        NativeCrash.of(134, "#  SIGBUS (0x7)\n# Problematic frame:\n# C  [libx.so+0x10]\n")
            .frame());
  }

  @Test
  void withoutAReportTheExitStatusTells() {
    assertEquals("native code crashed: SIGABRT", NativeCrash.of(134, null).describe());
    assertEquals("native code crashed: SIGSEGV", NativeCrash.of(139, null).describe());
    assertEquals("native code crashed: SIGKILL", NativeCrash.of(137, "no signal here").describe());
    assertEquals(
        "the wasi:dl worker ended (an exit with status 1)", NativeCrash.of(1, null).describe());
  }
}
