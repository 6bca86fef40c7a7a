package dev.wasidl.bindgen.c;

import static dev.wasidl.ffm.PrimitiveType.C_DOUBLE;
import static dev.wasidl.ffm.PrimitiveType.C_FLOAT;
import static dev.wasidl.ffm.PrimitiveType.C_INT;
import static dev.wasidl.ffm.PrimitiveType.C_LONG;
import static dev.wasidl.ffm.PrimitiveType.C_LONG_LONG;
import static dev.wasidl.ffm.PrimitiveType.C_SCHAR;
import static dev.wasidl.ffm.PrimitiveType.C_SHORT;
import static dev.wasidl.ffm.PrimitiveType.C_UCHAR;
import static dev.wasidl.ffm.PrimitiveType.C_UINT;
import static dev.wasidl.ffm.PrimitiveType.C_ULONG;
import static dev.wasidl.ffm.PrimitiveType.C_ULONG_LONG;
import static dev.wasidl.ffm.PrimitiveType.C_USHORT;
import static dev.wasidl.ffm.PrimitiveType.POINTER;

import dev.wasidl.bindgen.c.clang.CType;
import dev.wasidl.bindgen.c.clang.Cursor;
import dev.wasidl.ffm.FfiType;
import dev.wasidl.ffm.PrimitiveType;
import dev.wasidl.ffm.StructType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * C types, as libclang sees them, to wasi:dl types (x86-64 Linux, LP64). Typedefs are resolved
 * except the exact-width {@code <stdint.h>} names, which map to their own primitives.
 */
final class TypeMapper {
  private static final Map<String, PrimitiveType> STDINT =
      Map.of(
          "int8_t", PrimitiveType.INT8_T,
          "int16_t", PrimitiveType.INT16_T,
          "int32_t", PrimitiveType.INT32_T,
          "int64_t", PrimitiveType.INT64_T,
          "uint8_t", PrimitiveType.UINT8_T,
          "uint16_t", PrimitiveType.UINT16_T,
          "uint32_t", PrimitiveType.UINT32_T,
          "uint64_t", PrimitiveType.UINT64_T);

  /** Structs mapped so far, by name; failures are remembered too. */
  private final Map<String, CStruct> structs = new HashMap<>();

  private final Map<String, UnsupportedTypeException> failedStructs = new HashMap<>();

  /** What a type maps to: a wasi:dl type and, for a struct by value, its C name. */
  record Mapped(FfiType type, Optional<String> struct) {}

  /** Thrown inside the mapper and rethrown with the declaration it occurred in. */
  static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  Map<String, CStruct> structs() {
    return structs;
  }

  /** Maps a function declaration, or explains which type wasi:dl cannot express. */
  CFunction function(Cursor decl) {
    String name = decl.spelling();
    CType type = decl.type();
    String where = "function " + name + " (" + type.spelling() + ", " + decl.location() + ")";
    if (decl.isStatic()) {
      throw new UnsupportedTypeException(
          name, where + ": is static, so no library exports a symbol for it");
    }
    if (type.kind() == CType.FUNCTION_NO_PROTO) {
      throw new UnsupportedTypeException(
          name, where + ": declared without a prototype, so its parameters are unknown");
    }
    List<CParam> params = new ArrayList<>();
    int n = type.numArgTypes();
    for (int i = 0; i < n; i++) {
      CType t = type.argType(i);
      String pname = i < decl.numArguments() ? decl.argument(i).spelling() : "";
      String label = "parameter " + (i + 1) + (pname.isEmpty() ? "" : " (" + pname + ")");
      Mapped m = adjustedToPointer(t) ? prim(POINTER) : mapIn(name, where, label, t);
      params.add(new CParam(pname, t.spelling(), m.type(), m.struct()));
    }
    CType r = type.resultType();
    Optional<CParam> result = Optional.empty();
    if (desugar(r).kind() != CType.VOID) {
      Mapped m = mapIn(name, where, "the result", r);
      result = Optional.of(new CParam("", r.spelling(), m.type(), m.struct()));
    }
    return new CFunction(name, params, result, type.isVariadic(), type.spelling(), decl.location());
  }

