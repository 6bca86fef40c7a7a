package dev.wasidl.dl;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wasidl.bindings.Resource;
import dev.wasidl.bindings.Result;
import dev.wasidl.dl.bindings.wasi.dl.Dll;
import dev.wasidl.dl.bindings.wasi.dl.Ffi;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.ffm.FfiType;
import dev.wasidl.ffm.PrimitiveType;
import dev.wasidl.ffm.Signature;
import dev.wasidl.ffm.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Plays a guest against the generated wasi:dl interfaces of one {@link DlCtx}: each helper makes
 * the calls a component would (handles in, handles out, owned arguments given up), so the tests
 * read like guest code.
 */
final class Guest implements AutoCloseable {
  final DlCtx ctx;
  final Dll dll;
  final Ffi ffi;

  Guest(DlPolicy policy) {
    this(new DlCtx(policy));
  }

  Guest(DlCtx ctx) {
    this.ctx = ctx;
    this.dll = ctx.dll();
    this.ffi = ctx.ffi();
  }

  @Override
  public void close() {
    ctx.close();
  }

  static <T, E> T ok(Result<T, E> r) {
    if (!(r instanceof Result.Ok<T, E> ok)) {
      throw new AssertionError("expected ok, got " + r);
    }
    return ok.value();
  }

  /** Asserts an error result and returns the ctx's recorded cause. */
  String err(Result<?, ?> r) {
    assertTrue(r instanceof Result.Err, () -> "expected err, got " + r);
    return ctx.lastError().orElseThrow();
  }

  Resource<Dll.Library> open(String name) {
    return ok(dll.libraryOpen(Optional.of(name), EnumSet.of(Dll.OpenFlags.NOW)));
  }

  Resource<Dll.Library> openSelf() {
    return ok(dll.libraryOpen(Optional.empty(), EnumSet.noneOf(Dll.OpenFlags.class)));
  }

  Resource<Dll.Symbol> sym(Resource<Dll.Library> lib, String name) {
    return ok(dll.libraryGet(lib, name));
  }

  /** {@code symbol.get-function} with a signature in bridge-ffm's text form. */
  Resource<Dll.Function> fn(Resource<Dll.Library> lib, String name, String signature) {
    Resource<Dll.Symbol> s = sym(lib, name);
    Signature sig = Signature.parse(signature);
    Resource<Dll.Function> f = dll.symbolGetFunction(s, types(sig.params()), type(sig.result()));
    dll.dropSymbol(s);
    return f;
  }

  /** The WIT form of a bridge-ffm type; a struct becomes a new struct-type resource. */
  Ffi.FfiType type(FfiType t) {
    return switch (t) {
      case PrimitiveType p -> new Ffi.FfiType.Primitive(wit(p));
      case StructType st -> new Ffi.FfiType.Struct(ffi.newStructType(types(st.fields())));
    };
  }

  Optional<Ffi.FfiType> type(Optional<FfiType> t) {
    return t.map(this::type);
  }

  List<Ffi.FfiType> types(List<FfiType> ts) {
    List<Ffi.FfiType> out = new ArrayList<>();
    for (FfiType t : ts) {
      out.add(type(t));
    }
    return out;
  }

  static Ffi.PrimitiveType wit(PrimitiveType p) {
    return Ffi.PrimitiveType.valueOf(p.name());
  }

  Ffi.FfiType type(String text) {
    return type(FfiType.parse(text));
  }

  /** An outgoing primitive of {@code type} set through the widest setter of its kind. */
  Ffi.OutgoingValue val(PrimitiveType type, long v) {
    Resource<Ffi.OutgoingPrimitive> p = ffi.newOutgoingPrimitive(wit(type));
    Result<Void, Void> r =
        switch (type.kind()) {
          case SIGNED -> ffi.outgoingPrimitiveSetS64(p, v);
          case UNSIGNED, POINTER -> ffi.outgoingPrimitiveSetU64(p, v);
          case FLOAT -> throw new IllegalArgumentException("use dval");
        };
    ok(r);
    return new Ffi.OutgoingValue.Primitive(p);
  }

