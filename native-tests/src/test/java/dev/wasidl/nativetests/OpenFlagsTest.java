package dev.wasidl.nativetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.ffm.DlOpenException;
import dev.wasidl.ffm.Function;
import dev.wasidl.ffm.IncomingPrimitive;
import dev.wasidl.ffm.Library;
import dev.wasidl.ffm.OpenFlags;
import dev.wasidl.ffm.Signature;
import dev.wasidl.ffm.Symbol;
import org.junit.jupiter.api.Test;

/**
 * open-flags reach dlopen: a consumer library whose symbol is provided by another library only
 * resolves under RTLD_NOW once the provider is open RTLD_GLOBAL. One test method, since a global
 * provider changes the process for good; no other test opens these libraries.
 */
class OpenFlagsTest {

  private static String path(String name) {
    return NativeLibs.path(name).toString();
  }

  private static int consume(Library lib) {
    try (Symbol s = lib.get("consume");
        Function f = s.function(Signature.parse("() -> c-int"))) {
      return ((IncomingPrimitive) f.call().orElseThrow()).getS32();
    }
  }

  @Test
  void nowLazyLocalAndGlobal() {
    // NOW needs every symbol resolved: the provider is not there yet
    DlOpenException e =
        assertThrows(
            DlOpenException.class, () -> Library.open(path("wasidl_consumer"), OpenFlags.NOW));
    assertTrue(e.getMessage().contains("undefined symbol: provided_value"), e.getMessage());

    // LAZY defers resolution, so the open succeeds (calling consume now would end the process)
    try (Library lazy = Library.open(path("wasidl_consumer_lazy"), OpenFlags.LAZY)) {
      // a provider opened LOCAL does not make its symbols visible to others
      try (Library local =
          Library.open(path("wasidl_provider"), OpenFlags.NOW.and(OpenFlags.LOCAL))) {
        assertThrows(
            DlOpenException.class, () -> Library.open(path("wasidl_consumer"), OpenFlags.NOW));
        // opening it again GLOBAL promotes it: now the consumer resolves
        try (Library global =
                Library.open(path("wasidl_provider"), OpenFlags.NOW.and(OpenFlags.GLOBAL));
            Library consumer = Library.open(path("wasidl_consumer"), OpenFlags.NOW)) {
          assertEquals(4243, consume(consumer));
          assertEquals(4243, consume(lazy)); // the lazy binding resolves at the first call
          assertEquals(4242 + 1, consume(consumer));
          assertTrue(local.isOpen() && global.isOpen());
        }
      }
    }
  }
}
