package dev.wasidl.dl;

import static dev.wasidl.dl.Guest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.bindings.Resource;
import dev.wasidl.bindings.Result;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.ffm.PrimitiveType;
import dev.wasidl.ffm.Signature;
import dev.wasidl.nativetests.NativeLibs;
import dev.wasidl.wasi.bindings.wasi.dl.Dll;
import dev.wasidl.wasi.bindings.wasi.dl.Ffi;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The policy through the host: deny by default, rules named in errors, pins enforced. */
class DlPolicyHostTest {
  private static final String POINTERS = NativeLibs.path("wasidl_pointers").toString();

  private static String openError(Guest g, Optional<String> name) {
    Result<Resource<Dll.Library>, String> r =
        g.dll.libraryOpen(name, EnumSet.of(Dll.OpenFlags.NOW));
    if (r instanceof Result.Err<Resource<Dll.Library>, String> e) {
      return e.error();
    }
    throw new AssertionError("expected the open to be refused, got " + r);
  }

  @Test
  void aContextWithoutPolicyDeniesEveryOpen() {
    try (Guest g = new Guest(new DlCtx())) {
      assertTrue(openError(g, Optional.of("libm.so.6")).contains("no library is allowed"));
      assertTrue(openError(g, Optional.empty()).contains("@self"));
      assertTrue(openError(g, Optional.of(POINTERS)).contains("not allowed"));
      assertEquals(0, g.ctx.resourceCount());
    }
  }

  @Test
  void deniedOpensNameTheRule() {
    DlPolicy policy = DlPolicy.builder().allow("lib*.so.6").deny("libc.so.6").build();
    try (Guest g = new Guest(policy)) {
      String denied = openError(g, Optional.of("libc.so.6"));
      assertTrue(denied.contains("denied by rule deny libc.so.6"), denied);
      String notAllowed = openError(g, Optional.of("libz.so.1"));
      assertTrue(notAllowed.contains("allowed: lib*.so.6"), notAllowed);
      assertTrue(g.ctx.lastError().orElseThrow().startsWith("library.open: "));
      g.open("libm.so.6");
      // the running process only by an explicit rule
      assertTrue(openError(g, Optional.empty()).contains("@self"));
    }
    try (Guest g = new Guest(DlPolicy.builder().allow(DlPolicy.PROCESS).build())) {
      Resource<Dll.Function> getpid = g.fn(g.openSelf(), "getpid", "() -> c-int");
      assertEquals(ProcessHandle.current().pid(), g.callS64(getpid));
    }
  }

  @Test
  void aPinnedSignatureMismatchIsAnErrorAndNoCall() {
    DlPolicy policy =
        DlPolicy.builder()
            .allow(POINTERS)
            .pin(POINTERS, "bump_counter", Signature.parse("() -> c-int"))
            .build();
    try (Guest g = new Guest(policy)) {
      Resource<Dll.Library> lib = g.open(POINTERS);
      Resource<Dll.Function> getCounter = g.fn(lib, "get_counter", "() -> c-int");
      long before = g.callS64(getCounter);
      Resource<Dll.Function> wrong = g.fn(lib, "bump_counter", "() -> c-long");
      String refused = g.ctx.lastError().orElseThrow();
      assertTrue(refused.contains("does not match the pinned () -> c-int"), refused);
      String err = g.err(g.dll.functionCall(wrong, List.of()));
      assertTrue(err.contains("not called") && err.contains("pin"), err);
      assertEquals(before, g.callS64(getCounter), "bump_counter was not called");
      // its address cannot be taken to build the refused signature from an alloc either
      Resource<Ffi.Alloc> code =
          g.dll.symbolGetAlloc(g.sym(lib, "bump_counter"), g.type("pointer"));
      String bypass =
          g.err(
              g.dll.functionFromAlloc(code, List.of(), g.type(Optional.of(PrimitiveType.C_LONG))));
      assertTrue(bypass.contains("does not match the pinned"), bypass);
      // the pinned signature works
      Resource<Dll.Function> right = g.fn(lib, "bump_counter", "() -> c-int");
      assertEquals(before + 1, g.callS64(right));
      Resource<Ffi.Alloc> code2 =
          g.dll.symbolGetAlloc(g.sym(lib, "bump_counter"), g.type("pointer"));
      Resource<Dll.Function> viaAlloc =
          ok(g.dll.functionFromAlloc(code2, List.of(), g.type(Optional.of(PrimitiveType.C_INT))));
      assertEquals(before + 2, g.callS64(viaAlloc));
    }
  }

  @Test
  void pinnedOnlyRefusesUnpinnedSymbolsAndUnknownCode() {
    DlPolicy policy =
        DlPolicy.builder()
            .allow(POINTERS)
            .pin(POINTERS, "get_op", Signature.parse("(c-int) -> pointer"))
            .pinnedOnly()
            .build();
    try (Guest g = new Guest(policy)) {
      Resource<Dll.Library> lib = g.open(POINTERS);
      Resource<Dll.Function> counter = g.fn(lib, "get_counter", "() -> c-int");
      assertTrue(g.err(g.dll.functionCall(counter, List.of())).contains("pinned-only"));
      Resource<Dll.Function> getOp = g.fn(lib, "get_op", "(c-int) -> pointer");
      Resource<Ffi.Alloc> code =
          ok(g.ffi.incomingPrimitiveGetAlloc(g.callPrim(getOp, g.val(PrimitiveType.C_INT, 0))));
      String err =
          g.err(
              g.dll.functionFromAlloc(
                  code,
                  g.types(List.of(PrimitiveType.C_INT, PrimitiveType.C_INT)),
                  g.type(Optional.of(PrimitiveType.C_INT))));
      assertTrue(err.contains("pinned-only"), err);
    }
  }
}
