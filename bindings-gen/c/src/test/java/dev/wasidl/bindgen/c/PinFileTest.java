package dev.wasidl.bindgen.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.ffm.Library;
import dev.wasidl.ffm.OpenFlags;
import dev.wasidl.ffm.PolicyException;
import dev.wasidl.ffm.PrimitiveType;
import dev.wasidl.ffm.Symbol;
import dev.wasidl.nativetests.NativeLibs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pin files from a header, read back, and the policy they make on the real library. */
class PinFileTest {
  private static final String POINTERS = NativeLibs.path("wasidl_pointers").toString();

  @Test
  void dataPinsRoundTripAndGateTheRealLibrary() {
    Selection s =
        CHeader.read(NativeTestsHeadersTest.C.resolve("wasidl_pointers.h"))
            .select(List.of("get_counter"), List.of("counter"), List.of());
    PinFile written = PinFile.of(s.functions(), s.variables());
    PinFile read = PinFile.parse("p.pins", written.format("test"));
    assertEquals(written, read);
    DlPolicy policy = read.pinAll(DlPolicy.builder().allow(POINTERS), "*").pinnedOnly().build();
    try (Library lib = Library.open(POINTERS, OpenFlags.NOW, policy);
        Symbol counter = lib.get("counter")) {
      assertEquals(42, counter.getAlloc(PrimitiveType.C_INT).readPrimitive().getS32());
      assertThrows(PolicyException.class, () -> counter.getAlloc(PrimitiveType.C_LONG));
      // a variable no line names is not even looked up
      assertThrows(PolicyException.class, () -> lib.get("ratio"));
    }
  }
}
