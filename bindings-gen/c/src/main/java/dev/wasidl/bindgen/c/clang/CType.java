package dev.wasidl.bindgen.c.clang;

import dev.wasidl.bindgen.c.clang.LibClang.TypeNumber;
import dev.wasidl.bindgen.c.clang.LibClang.TypeQuery;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/** A {@code CXType} of a {@link TranslationUnit}, valid while the unit is open. */
public record CType(TranslationUnit unit, MemorySegment segment) {
  // CXTypeKind values used by the mapping (clang-c/Index.h).
  public static final int INVALID = 0;
  public static final int UNEXPOSED = 1;
  public static final int VOID = 2;
  public static final int BOOL = 3;
  public static final int CHAR_U = 4;
  public static final int UCHAR = 5;
  public static final int CHAR16 = 6;
  public static final int CHAR32 = 7;
  public static final int USHORT = 8;
  public static final int UINT = 9;
  public static final int ULONG = 10;
  public static final int ULONG_LONG = 11;
  public static final int UINT128 = 12;
  public static final int CHAR_S = 13;
  public static final int SCHAR = 14;
  public static final int WCHAR = 15;
  public static final int SHORT = 16;
  public static final int INT = 17;
  public static final int LONG = 18;
  public static final int LONG_LONG = 19;
  public static final int INT128 = 20;
  public static final int FLOAT = 21;
  public static final int DOUBLE = 22;
  public static final int LONG_DOUBLE = 23;
  public static final int COMPLEX = 100;
  public static final int POINTER = 101;
  public static final int BLOCK_POINTER = 102;
  public static final int RECORD = 105;
  public static final int ENUM = 106;
  public static final int TYPEDEF = 107;
  public static final int FUNCTION_NO_PROTO = 110;
  public static final int FUNCTION_PROTO = 111;
  public static final int CONSTANT_ARRAY = 112;
  public static final int VECTOR = 113;
  public static final int INCOMPLETE_ARRAY = 114;
  public static final int VARIABLE_ARRAY = 115;
  public static final int ELABORATED = 119;
  public static final int ATTRIBUTED = 163;
  public static final int EXT_VECTOR = 176;
  public static final int ATOMIC = 177;

  private LibClang clang() {
    return unit.clang();
  }

  /** The {@code CXTypeKind}. */
  public int kind() {
    return segment.get(ValueLayout.JAVA_INT, 0);
  }

  /** {@code clang_getTypeSpelling}, e.g. {@code const char *}. */
  public String spelling() {
    return clang().typeString(unit.arena(), false, segment);
  }

  /** {@code clang_getTypedefName}: the typedef's own name, qualifiers dropped. */
  public String typedefName() {
    return clang().typeString(unit.arena(), true, segment);
  }

  private CType query(TypeQuery q) {
    return new CType(unit, clang().type(unit.arena(), q, segment));
  }

  /** {@code clang_getCanonicalType}: every typedef and sugar resolved. */
  public CType canonical() {
    return query(TypeQuery.CANONICAL);
  }

  /** {@code clang_getPointeeType}. */
  public CType pointee() {
    return query(TypeQuery.POINTEE);
  }

  /** {@code clang_getResultType} of a function type. */
  public CType resultType() {
    return query(TypeQuery.RESULT);
  }

  /** {@code clang_getArrayElementType}. */
  public CType arrayElementType() {
    return query(TypeQuery.ARRAY_ELEMENT);
  }

  /** {@code clang_Type_getNamedType}: the type an elaborated type ({@code struct S}) names. */
  public CType namedType() {
    return query(TypeQuery.NAMED);
  }

  /** {@code clang_Type_getModifiedType}: an attributed type without its attribute. */
  public CType modifiedType() {
    return query(TypeQuery.MODIFIED);
  }

  /** {@code clang_getNumArgTypes} of a function type (-1 for others). */
  public int numArgTypes() {
    return (int) clang().typeNumber(TypeNumber.NUM_ARG_TYPES, segment);
  }

  /** {@code clang_getArgType}. */
  public CType argType(int i) {
    return new CType(unit, clang().argType(unit.arena(), segment, i));
  }

  /** {@code clang_isFunctionTypeVariadic}. */
  public boolean isVariadic() {
    return clang().typeNumber(TypeNumber.IS_VARIADIC, segment) != 0;
  }

  /** {@code clang_getArraySize} (-1 when not a constant array). */
  public long arraySize() {
    return clang().typeNumber(TypeNumber.ARRAY_SIZE, segment);
  }

  /** {@code clang_Type_getSizeOf} in bytes, negative ({@code CXTypeLayoutError}) on error. */
  public long sizeOf() {
    return clang().typeNumber(TypeNumber.SIZE_OF, segment);
  }

  /** {@code clang_Type_getAlignOf} in bytes, negative on error. */
  public long alignOf() {
    return clang().typeNumber(TypeNumber.ALIGN_OF, segment);
  }

  /** {@code clang_Type_getOffsetOf} in bits of a (possibly nested-anonymous) field. */
  public long offsetOfBits(String field) {
    return clang().typeOffsetOf(unit.arena(), segment, field);
  }

  /** {@code clang_getTypeDeclaration}. */
  public Cursor declaration() {
    return new Cursor(unit, clang().typeDeclaration(unit.arena(), segment));
  }

  /** The fields of a record type in order ({@code clang_Type_visitFields}). */
  public List<Cursor> fields() {
    return unit.fields(segment);
  }
}