  /** Maps a variable declaration, or explains why no data pin can name it. */
  CVariable variable(Cursor decl) {
    String name = decl.spelling();
    CType type = decl.type();
    String where = "variable " + name + " (" + type.spelling() + ", " + decl.location() + ")";
    if (decl.isStatic()) {
      throw new UnsupportedTypeException(
          name, where + ": is static, so no library exports a symbol for it");
    }
    Mapped m = mapIn(name, where, "it", type);
    return new CVariable(name, type.spelling(), m.type(), m.struct(), decl.location());
  }

  /**
   * C adjusts a parameter declared as an array or a function to a pointer; libclang reports the
   * type as written.
   */
  private static boolean adjustedToPointer(CType t) {
    return switch (desugar(t).kind()) {
      case CType.CONSTANT_ARRAY,
          CType.INCOMPLETE_ARRAY,
          CType.VARIABLE_ARRAY,
          CType.FUNCTION_PROTO,
          CType.FUNCTION_NO_PROTO ->
          true;
      default -> false;
    };
  }

  private Mapped mapIn(String name, String where, String label, CType t) {
    try {
      return map(t);
    } catch (Unsupported e) {
      throw new UnsupportedTypeException(
          name, where + ": " + label + " has type " + t.spelling() + ", " + e.getMessage());
    }
  }

  /** Maps a struct definition (by its declaration cursor), caching the result. */
  CStruct struct(Cursor decl, String name) {
    CStruct done = structs.get(name);
    if (done != null) {
      return done;
    }
    UnsupportedTypeException failed = failedStructs.get(name);
    if (failed != null) {
      throw failed;
    }
    try {
      CStruct s = mapStruct(decl, name);
      structs.put(name, s);
      return s;
    } catch (Unsupported e) {
      UnsupportedTypeException ex =
          new UnsupportedTypeException(
              name, "struct " + name + " (" + decl.location() + "): " + e.getMessage());
      failedStructs.put(name, ex);
      throw ex;
    }
  }

  /** Typedefs (other than the stdint names), {@code struct X} elaborations and attributes off. */
  static CType desugar(CType t) {
    CType c = t;
    while (true) {
      switch (c.kind()) {
        case CType.TYPEDEF -> {
          if (STDINT.containsKey(c.typedefName())) {
            return c;
          }
          c = c.declaration().typedefUnderlyingType();
        }
        case CType.ELABORATED -> c = c.namedType();
        case CType.ATTRIBUTED -> c = c.modifiedType();
        case CType.UNEXPOSED -> {
          CType canonical = c.canonical();
          if (canonical.kind() == CType.UNEXPOSED) {
            return c;
          }
          c = canonical;
        }
        default -> {
          return c;
        }
      }
    }
  }

  Mapped map(CType type) throws Unsupported {
    CType t = desugar(type);
    return switch (t.kind()) {
      case CType.TYPEDEF -> prim(STDINT.get(t.typedefName()));
      case CType.BOOL -> prim(C_UCHAR);
      case CType.CHAR_S, CType.SCHAR -> prim(C_SCHAR);
      case CType.CHAR_U, CType.UCHAR -> prim(C_UCHAR);
      case CType.SHORT -> prim(C_SHORT);
      case CType.USHORT -> prim(C_USHORT);
      case CType.INT -> prim(C_INT);
      case CType.UINT -> prim(C_UINT);
      case CType.LONG -> prim(C_LONG);
      case CType.ULONG -> prim(C_ULONG);
      case CType.LONG_LONG -> prim(C_LONG_LONG);
      case CType.ULONG_LONG -> prim(C_ULONG_LONG);
      case CType.FLOAT -> prim(C_FLOAT);
      case CType.DOUBLE -> prim(C_DOUBLE);
      case CType.POINTER, CType.BLOCK_POINTER -> prim(POINTER);
      case CType.ENUM -> map(t.declaration().enumIntegerType());
      case CType.RECORD -> record(t);
      case CType.LONG_DOUBLE -> throw new Unsupported("and wasi:dl has no long double");
      case CType.COMPLEX -> throw new Unsupported("and wasi:dl has no _Complex types");
      case CType.INT128, CType.UINT128 ->
          throw new Unsupported("and wasi:dl has no 128-bit integers");
      case CType.VECTOR, CType.EXT_VECTOR ->
          throw new Unsupported("and wasi:dl has no vector types");
      case CType.ATOMIC -> throw new Unsupported("and wasi:dl has no _Atomic types");
      case CType.CONSTANT_ARRAY, CType.INCOMPLETE_ARRAY, CType.VARIABLE_ARRAY ->
          throw new Unsupported("and wasi:dl cannot pass arrays by value");
      case CType.FUNCTION_PROTO, CType.FUNCTION_NO_PROTO ->
          throw new Unsupported("and a function is not a value (use a pointer to it)");
      case CType.VOID -> throw new Unsupported("and void is not a value type");
      default ->
          throw new Unsupported(
              "which wasi:dl cannot express ("
                  + t.spelling()
                  + ", libclang type kind "
                  + t.kind()
                  + ")");
    };
  }