  Ffi.OutgoingValue dval(PrimitiveType type, double v) {
    Resource<Ffi.OutgoingPrimitive> p = ffi.newOutgoingPrimitive(wit(type));
    ok(
        type == PrimitiveType.C_FLOAT
            ? ffi.outgoingPrimitiveSetF32(p, (float) v)
            : ffi.outgoingPrimitiveSetF64(p, v));
    return new Ffi.OutgoingValue.Primitive(p);
  }

  Ffi.OutgoingValue addr(Resource<Ffi.Alloc> alloc) {
    Resource<Ffi.OutgoingPrimitive> p = ffi.newOutgoingPrimitive(Ffi.PrimitiveType.POINTER);
    ok(ffi.outgoingPrimitiveSetAddr(p, alloc));
    return new Ffi.OutgoingValue.Primitive(p);
  }

  Ffi.OutgoingValue struct(Ffi.OutgoingValue... fields) {
    return new Ffi.OutgoingValue.Struct(ffi.newOutgoingStruct(Arrays.asList(fields)));
  }

  Optional<Ffi.IncomingValue> call(Resource<Dll.Function> f, Ffi.OutgoingValue... args) {
    return ok(dll.functionCall(f, Arrays.asList(args)));
  }

  Resource<Ffi.IncomingPrimitive> callPrim(Resource<Dll.Function> f, Ffi.OutgoingValue... args) {
    return prim(call(f, args).orElseThrow());
  }

  long callS64(Resource<Dll.Function> f, Ffi.OutgoingValue... args) {
    return ok(ffi.incomingPrimitiveGetS64(callPrim(f, args)));
  }

  long callU64(Resource<Dll.Function> f, Ffi.OutgoingValue... args) {
    return ok(ffi.incomingPrimitiveGetU64(callPrim(f, args)));
  }

  double callF64(Resource<Dll.Function> f, Ffi.OutgoingValue... args) {
    return ok(ffi.incomingPrimitiveGetF64(callPrim(f, args)));
  }

  static Resource<Ffi.IncomingPrimitive> prim(Ffi.IncomingValue v) {
    if (v instanceof Ffi.IncomingValue.Primitive p) {
      return p.value();
    }
    return fail("expected a primitive, got " + v);
  }

  static Resource<Ffi.IncomingStruct> struct(Ffi.IncomingValue v) {
    if (v instanceof Ffi.IncomingValue.Struct s) {
      return s.value();
    }
    return fail("expected a struct, got " + v);
  }

  Resource<Ffi.Alloc> alloc(String type) {
    return ok(ffi.allocNew(type(type)));
  }

  /** An owned pointer alloc holding {@code s} (the region's address is the string's). */
  Resource<Ffi.Alloc> string(String s) {
    Resource<Ffi.Alloc> a = alloc("pointer");
    ok(ffi.allocWriteString(a, s));
    return a;
  }

  /**
   * The chain a guest uses to reach any address, no library needed: a pointer alloc holding the
   * address's bits, read back as an incoming pointer, then its {@code get-alloc}.
   */
  Result<Resource<Ffi.Alloc>, Void> regionAt(long address) {
    Resource<Ffi.Alloc> holder = alloc("pointer");
    Ffi.OutgoingValue.Primitive bits =
        (Ffi.OutgoingValue.Primitive) val(PrimitiveType.POINTER, address);
    ok(ffi.allocWritePrimitive(holder, bits.value()));
    Resource<Ffi.IncomingPrimitive> p = ok(ffi.allocReadPrimitive(holder));
    ffi.dropAlloc(holder);
    Result<Resource<Ffi.Alloc>, Void> region = ffi.incomingPrimitiveGetAlloc(p);
    ffi.dropIncomingPrimitive(p);
    return region;
  }
}
