package dev.wasidl.dl;

import dev.wasidl.abi.Trap;
import dev.wasidl.bindings.Resource;
import dev.wasidl.bindings.Result;
import dev.wasidl.dl.bindings.wasi.dl.Dll;
import dev.wasidl.dl.bindings.wasi.dl.Ffi;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.ffm.FfiException;
import dev.wasidl.ffm.IncomingPrimitive;
import dev.wasidl.ffm.IncomingValue;
import dev.wasidl.ffm.OutgoingValue;
import dev.wasidl.ffm.PolicyException;
import dev.wasidl.ffm.PrimitiveType;
import dev.wasidl.ffm.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code wasi:dl/dll} for one instance, over bridge-ffm: {@code library.open} is {@link
 * dev.wasidl.ffm.Library#open(String, dev.wasidl.ffm.OpenFlags, dev.wasidl.ffm.DlPolicy)} under the
 * context's policy, functions are bridge-ffm functions (one cached downcall handle per signature,
 * primitive-only signatures on its raw path), and a library the guest drops stays loaded while
 * anything obtained from it is alive (bridge-ffm's reference counting).
 *
 * <p>A signature the policy's pins refuse gives a function that calls nothing: {@code
 * symbol.get-function} has no error result, so each {@code call} returns the error instead, with
 * the rule in {@link DlCtx#lastError()}. {@code library.get} of a symbol defined outside the
 * library's own object (a dependency the policy does not grant), or of a symbol no pin names under
 * a pinned-only policy, is an error result. {@code symbol.get-alloc} traps for a type its data pin
 * does not name or larger than the symbol; {@code function.get-alloc} traps under a pinned-only
 * policy.
 */
public final class DllHost implements Dll {
  private static final Result<Optional<Ffi.IncomingValue>, Void> VOID = Result.ok(Optional.empty());

  private final DlCtx ctx;

  DllHost(DlCtx ctx) {
    this.ctx = ctx;
  }

  // --- function ---

  @Override
  public Result<Resource<Function>, Void> functionFromAlloc(
      Resource<Ffi.Alloc> alloc, List<Ffi.FfiType> args, Optional<Ffi.FfiType> ret) {
    // Every argument is owned: the host takes the alloc and the struct types over, and releases
    // the alloc once the function holds its own reference to the library.
    var region = ctx.takeAlloc(alloc);
    try {
      Signature signature = Types.signature(ctx, args, ret);
      return FfiHost.attempt(
          ctx,
          "function.from-alloc",
          () -> {
            if (!region.isOwned()) { // owned allocs are refused as code by fromAlloc itself
              ctx.policy().checkAddress(region.address(), true);
            }
            ctx.checkCode(region.address(), signature);
            return ctx.push(FunctionEntry.Callable.fromAlloc(region, signature));
          });
    } finally {
      region.close();
    }
  }

  @Override
  public Result<Optional<Ffi.IncomingValue>, Void> functionCall(
      Resource<Function> self, List<Ffi.OutgoingValue> args) {
    FunctionEntry entry = ctx.get(self, FunctionEntry.class);
    // The arguments are owned handles: taken over (and released) whatever the outcome.
    int n = args.size();
    Object[] taken = new Object[n];
    PrimitiveType[] raw =
        entry instanceof FunctionEntry.Callable c && c.rawParams != null && c.rawParams.length == n
            ? c.rawParams
            : null;
    for (int i = 0; i < n; i++) {
      Object t = FfiHost.outgoing(ctx, args.get(i));
      taken[i] = t;
      if (raw != null && !(t instanceof OutgoingSlot slot && slot.isSet() && slot.type == raw[i])) {
        raw = null; // a struct, an unset slot or another type: the typed path reports it
      }
    }
    if (raw != null) {
      return callRaw((FunctionEntry.Callable) entry, taken);
    }
    return FfiHost.attempt(
        ctx,
        "function.call",
        () ->
            switch (entry) {
              case FunctionEntry.Refused r ->
                  throw new DlError(
                      "not called: the policy refused "
                          + r.symbol()
                          + r.signature()
                          + ": "
                          + r.reason());
              case FunctionEntry.Callable c -> {
                List<OutgoingValue> values = new ArrayList<>(taken.length);
                for (Object t : taken) {
                  values.add(OutgoingFields.toValue(t));
                }
                Optional<IncomingValue> result = c.function().call(values);
                yield result.map(ctx::pushIncoming);
              }
            });
  }

  /**
   * {@code function.call} of a primitive signature whose argument slots are set and of the
   * parameters' types (what the typed path's shape check would accept): the setters' canonical bits
   * go to bridge-ffm's raw call as they are. Failures are the typed path's, in its order: a closed
   * alloc behind a pointer argument, then the call's own.
   */
  private Result<Optional<Ffi.IncomingValue>, Void> callRaw(
      FunctionEntry.Callable c, Object[] taken) {
    long[] bits = new long[taken.length];
    try {
      for (int i = 0; i < bits.length; i++) {
        OutgoingSlot slot = (OutgoingSlot) taken[i];
        var alloc = slot.alloc();
        bits[i] = alloc == null ? slot.bits() : alloc.address();
      }
      long result = c.function().invokeRaw(bits);
      PrimitiveType type = c.rawResult;
      if (type == null) {
        return VOID;
      }
      return Result.ok(Optional.of(ctx.pushIncoming(IncomingPrimitive.ofBits(type, result))));
    } catch (FfiException | DlError e) {
      return FfiHost.failed(ctx, "function.call", e);
    }
  }

  @Override
  public Resource<Ffi.Alloc> functionGetAlloc(Resource<Function> self) {
    return switch (ctx.get(self, FunctionEntry.class)) {
      case FunctionEntry.Callable _ when ctx.policy().isPinnedOnly() ->
          // An alloc over a function can be read: it would expose the code's bytes, and pointers
          // read from them, which no pin grants.
          throw new Trap(
              "wasi:dl function.get-alloc is refused: the policy is pinned-only, and an alloc at"
                  + " a function would read its code, which no pin grants (pass functions as"
                  + " callbacks instead)");
      case FunctionEntry.Callable c ->
          ctx.pushOrTrap(
              "function.get-alloc",
              FfiHost.orTrap("function.get-alloc", () -> c.function().getAlloc()));
      case FunctionEntry.Refused r ->
          throw new Trap(
              "wasi:dl function.get-alloc of a function the policy refused ("
                  + r.symbol()
                  + r.signature()
                  + "): "
                  + r.reason());
    };
  }

  // --- symbol ---

  @Override
  public Resource<Function> symbolGetFunction(
      Resource<Symbol> self, List<Ffi.FfiType> args, Optional<Ffi.FfiType> ret) {
    SymbolEntry symbol = ctx.get(self, SymbolEntry.class);
    Signature signature = Types.signature(ctx, args, ret);
    FunctionEntry entry;
    try {
      entry = new FunctionEntry.Callable(symbol.symbol().function(signature));
    } catch (PolicyException e) {
      ctx.failed("symbol.get-function", e.getMessage());
      entry = new FunctionEntry.Refused(symbol.symbol().name(), signature, e.getMessage());
    } catch (FfiException e) {
      throw new Trap("wasi:dl symbol.get-function: " + e.getMessage(), e);
    }
    return ctx.pushOrTrap("symbol.get-function", entry);
  }

  @Override
  public Resource<Ffi.Alloc> symbolGetAlloc(Resource<Symbol> self, Ffi.FfiType ty) {
    SymbolEntry symbol = ctx.get(self, SymbolEntry.class);
    var type = Types.type(ctx, ty);
    return ctx.pushOrTrap(
        "symbol.get-alloc",
        FfiHost.orTrap("symbol.get-alloc", () -> symbol.symbol().getAlloc(type)));
  }

  // --- library ---

  @Override
  public Result<Resource<Library>, String> libraryOpen(Optional<String> name, Set<OpenFlags> flag) {
    try {
      var library =
          Types.open(
              name,
              flag.contains(OpenFlags.LAZY),
              flag.contains(OpenFlags.NOW),
              flag.contains(OpenFlags.GLOBAL),
              flag.contains(OpenFlags.LOCAL),
              ctx.policy());
      return Result.ok(ctx.push(library));
    } catch (FfiException | DlError e) {
      ctx.failed("library.open", e.getMessage());
      return Result.err(e.getMessage());
    }
  }

  @Override
  public Result<Resource<Symbol>, String> libraryGet(Resource<Library> self, String name) {
    var library = ctx.library(self);
    try {
      var symbol = library.get(name);
      String policyName = library.name().orElse(DlPolicy.PROCESS);
      ctx.rememberSymbol(symbol.address(), policyName, name);
      return Result.ok(ctx.push(new SymbolEntry(symbol, policyName)));
    } catch (FfiException | DlError e) {
      ctx.failed("library.get", e.getMessage());
      return Result.err(e.getMessage());
    }
  }

  // --- free functions ---

  @Override
  public String extension() {
    return Types.DLL_EXTENSION;
  }

  @Override
  public String prefix() {
    return Types.DLL_PREFIX;
  }

  @Override
  public String suffix() {
    return Types.DLL_SUFFIX;
  }

  // --- drops ---

  @Override
  public void dropFunction(Resource<Function> self) {
    ctx.drop(self, FunctionEntry.class);
  }

  @Override
  public void dropSymbol(Resource<Symbol> self) {
    ctx.drop(self, SymbolEntry.class);
  }

  @Override
  public void dropLibrary(Resource<Library> self) {
    ctx.dropLibrary(self);
  }
}
