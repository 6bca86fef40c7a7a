package dev.wasidl.dl;

import static dev.wasidl.dl.Guest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.bindings.Resource;
import dev.wasidl.dl.bindings.wasi.dl.Ffi;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.ffm.PrimitiveType;
import dev.wasidl.nativetests.Pages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, reproduction 6, through the host interfaces: a guest with wasi:dl and no library makes
 * a pointer to any address (alloc.new(pointer), write the bits, read back, get-alloc) and reads or
 * writes there. Every access to memory that is not mapped with the access is an error result whose
 * cause says why, and the host goes on.
 */
class DlForeignMemoryTest {
  private Guest g;

  @BeforeEach
  void open() {
    g = new Guest(DlPolicy.denyAll());
  }

  @AfterEach
  void close() {
    g.close();
  }

  /** The guest's chain to a foreign region at {@code address}. */
  private Resource<Ffi.Alloc> at(long address) {
    return ok(g.regionAt(address));
  }

  private Ffi.OutgoingValue.Primitive pointerValue(long v) {
    return (Ffi.OutgoingValue.Primitive) g.val(PrimitiveType.POINTER, v);
  }

  private void assertCause(String cause, String... parts) {
    for (String part : parts) {
      assertTrue(cause.contains(part), cause);
    }
  }

  @Test
  void unmappedAddressesAreErrorsNotCrashes() {
    long address = Pages.unmappedAddress();
    String hex = "0x" + Long.toHexString(address);
    Resource<Ffi.Alloc> a = at(address);
    assertEquals(
        "alloc.read-primitive: read-primitive: 8 bytes at "
            + hex
            + " are not readable (not mapped)",
        g.err(g.ffi.allocReadPrimitive(a)));
    assertEquals(
        "alloc.write-primitive: write-primitive: 8 bytes at "
            + hex
            + " are not writable (not mapped)",
        g.err(g.ffi.allocWritePrimitive(a, pointerValue(1).value())));
    assertCause(g.err(g.ffi.allocReadString(a)), "alloc.read-string", "not readable (not mapped)");
    assertCause(g.err(g.ffi.allocWriteString(a, "x")), "not writable (not mapped)");
    stillServing();
  }

  @Test
  void noAccessReadOnlyAndCodeAreRefused() {
    long none = Pages.noAccessPage();
    assertCause(g.err(g.ffi.allocReadPrimitive(at(none))), "not readable (no access, PROT_NONE)");
    assertCause(g.err(g.ffi.allocReadString(at(none))), "not readable");

    long readOnly = Pages.readOnlyPage((byte) 'A');
    Resource<Ffi.Alloc> ro = at(readOnly);
    assertEquals(
        0x4141414141414141L, ok(g.ffi.incomingPrimitiveGetU64(ok(g.ffi.allocReadPrimitive(ro)))));
    assertCause(
        g.err(g.ffi.allocWritePrimitive(ro, pointerValue(0).value())), "not writable (read-only)");
    assertCause(g.err(g.ffi.allocWriteString(ro, "x")), "not writable (read-only)");

    // code (libc's getpid) is reachable only where the policy grants its library: read, not written
    try (Guest libc = new Guest(DlPolicy.builder().allow("libc.so.6").build())) {
      Resource<Ffi.Alloc> code = ok(libc.regionAt(Pages.codeAddress()));
      ok(libc.ffi.allocReadPrimitive(code));
      assertCause(
          libc.err(
              libc.ffi.allocWritePrimitive(
                  code,
                  ((Ffi.OutgoingValue.Primitive) libc.val(PrimitiveType.POINTER, 0)).value())),
          "not writable (read-only code)");
    }
    stillServing();
  }

  @Test
  void stringScansStopAtTheGuardPage() {
    long address = Pages.pageBeforeGuard((byte) 'A');
    assertCause(
        g.err(g.ffi.allocReadString(at(address))),
        "no NUL before the end of readable memory at 0x" + Long.toHexString(address + Pages.PAGE));
    stillServing();
  }

  private void stillServing() {
    Resource<Ffi.Alloc> s = g.string("still here");
    assertEquals("still here", ok(g.ffi.allocReadString(s)));
  }
}
