package dev.wasidl.dl;

import static dev.wasidl.dl.HostileGuest.COS_0;
import static dev.wasidl.dl.HostileGuest.Kind.ERR;
import static dev.wasidl.dl.HostileGuest.Kind.TRAP;
import static dev.wasidl.dl.HostileGuest.Kind.VALUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.nativetests.NativeLibs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 14, reproductions 6 and 7, by the hostile guest on real GraalWasm: foreign pointers the
 * host cannot read or write are error results, not a crash of the JVM (a PROT_NONE page, a
 * read-only page, an unmapped page, code, a string with no NUL before a guard page, a struct larger
 * than its symbol); huge struct types hit a limit instead of exhausting the host. Each case runs in
 * a JVM of its own (-Xmx1g; {@link HostileProcess}), because today these crash or exhaust it; the
 * memory is native-tests' libwasidl_hostile.so's, so it exists in the child. Every case ends with a
 * legitimate call in the same child: the host still serves.
 */
class DlHostileMemoryTest {
  private static final String HOSTILE = NativeLibs.path("wasidl_hostile").toString();
  private static final Duration DEADLINE = Duration.ofSeconds(100);

  /** The child's outcomes of {@code calls} then cos(0), which must be 1.0; the host survived. */
  private static List<HostileGuest.Outcome> survive(String... calls) throws Exception {
    List<String> args = new ArrayList<>(List.of("--allow", HOSTILE, "--allow", "libm.so.6"));
    args.addAll(List.of(calls));
    args.add(COS_0);
    HostileProcess p = HostileProcess.run(DEADLINE, args.toArray(String[]::new));
    System.out.println(p); // the child's transcript, for a failure's context
    List<HostileGuest.Outcome> o = p.assertSurvived();
    o.getLast().assertCos();
    return o;
  }

  /** The address {@code fn} of libwasidl_hostile returns (call 0 of a child). */
  private static String address(String fn) {
    return "call-pointer(\"" + HOSTILE + "\", \"" + fn + "\")";
  }

  // ---- 6. foreign pointers
  // ------------------------------------------------------------------------

  @Test
  @Timeout(120)
  void aProtNonePageIsNeitherReadNorWritten() throws Exception {
    List<HostileGuest.Outcome> o =
        survive(address("hostile_prot_none"), "read-u64-at($0)", "write-u64-at($0, 1)");
    o.get(0).assertOk();
    o.get(1).assertRefused(ERR, "not readable");
    o.get(2).assertRefused(ERR, "not writable");
  }

  @Test
  @Timeout(120)
  void aReadOnlyPageIsReadButNotWritten() throws Exception {
    List<HostileGuest.Outcome> o =
        survive(
            address("hostile_read_only"),
            "read-u64-at($0)",
            "write-u64-at($0, 1)",
            "read-u64-at($0)");
    o.get(1).assertOk();
    assertEquals(Long.toUnsignedString(0x5a5a5a5a5a5a5a5aL), o.get(1).detail(), o.get(1)::toString);
    o.get(2).assertRefused(ERR, "not writable");
    assertEquals(o.get(1).detail(), o.get(3).assertOk().detail(), "the page is unchanged");
  }

  @Test
  @Timeout(120)
  void anUnmappedPageIsNeitherReadNorWritten() throws Exception {
    List<HostileGuest.Outcome> o =
        survive(address("hostile_unmapped"), "read-u64-at($0)", "write-u64-at($0, 1)");
    o.get(1).assertRefused(ERR, "not readable");
    o.get(2).assertRefused(ERR, "not writable");
  }

  @Test
  @Timeout(120)
  void codeIsNotWritten() throws Exception {
    List<HostileGuest.Outcome> o =
        survive("symbol-address(some(\"libm.so.6\"), \"cos\")", "write-u64-at($0, 0)");
    o.get(0).assertOk();
    o.get(1).assertRefused(ERR, "not writable");
  }

  @Test
  @Timeout(120)
  void aStringWithoutNulBeforeAGuardPageIsAnError() throws Exception {
    List<HostileGuest.Outcome> o = survive(address("hostile_unterminated"), "read-string-at($0)");
    assertEquals(ERR, o.get(1).kind(), o.get(1)::toString);
    assertTrue(o.get(1).lastError().isPresent(), o.get(1)::toString);
  }

  /**
   * symbol.get-alloc with a struct bigger than the symbol (16 bytes) traps (the WIT gives it no
   * result); the symbol's own size is fine. Today 1.6 M fields read 1.6 MB past the object and trap
   * only because the host's resource table fills up with the incoming fields; 17 and 4096 fields
   * read past it unnoticed.
   */
  @Test
  @Timeout(120)
  void aStructLargerThanItsSymbolIsRefused() throws Exception {
    String lib = "get-alloc-struct(\"" + HOSTILE + "\", \"hostile_small\", ";
    List<HostileGuest.Outcome> o =
        survive(lib + "16)", lib + "1600000)", lib + "17)", lib + "4096)");
    assertEquals("16", o.get(0).assertOk().detail());
    for (HostileGuest.Outcome past : o.subList(1, 4)) {
      assertEquals(TRAP, past.kind(), past::toString);
      assertFalse(past.detail().contains("resource table"), "refused by the bound: " + past);
    }
  }

  // ---- 7. limits
  // ------------------------------------------------------------------------------------

  /**
   * 30 M fields: today minutes and gigabytes, then an OutOfMemoryError; must be a quick refusal.
   */
  @Test
  @Timeout(120)
  void aHugeStructTypeHitsALimit() throws Exception {
    List<HostileGuest.Outcome> o = survive("struct-type(30000000)", "struct-type(3)");
    o.get(0).assertRefused(TRAP, "limit");
    assertEquals(VALUE, o.get(1).kind(), o.get(1)::toString);
    assertEquals("3", o.get(1).detail());
  }

  @Test
  @Timeout(120)
  void aHugeAllocHitsALimit() throws Exception {
    List<HostileGuest.Outcome> o = survive("alloc-struct(4000000)", "alloc-struct(3)");
    HostileGuest.Outcome huge = o.get(0);
    assertTrue(huge.kind() == ERR || huge.kind() == TRAP, huge::toString);
    assertTrue(huge.everything().contains("limit"), huge::toString);
    o.get(1).assertOk();
  }
}
