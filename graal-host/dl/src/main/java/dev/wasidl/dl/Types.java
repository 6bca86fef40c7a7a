package dev.wasidl.dl;

import dev.wasidl.dl.bindings.wasi.dl.Ffi;
import dev.wasidl.ffm.Alloc;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.ffm.Dll;
import dev.wasidl.ffm.FfiType;
import dev.wasidl.ffm.Library;
import dev.wasidl.ffm.OpenFlags;
import dev.wasidl.ffm.PrimitiveType;
import dev.wasidl.ffm.Signature;
import dev.wasidl.ffm.StructType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;

/** The generated wasi:dl types to bridge-ffm's, and back. */
final class Types {
  private static final EnumMap<Ffi.PrimitiveType, PrimitiveType> PRIMITIVES = primitives();

  private Types() {}

  private static EnumMap<Ffi.PrimitiveType, PrimitiveType> primitives() {
    EnumMap<Ffi.PrimitiveType, PrimitiveType> out = new EnumMap<>(Ffi.PrimitiveType.class);
    for (Ffi.PrimitiveType wit : Ffi.PrimitiveType.values()) {
      out.put(wit, PrimitiveType.ofWitName(wit.wit()));
    }
    return out;
  }

  // What dll.extension(), prefix() and suffix() report: this platform's shared library names.
  static final String DLL_EXTENSION = Dll.extension();
  static final String DLL_PREFIX = Dll.prefix();
  static final String DLL_SUFFIX = Dll.suffix();

  /** {@code library.open} with its flags, under {@code policy}. */
  static Library open(
      Optional<String> name,
      boolean lazy,
      boolean now,
      boolean global,
      boolean local,
      DlPolicy policy) {
    return Library.open(name.orElse(null), new OpenFlags(lazy, now, global, local), policy);
  }

  /** {@code sizeof} of a WIT {@code primitive-type} case. */
  static long sizeof(Ffi.PrimitiveType type) {
    return primitive(type).byteSize();
  }

  /** A fresh zeroed native region of {@code type}, owned by the guest's handle. */
  static Alloc allocate(FfiType type) {
    return Alloc.allocate(type);
  }

  /** A struct type of {@code fields}. */
  static StructType struct(List<FfiType> fields) {
    return StructType.of(fields);
  }

  /** The scalar fields of {@code types}, structs flattened: what {@code --dl-max-fields} counts. */
  static long flatFieldCount(List<FfiType> types) {
    long flat = 0;
    for (FfiType t : types) {
      flat += t instanceof StructType st ? st.flatFieldCount() : 1;
    }
    return flat;
  }

  /** The bridge-ffm primitive of a WIT {@code primitive-type} case. */
  static PrimitiveType primitive(Ffi.PrimitiveType type) {
    PrimitiveType p = PRIMITIVES.get(type);
    if (p == null) {
      throw new IllegalStateException("no primitive-type " + type);
    }
    return p;
  }

  /**
   * The bridge-ffm type of a WIT {@code ffi-type}. A {@code struct} case holds an owned {@code
   * struct-type} handle, which the host takes over (the guest no longer holds it).
   */
  static FfiType type(DlCtx ctx, Ffi.FfiType type) {
    return switch (type) {
      case Ffi.FfiType.Primitive p -> primitive(p.value());
      case Ffi.FfiType.Struct s -> ctx.take(s.value(), StructType.class);
    };
  }

  static List<FfiType> types(DlCtx ctx, List<Ffi.FfiType> types) {
    List<FfiType> out = new ArrayList<>(types.size());
    for (Ffi.FfiType t : types) {
      out.add(type(ctx, t));
    }
    return out;
  }

  /** The signature of {@code (args) -> ret}, taking over the struct-type handles in it. */
  static Signature signature(DlCtx ctx, List<Ffi.FfiType> args, Optional<Ffi.FfiType> ret) {
    List<FfiType> params = types(ctx, args);
    Optional<FfiType> result = ret.map(t -> type(ctx, t));
    return Signature.of(params, result);
  }
}
