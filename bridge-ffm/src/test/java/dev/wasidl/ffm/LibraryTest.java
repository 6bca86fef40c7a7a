package dev.wasidl.ffm;

import static dev.wasidl.ffm.PrimitiveType.C_INT;
import static dev.wasidl.ffm.PrimitiveType.POINTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.ffm.internal.Native;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** dlopen, dlsym, flags and library lifetimes. */
class LibraryTest {
  // A library the JVM does not load by itself, so whether it is mapped tells what dlclose did.
  private static final String SQLITE = "libsqlite3.so.0";

  private static boolean loaded(String name) {
    long h = Native.dlopen(name, Native.RTLD_NOW | Native.RTLD_NOLOAD);
    if (h != 0) {
      Native.dlclose(h);
    }
    return h != 0;
  }

  @Test
  void missingLibrariesAndSymbolsCarryDlerror() {
    DlOpenException e =
        assertThrows(
            DlOpenException.class, () -> Library.open("libdoes-not-exist.so", OpenFlags.NOW));
    assertTrue(e.getMessage().contains("libdoes-not-exist.so"), e.getMessage());
    try (Library libc = Library.openProcess()) {
      SymbolNotFoundException s =
          assertThrows(SymbolNotFoundException.class, () -> libc.get("no_such_symbol_here"));
      assertTrue(s.getMessage().contains("no_such_symbol_here"), s.getMessage());
      assertTrue(libc.find("no_such_symbol_here").isEmpty());
      assertEquals(Optional.empty(), libc.name());
    }
  }

  @Test
  void conflictingFlagsAreErrors() {
    assertThrows(
        DlOpenException.class, () -> Library.open(SQLITE, OpenFlags.LAZY.and(OpenFlags.NOW)));
    assertThrows(
        DlOpenException.class, () -> Library.open(SQLITE, OpenFlags.GLOBAL.and(OpenFlags.LOCAL)));
    assertEquals(Native.RTLD_NOW | Native.RTLD_LOCAL, OpenFlags.NONE.mode());
    assertEquals(
        Native.RTLD_LAZY | Native.RTLD_GLOBAL, OpenFlags.LAZY.and(OpenFlags.GLOBAL).mode());
  }

  @Test
  void closeUnloadsOnlyWhenNothingFromTheLibraryIsAlive() {
    assertFalse(loaded(SQLITE), "precondition: the JVM has not loaded sqlite");
    Library lib = Library.open(SQLITE, OpenFlags.NOW);
    assertTrue(loaded(SQLITE));
    Symbol symbol = lib.get("sqlite3_libversion_number");
    Function version = symbol.function(Signature.of(C_INT));
    symbol.close();
    lib.close();
    assertThrows(ClosedException.class, () -> lib.get("sqlite3_libversion"));
    // the function keeps it mapped and callable
    assertTrue(loaded(SQLITE));
    int v = ((IncomingPrimitive) version.call().orElseThrow()).getS32();
    assertTrue(v >= 3_000_000, "sqlite version " + v);
    version.close();
    assertThrows(ClosedException.class, version::call);
    assertFalse(loaded(SQLITE), "dlclose after the last holder closed");
  }

  @Test
  void aReturnedPointerKeepsItsLibraryLoaded() {
    Library lib = Library.open(SQLITE, OpenFlags.NOW);
    Function libversion;
    try (Symbol symbol = lib.get("sqlite3_libversion")) {
      libversion = symbol.function(Signature.of(POINTER));
    }
    Alloc text = ((IncomingPrimitive) libversion.call().orElseThrow()).getAlloc();
    libversion.close();
    lib.close();
    assertTrue(loaded(SQLITE), "the string lives in the library's data");
    assertTrue(text.readString().startsWith("3."), text.readString());
    text.close();
    assertFalse(loaded(SQLITE));
  }

  @Test
  void functionPointersThroughAllocs() {
    try (Library libc = Library.openProcess()) {
      Function abs = libc.get("abs").function(Signature.of(C_INT, C_INT));
      Alloc at = abs.getAlloc();
      assertEquals(abs.address(), at.address());
      Function again = Function.fromAlloc(at, Signature.of(C_INT, C_INT));
      assertEquals(
          42,
          ((IncomingPrimitive) again.call(OutgoingPrimitive.ofSigned(C_INT, -42)).orElseThrow())
              .getS32());
      try (Alloc owned = Alloc.allocate(POINTER)) {
        assertThrows(
            TypeMismatchException.class, () -> Function.fromAlloc(owned, Signature.of(C_INT)));
      }
      assertThrows(
          TypeMismatchException.class,
          () -> Function.fromAlloc(libc.get("abs").getAlloc(C_INT), Signature.of(C_INT)));
      assertThrows(
          OutOfBoundsException.class,
          () ->
              Function.fromAlloc(
                  IncomingPrimitive.ofBits(POINTER, 0).getAlloc(), Signature.of(C_INT)));
    }
  }

  @Test
  void unreachableHoldersReleaseTheLibrary() throws InterruptedException {
    openAndForget();
    assertTrue(loaded(SQLITE));
    // the cleaner releases what the garbage collector found unreachable; bounded wait
    for (int i = 0; i < 100 && loaded(SQLITE); i++) {
      System.gc();
      Thread.sleep(50);
    }
    assertFalse(loaded(SQLITE), "dlclose once library, symbol and function were unreachable");
  }

  private static void openAndForget() {
    Library lib = Library.open(SQLITE, OpenFlags.NOW);
    Function f = lib.get("sqlite3_libversion_number").function(Signature.of(C_INT));
    assertTrue(((IncomingPrimitive) f.call().orElseThrow()).getS32() > 0);
  }

  @Test
  void theSameLibraryOpenedTwiceIsRefcounted() {
    Library a = Library.open(SQLITE, OpenFlags.NOW);
    Library b = Library.open(SQLITE, OpenFlags.LAZY);
    assertNotEquals(a, b);
    a.close();
    assertTrue(loaded(SQLITE));
    b.close();
    assertFalse(loaded(SQLITE));
  }
}
