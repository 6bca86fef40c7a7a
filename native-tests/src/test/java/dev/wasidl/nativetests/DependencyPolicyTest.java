package dev.wasidl.nativetests;

import static dev.wasidl.ffm.PrimitiveType.C_INT;
import static dev.wasidl.ffm.PrimitiveType.C_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.ffm.Alloc;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.ffm.Function;
import dev.wasidl.ffm.IncomingPrimitive;
import dev.wasidl.ffm.Library;
import dev.wasidl.ffm.OpenFlags;
import dev.wasidl.ffm.OutOfBoundsException;
import dev.wasidl.ffm.PolicyException;
import dev.wasidl.ffm.PrimitiveType;
import dev.wasidl.ffm.Signature;
import dev.wasidl.ffm.StructType;
import dev.wasidl.ffm.Symbol;
import dev.wasidl.ffm.SymbolNotFoundException;
import org.junit.jupiter.api.Test;

/**
 * library.get stays inside the opened object: libwasidl_dependent.so needs libwasidl_base.so, and
 * glibc's dlsym on the dependent finds the base's symbols too (wasidl_depends.h). Also the
 * symbol-size bound of get-alloc and data pins, on the libraries' global data.
 */
class DependencyPolicyTest {
  private static final String DEPENDENT = NativeLibs.path("wasidl_dependent").toString();
  private static final String BASE = NativeLibs.path("wasidl_base").toString();
  private static final String POINTERS = NativeLibs.path("wasidl_pointers").toString();

  private static int callInt(Symbol s) {
    Function f = s.function(Signature.parse("() -> c-int"));
    return ((IncomingPrimitive) f.call().orElseThrow()).getS32();
  }

  @Test
  void theDependencysSymbolsAreNotTheDependents() {
    DlPolicy policy = DlPolicy.builder().allow(DEPENDENT).build();
    try (Library dep = Library.open(DEPENDENT, OpenFlags.NOW, policy)) {
      assertEquals(42, callInt(dep.get("dependent_value")));
      for (String s : new String[] {"base_value", "base_data"}) {
        SymbolNotFoundException e = assertThrows(SymbolNotFoundException.class, () -> dep.get(s));
        assertEquals(
            "symbol "
                + s
                + " is not defined in "
                + DEPENDENT
                + " (found in "
                + BASE
                + ", which the policy does not grant)",
            e.getMessage());
        assertTrue(dep.find(s).isEmpty());
      }
      // libc is not even in its scope (gcc links with --as-needed): plainly not found
      assertTrue(
          assertThrows(SymbolNotFoundException.class, () -> dep.get("system"))
              .getMessage()
              .contains("system"));
    }
  }

  @Test
  void aGrantedDependencyIsReachable() {
    for (DlPolicy policy :
        new DlPolicy[] {
          DlPolicy.builder().allow(DEPENDENT).allow(BASE).build(),
          DlPolicy.builder().allow(NativeLibs.dir() + "/libwasidl_*.so").build()
        }) {
      try (Library dep = Library.open(DEPENDENT, OpenFlags.NOW, policy);
          Library base = Library.open(BASE, OpenFlags.NOW, policy)) {
        assertEquals(7, callInt(dep.get("base_value")));
        assertEquals(base.get("base_data").address(), dep.get("base_data").address());
      }
    }
    // a deny rule takes the grant back
    DlPolicy denied =
        DlPolicy.builder().allow(NativeLibs.dir() + "/libwasidl_*.so").deny(BASE).build();
    try (Library dep = Library.open(DEPENDENT, OpenFlags.NOW, denied)) {
      assertThrows(SymbolNotFoundException.class, () -> dep.get("base_value"));
    }
  }

  @Test
  void getAllocIsBoundedByTheSymbolsSize() {
    try (Library dep = Library.open(DEPENDENT, OpenFlags.NOW);
        Library ptrs = Library.open(POINTERS, OpenFlags.NOW)) {
      Symbol data = dep.get("dependent_data");
      assertEquals(4, data.size());
      try (Alloc a = data.getAlloc(C_INT)) {
        assertEquals(5, a.readPrimitive().getS32());
      }
      OutOfBoundsException e =
          assertThrows(OutOfBoundsException.class, () -> data.getAlloc(C_LONG));
      assertEquals(
          "symbol dependent_data is 4 bytes; c-long needs 8: reading it would go past the symbol",
          e.getMessage());
      Symbol origin = ptrs.get("origin");
      assertEquals(8, origin.size());
      ptrs.get("origin").getAlloc(StructType.of(PrimitiveType.C_SCHAR, C_INT)).close();
      assertThrows(
          OutOfBoundsException.class,
          () -> origin.getAlloc(StructType.of(PrimitiveType.C_SCHAR, C_INT, C_INT)));
      assertThrows(
          OutOfBoundsException.class,
          () ->
              ptrs.get("counter")
                  .getAlloc(StructType.of(java.util.Collections.nCopies(100_000, C_LONG))));
    }
  }

  @Test
  void dataPinsUnderPinnedOnly() {
    DlPolicy policy =
        DlPolicy.builder()
            .allow(DEPENDENT)
            .pinData(DEPENDENT, "dependent_data", C_INT)
            .pinnedOnly()
            .build();
    try (Library dep = Library.open(DEPENDENT, OpenFlags.NOW, policy)) {
      Symbol data = dep.get("dependent_data");
      try (Alloc a = data.getAlloc(C_INT)) {
        assertEquals(5, a.readPrimitive().getS32());
      }
      String e =
          assertThrows(
                  PolicyException.class,
                  () -> data.getAlloc(StructType.of(PrimitiveType.C_SHORT, PrimitiveType.C_SHORT)))
              .getMessage();
      assertEquals(
          "dependent_data may not be read as struct{c-short, c-short}: it is pinned as data c-int"
              + " (rule pin "
              + DEPENDENT
              + ":dependent_data)",
          e);
      assertThrows(PolicyException.class, () -> data.function(Signature.parse("() -> c-int")));
      e = assertThrows(PolicyException.class, () -> dep.get("dependent_value")).getMessage();
      assertEquals(
          "symbol dependent_value of " + DEPENDENT + " is not pinned and the policy is pinned-only",
          e);
    }
  }
}