  private static Mapped prim(PrimitiveType p) {
    return new Mapped(p, Optional.empty());
  }

  private Mapped record(CType t) throws Unsupported {
    Cursor decl = t.declaration();
    if (decl.kind() == Cursor.UNION_DECL) {
      throw new Unsupported("a union, which wasi:dl cannot express");
    }
    String name = structName(t, decl);
    try {
      CStruct s = struct(decl, name);
      return new Mapped(s.type(), Optional.of(s.name()));
    } catch (UnsupportedTypeException e) {
      throw new Unsupported("whose " + e.getMessage());
    }
  }

  /** The tag name, or for an anonymous struct its spelling ("struct (unnamed at ...)"). */
  static String structName(CType t, Cursor decl) {
    String tag = decl.spelling();
    if (!tag.isEmpty() && !decl.isAnonymous() && !tag.contains(" ")) {
      return tag;
    }
    return t.spelling();
  }

  private CStruct mapStruct(Cursor decl, String name) throws Unsupported {
    Cursor def = decl.definition();
    if (def.isNull()) {
      throw new Unsupported("is incomplete (declared, never defined), so it has no layout");
    }
    CType type = def.type();
    List<CField> members = new ArrayList<>();
    for (Cursor f : type.fields()) {
      String fname = f.spelling();
      if (f.isBitField()) {
        throw new Unsupported("field " + fname + " is a bitfield, which wasi:dl cannot express");
      }
      long offset = f.fieldOffsetBits();
      if (offset < 0 || offset % 8 != 0) {
        throw new Unsupported("field " + fname + " has no byte offset (" + offset + " bits)");
      }
      try {
        expand(fname, f.type(), offset / 8, members);
      } catch (Unsupported e) {
        throw new Unsupported(
            "field " + fname + " has type " + f.type().spelling() + ", " + e.getMessage());
      }
    }
    if (members.isEmpty()) {
      throw new Unsupported("has no fields, and a wasi:dl struct-type needs at least one");
    }
    long size = type.sizeOf();
    long align = type.alignOf();
    CStruct s = new CStruct(name, members, size, align, def.location());
    StructType st = s.type();
    boolean same = st.byteSize() == size && st.byteAlignment() == align;
    for (int i = 0; same && i < members.size(); i++) {
      same = st.offset(i) == members.get(i).offset();
    }
    if (!same) {
      throw new Unsupported(
          "has a layout the C rules do not give (packed or over-aligned?): clang says size "
              + size
              + ", alignment "
              + align
              + ", wasi:dl's "
              + st
              + " has size "
              + st.byteSize()
              + ", alignment "
              + st.byteAlignment());
    }
    return s;
  }

  /** Adds the members for one field: arrays element by element, recursively. */
  private void expand(String name, CType type, long offset, List<CField> out) throws Unsupported {
    CType t = desugar(type);
    switch (t.kind()) {
      case CType.CONSTANT_ARRAY -> {
        long n = t.arraySize();
        if (n <= 0) {
          throw new Unsupported("a zero-length array, which wasi:dl cannot express");
        }
        CType element = t.arrayElementType();
        long stride = element.sizeOf();
        for (long i = 0; i < n; i++) {
          expand(name + "[" + i + "]", element, offset + i * stride, out);
        }
      }
      case CType.INCOMPLETE_ARRAY, CType.VARIABLE_ARRAY ->
          throw new Unsupported("a flexible array member, which has no fixed layout");
      default -> {
        Mapped m = map(t);
        out.add(new CField(name, m.type(), offset, m.struct()));
      }
    }
  }
}
