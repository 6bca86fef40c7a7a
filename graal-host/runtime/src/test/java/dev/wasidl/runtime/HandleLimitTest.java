package dev.wasidl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.testkit.core.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A handle bomb: a guest making resource handles in a loop, in a JVM of its own with a 128 MiB
 * heap. The linker's default limit, sized to the heap (one handle per KiB: 131,072 here), traps it
 * long before the heap runs out, and the JVM goes on to make a new instance. With the old default
 * of 2^28-1 handles (some 9 GB) the same guest exhausted the heap (issue 17).
 */
class HandleLimitTest {
  @Test
  void theDefaultLimitTrapsAHandleBombBeforeTheHeapRunsOut() throws Exception {
    Path guest = Files.createTempFile("resources", ".wasm");
    Files.write(guest, TypesGuestTest.guest("resources-wat.wasm"));
    Path out = Files.createTempFile("handle-bomb", ".out");
    List<String> command = ChildJvm.java(HandleBomb.class.getName());
    command.add(1, "-Xmx128m");
    command.add(guest.toString());
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM finished");
    String output = Files.readString(out);
    assertEquals(0, p.exitValue(), output);
    int limit = 128 * 1024 * 1024 / 1024;
    assertTrue(output.contains("default " + limit), output);
    assertTrue(output.contains("made " + limit), output);
    assertTrue(
        output.contains(
            "trap: resource table is full: it holds at most "
                + limit
                + " handles (Linker.maxHandles; wasidl run -W max-handles=)"),
        output);
    assertTrue(output.contains("after: ok"), output);
  }
}
