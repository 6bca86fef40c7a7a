package dev.wasidl.dl;

import static dev.wasidl.dl.Guest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.abi.Trap;
import dev.wasidl.bindings.Resource;
import dev.wasidl.bindings.Result;
import dev.wasidl.dl.bindings.wasi.dl.Dll;
import dev.wasidl.dl.bindings.wasi.dl.Ffi;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.ffm.PrimitiveType;
import dev.wasidl.ffm.Signature;
import dev.wasidl.ffm.StructType;
import dev.wasidl.nativetests.NativeLibs;
import java.util.Collections;
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
      // A symbol pinned as a function cannot be read as data (before issue 14 symbol.get-alloc
      // gave an alloc over its code here): the trap names the pin.
      Resource<Dll.Symbol> bump = g.sym(lib, "bump_counter");
      Ffi.FfiType pointer = g.type("pointer");
      Trap t = assertThrows(Trap.class, () -> g.dll.symbolGetAlloc(bump, pointer));
      assertTrue(t.getMessage().contains("pinned as a function () -> c-int"), t.getMessage());
      // the pinned signature works
      Resource<Dll.Function> right = g.fn(lib, "bump_counter", "() -> c-int");
      assertEquals(before + 1, g.callS64(right));
      // its address cannot be taken to build the refused signature from an alloc either
      String bypass =
          g.err(
              g.dll.functionFromAlloc(
                  g.dll.functionGetAlloc(right),
                  List.of(),
                  g.type(Optional.of(PrimitiveType.C_LONG))));
      assertTrue(bypass.contains("does not match the pinned"), bypass);
      Resource<Dll.Function> viaAlloc =
          ok(
              g.dll.functionFromAlloc(
                  g.dll.functionGetAlloc(right),
                  List.of(),
                  g.type(Optional.of(PrimitiveType.C_INT))));
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
      // Before issue 14 the unpinned symbol was found and only its call refused; now the
      // lookup itself is an error result.
      String unpinned = getError(g, lib, "get_counter");
      assertTrue(unpinned.contains("not pinned") && unpinned.contains("pinned-only"), unpinned);
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

  // --- issue 14: the guest reaches only what the policy grants ---

  private static String getError(Guest g, Resource<Dll.Library> lib, String symbol) {
    return g.err(g.dll.libraryGet(lib, symbol));
  }

  @Test
  void libmDoesNotHandOutLibcsFunctionsOrData() {
    try (Guest g = new Guest(DlPolicy.builder().allow("libm.so.6").build())) {
      Resource<Dll.Library> m = g.open("libm.so.6");
      for (String s : List.of("system", "dlopen", "environ", "execve")) {
        String e = getError(g, m, s);
        assertTrue(
            e.startsWith("library.get: symbol " + s + " is not defined in libm.so.6 (found in ")
                && e.endsWith("/libc.so.6, which the policy does not grant)"),
            e);
      }
      Resource<Dll.Function> cos = g.fn(m, "cos", "(c-double) -> c-double");
      assertEquals(1.0, g.callF64(cos, g.dval(PrimitiveType.C_DOUBLE, 0)));
    }
  }

  @Test
  void dotDotNamesAreRefused() {
    String dir = NativeLibs.dir().toString();
    try (Guest g = new Guest(DlPolicy.builder().allow(dir + "/*").build())) {
      String up = dir + "/../../../../../../../../lib/x86_64-linux-gnu/libc.so.6";
      assertEquals(
          "library "
              + up
              + " is refused: its name has a '..' segment (name the library by a path without"
              + " '..')",
          openError(g, Optional.of(up)));
      g.open(POINTERS);
    }
  }

  @Test
  void pinnedOnlyGatesDataToo() {
    DlPolicy policy =
        DlPolicy.builder()
            .allow(POINTERS)
            .allow(DlPolicy.PROCESS)
            .pin("*", "get_counter", Signature.parse("() -> c-int"))
            .pinData("*", "counter", PrimitiveType.C_INT)
            .pinnedOnly()
            .build();
    try (Guest g = new Guest(policy)) {
      Resource<Dll.Library> lib = g.open(POINTERS);
      Resource<Dll.Library> self = g.openSelf();
      assertEquals(
          "library.get: symbol environ of @self is not pinned and the policy is pinned-only",
          getError(g, self, "environ"));
      assertEquals(
          "library.get: symbol environ of "
              + POINTERS
              + " is not pinned and the policy is pinned-only",
          getError(g, lib, "environ"));
      assertTrue(getError(g, lib, "bump_counter").contains("not pinned"));
      // the data pin: exactly its type, and no function
      Resource<Dll.Function> getCounter = g.fn(lib, "get_counter", "() -> c-int");
      Resource<Ffi.Alloc> counter = g.dll.symbolGetAlloc(g.sym(lib, "counter"), g.type("c-int"));
      long read = ok(g.ffi.incomingPrimitiveGetS32(ok(g.ffi.allocReadPrimitive(counter))));
      assertEquals(g.callS64(getCounter), read);
      Resource<Dll.Symbol> sym = g.sym(lib, "counter");
      Ffi.FfiType wider = g.type("c-long");
      Trap t = assertThrows(Trap.class, () -> g.dll.symbolGetAlloc(sym, wider));
      assertEquals(
          "wasi:dl symbol.get-alloc: counter may not be read as c-long: it is pinned as data c-int"
              + " (rule pin *:counter)",
          t.getMessage());
      Resource<Dll.Function> asCode =
          g.dll.symbolGetFunction(sym, List.of(), g.type(Optional.of(PrimitiveType.C_INT)));
      String refused = g.err(g.dll.functionCall(asCode, List.of()));
      assertTrue(refused.contains("pinned as data, not as a function"), refused);
      // an alloc over a pinned function would expose its code: refused under pinned-only
      Trap code = assertThrows(Trap.class, () -> g.dll.functionGetAlloc(getCounter));
      assertTrue(code.getMessage().contains("pinned-only"), code.getMessage());
    }
  }

  @Test
  void getAllocIsBoundedByTheSymbolsSize() {
    // fields allowed up to the reproduction's size, so the symbol's bound is what refuses it
    DlLimits roomy = DlLimits.DEFAULT.withMaxFields(200_000).withMaxTotalFields(400_000);
    try (Guest g = new Guest(new DlCtx(DlPolicy.builder().allow(POINTERS).build(), roomy))) {
      Resource<Dll.Library> lib = g.open(POINTERS);
      Resource<Dll.Symbol> counter = g.sym(lib, "counter");
      // the reproduction: a 1.6 MB struct type over a small data symbol
      Ffi.FfiType huge = g.type(StructType.of(Collections.nCopies(200_000, PrimitiveType.C_LONG)));
      Trap t = assertThrows(Trap.class, () -> g.dll.symbolGetAlloc(counter, huge));
      String m = t.getMessage();
      assertTrue(
          m.startsWith("wasi:dl symbol.get-alloc: symbol counter is 4 bytes; struct{")
              && m.endsWith(" needs 1600000: reading it would go past the symbol"),
          m.substring(0, 80));
      g.dll.symbolGetAlloc(counter, g.type("c-int"));
    }
  }

  /**
   * The guest can make a pointer to any address (or read libc's addresses from libm's own
   * relocations): memory and code inside a library the policy does not grant stay out of reach,
   * memory no library holds stays readable, and nothing but a granted library's code is called.
   */
  @Test
  void anotherLibrarysMemoryIsNotReachableByAddress() {
    java.lang.foreign.SymbolLookup libc = java.lang.foreign.Linker.nativeLinker().defaultLookup();
    long system = libc.find("system").orElseThrow().address();
    long environ = libc.find("environ").orElseThrow().address();
    try (Guest g = new Guest(DlPolicy.builder().allow("libm.so.6").build())) {
      for (long address : new long[] {system, environ}) {
        g.err(g.regionAt(address));
        String refused = g.ctx.lastError().orElseThrow();
        assertTrue(
            refused.startsWith(
                    "incoming-primitive.get-alloc: memory at 0x" + Long.toHexString(address))
                && refused.contains("libc.so.6, which the policy does not grant"),
            refused);
      }
      // memory no library holds (malloc'd here) is reachable, and is no code to call
      try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
        long heap = arena.allocateFrom("on the heap").address();
        Resource<Ffi.Alloc> region = ok(g.regionAt(heap));
        assertEquals("on the heap", ok(g.ffi.allocReadString(region)));
        String notCode =
            g.err(
                g.dll.functionFromAlloc(
                    region, List.of(), g.type(Optional.of(PrimitiveType.C_INT))));
        assertTrue(
            notCode.contains("is not in any loaded library, so it may not be called"), notCode);
      }
    }
    // granting libc makes the same addresses reachable, and its code callable
    try (Guest g = new Guest(DlPolicy.builder().allow("libm.so.6").allow("libc.so.6").build())) {
      Resource<Ffi.Alloc> code = ok(g.regionAt(system));
      ok(
          g.dll.functionFromAlloc(
              code, List.of(g.type("pointer")), g.type(Optional.of(PrimitiveType.C_INT))));
      ok(g.regionAt(environ));
    }
  }
}
