package dev.wasidl.ffm;

import static dev.wasidl.ffm.PrimitiveType.C_DOUBLE;
import static dev.wasidl.ffm.PrimitiveType.C_INT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DlPolicyTest {

  @Test
  void denyAllRefusesEverythingByDefault() {
    PolicyException e =
        assertThrows(
            PolicyException.class,
            () -> Library.open("libm.so.6", OpenFlags.NOW, DlPolicy.denyAll()));
    assertTrue(e.getMessage().contains("libm.so.6 is not allowed"), e.getMessage());
    e = assertThrows(PolicyException.class, () -> DlPolicy.denyAll().checkOpen(null));
    assertTrue(e.getMessage().contains(DlPolicy.PROCESS), e.getMessage());
  }

  @Test
  void globsAndExactNames() {
    DlPolicy p = DlPolicy.builder().allow("libm.so.?").allow("libz.so*").build();
    assertEquals("libm.so.?", p.checkOpen("libm.so.6"));
    assertEquals("libz.so*", p.checkOpen("libz.so.1"));
    assertThrows(PolicyException.class, () -> p.checkOpen("libc.so.6"));
    assertThrows(PolicyException.class, () -> p.checkOpen("libm.so.66"));
  }

  @Test
  void theProcessIsMatchedOnlyByStarOrItsOwnRule() {
    assertThrows(
        PolicyException.class, () -> DlPolicy.builder().allow("lib*").build().checkOpen(null));
    assertEquals("*", DlPolicy.allowAll().checkOpen(null));
    assertEquals(
        DlPolicy.PROCESS, DlPolicy.builder().allow(DlPolicy.PROCESS).build().checkOpen(null));
  }

  @Test
  void denyWinsAndNamesTheRule() {
    DlPolicy p = DlPolicy.builder().allow("*").deny("*sqlite*").build();
    PolicyException e = assertThrows(PolicyException.class, () -> p.checkOpen("libsqlite3.so.0"));
    assertTrue(e.getMessage().contains("denied by rule deny *sqlite*"), e.getMessage());
  }

  @Test
  void pathsAreMatchedByTheirResolvedFormAndDotDotIsRefused() {
    // Before issue 14 a '..' name was admitted when its resolved form matched; now a name with a
    // '..' segment is refused outright, and a path is matched by its realpath.
    String twisted = "/usr/lib/x86_64-linux-gnu/../x86_64-linux-gnu/libm.so.6";
    DlPolicy p = DlPolicy.builder().allow("/usr/lib/x86_64-linux-gnu/libm*").build();
    PolicyException e = assertThrows(PolicyException.class, () -> p.checkOpen(twisted));
    assertTrue(e.getMessage().contains("'..'"), e.getMessage());
    assertTrue(p.checkOpen("/lib/x86_64-linux-gnu/libm.so.6").startsWith("/usr/lib/x86_64"));
  }

  @Test
  void pinnedSignaturesAreEnforced() {
    DlPolicy p =
        DlPolicy.builder()
            .allow("libm.so.6")
            .pin("libm.so.6", "cos", Signature.of(C_DOUBLE, C_DOUBLE))
            .build();
    try (Library m = Library.open("libm.so.6", OpenFlags.NOW, p)) {
      Function cos = m.get("cos").function(Signature.of(C_DOUBLE, C_DOUBLE));
      assertEquals(
          1.0,
          ((IncomingPrimitive) cos.call(OutgoingPrimitive.ofDouble(C_DOUBLE, 0)).orElseThrow())
              .getF64());
      PolicyException e =
          assertThrows(
              PolicyException.class, () -> m.get("cos").function(Signature.of(C_INT, C_INT)));
      assertTrue(
          e.getMessage().contains("does not match the pinned (c-double) -> c-double"),
          e.getMessage());
      // unpinned symbols pass unless the policy is pinned-only
      m.get("sin").function(Signature.of(C_DOUBLE, C_DOUBLE));
    }
    DlPolicy strict = DlPolicy.builder().allow("libm.so.6").pinnedOnly().build();
    try (Library m = Library.open("libm.so.6", OpenFlags.NOW, strict)) {
      assertThrows(
          PolicyException.class, () -> m.get("sin").function(Signature.of(C_DOUBLE, C_DOUBLE)));
    }
  }

  @Test
  void aVariadicPinAdmitsAnyVariadicArgumentsAfterItsFixedPart() {
    Signature pin = Signature.parse("(pointer, c-ulong, pointer, ...) -> c-int");
    DlPolicy p =
        DlPolicy.builder().allow(DlPolicy.PROCESS).pin(DlPolicy.PROCESS, "snprintf", pin).build();
    p.checkSignature(DlPolicy.PROCESS, "snprintf", pin);
    p.checkSignature(
        DlPolicy.PROCESS,
        "snprintf",
        Signature.parse("(pointer, c-ulong, pointer, ... c-int, c-double) -> c-int"));
    // the fixed part must match, and so must the point where the variadic part starts
    assertThrows(
        PolicyException.class,
        () ->
            p.checkSignature(
                DlPolicy.PROCESS,
                "snprintf",
                Signature.parse("(pointer, c-ulong, ... pointer) -> c-int")));
    assertThrows(
        PolicyException.class,
        () ->
            p.checkSignature(
                DlPolicy.PROCESS,
                "snprintf",
                Signature.parse("(pointer, c-ulong, pointer, c-int) -> c-int")));
  }

  @Test
  void pinFilesParseInOrderAndNameTheLineOfAnError() {
    var pins =
        DlPolicy.parsePins(
            "z.pins",
            "# zlib\n\ncrc32: (c-ulong, pointer, c-uint) -> c-ulong\ncos: (c-double) -> c-double\n");
    assertEquals(java.util.List.of("crc32", "cos"), java.util.List.copyOf(pins.keySet()));
    assertEquals(Signature.parse("(c-double) -> c-double"), pins.get("cos"));
    assertEquals(
        "z.pins:2: expected 'symbol: (args) -> result'",
        assertThrows(IllegalArgumentException.class, () -> DlPolicy.parsePins("z.pins", "\ncos\n"))
            .getMessage());
    assertEquals(
        "z.pins:1: '1x' is not a symbol name",
        assertThrows(
                IllegalArgumentException.class,
                () -> DlPolicy.parsePins("z.pins", "1x: () -> c-int"))
            .getMessage());
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> DlPolicy.parsePins("z.pins", "cos: (c-double) -> nonsense"))
            .getMessage()
            .startsWith("z.pins:1: "));
    assertEquals(
        "z.pins:2: cos is pinned twice",
        assertThrows(
                IllegalArgumentException.class,
                () -> DlPolicy.parsePins("z.pins", "cos: () -> c-int\ncos: () -> c-int\n"))
            .getMessage());
  }

  @Test
  void textRoundTripsEveryRuleAndCannotBeInjected() {
    DlPolicy p =
        DlPolicy.builder()
            .allow("libm.so.6")
            .allow("/tmp/odd dir/lib%09x.so")
            .deny("libm.so.6\nallow\t*")
            .pin("libm.so.6", "cos", Signature.parse("(c-double) -> c-double"))
            .pinData("*", "counter", FfiType.parse("struct{c-int, c-double}"))
            .pinnedOnly()
            .build();
    String text = p.toText();
    assertEquals(5 + 1, text.lines().count(), text);
    DlPolicy back = DlPolicy.parse("policy", text);
    assertEquals(text, back.toText());
    assertEquals(p.allowRules(), back.allowRules());
    assertTrue(back.isPinnedOnly());
    assertEquals(p.pinned("libm.so.6", "cos"), back.pinned("libm.so.6", "cos"));
    // the line break inside the deny rule stays inside it: no rule allowing everything appears
    assertThrows(PolicyException.class, () -> back.checkOpen("libz.so.1"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DlPolicy.parse("p", "allow\tx\ty\n"));
    assertTrue(e.getMessage().startsWith("p:1: "), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DlPolicy.parse("p", "grant\t*\n"));
  }
}
