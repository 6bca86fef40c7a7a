package dev.wasidl.bindgen.c.clang;

import dev.wasidl.bindgen.c.clang.LibClang.CursorQuery;
import dev.wasidl.bindgen.c.clang.LibClang.CursorTypeQuery;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * A {@code CXCursor}: a declaration or other node of a {@link TranslationUnit}, valid while the
 * unit is open.
 */
public record Cursor(TranslationUnit unit, MemorySegment segment) {
  /** {@code CXCursor_StructDecl}. */
  public static final int STRUCT_DECL = 2;

  /** {@code CXCursor_UnionDecl}. */
  public static final int UNION_DECL = 3;

  /** {@code CXCursor_EnumDecl}. */
  public static final int ENUM_DECL = 5;

  /** {@code CXCursor_FieldDecl}. */
  public static final int FIELD_DECL = 6;

  /** {@code CXCursor_FunctionDecl}. */
  public static final int FUNCTION_DECL = 8;

  /** {@code CXCursor_VarDecl}. */
  public static final int VAR_DECL = 9;

  /** {@code CXCursor_TypedefDecl}. */
  public static final int TYPEDEF_DECL = 20;

  private LibClang clang() {
    return unit.clang();
  }

  /** {@code clang_getCursorKind}. */
  public int kind() {
    return clang().cursorInt(CursorQuery.KIND, segment);
  }

  /** {@code clang_getCursorSpelling}: the declared name ("" for anonymous declarations). */
  public String spelling() {
    return clang().cursorSpelling(unit.arena(), segment);
  }

  /** {@code clang_Cursor_isNull}. */
  public boolean isNull() {
    return clang().cursorInt(CursorQuery.IS_NULL, segment) != 0;
  }

  /** {@code clang_Cursor_getStorageClass} is {@code CX_SC_Static}. */
  public boolean isStatic() {
    return clang().cursorInt(CursorQuery.STORAGE_CLASS, segment) == 3;
  }

  /** {@code clang_getCursorType}. */
  public CType type() {
    return new CType(unit, clang().cursorType(unit.arena(), CursorTypeQuery.TYPE, segment));
  }

  /** {@code clang_getTypedefDeclUnderlyingType} of a typedef declaration. */
  public CType typedefUnderlyingType() {
    return new CType(
        unit, clang().cursorType(unit.arena(), CursorTypeQuery.TYPEDEF_UNDERLYING, segment));
  }

  /** {@code clang_getEnumDeclIntegerType} of an enum declaration. */
  public CType enumIntegerType() {
    return new CType(unit, clang().cursorType(unit.arena(), CursorTypeQuery.ENUM_INTEGER, segment));
  }

  /** The direct children ({@code clang_visitChildren}). */
  public List<Cursor> children() {
    return unit.children(segment);
  }

  /** {@code clang_Cursor_getNumArguments} of a function declaration. */
  public int numArguments() {
    return clang().cursorInt(CursorQuery.NUM_ARGUMENTS, segment);
  }

  /** {@code clang_Cursor_getArgument}: parameter {@code i} of a function declaration. */
  public Cursor argument(int i) {
    return new Cursor(unit, clang().cursorArgument(unit.arena(), segment, i));
  }

  /** {@code clang_Cursor_isBitField}. */
  public boolean isBitField() {
    return clang().cursorInt(CursorQuery.IS_BIT_FIELD, segment) != 0;
  }

  /** {@code clang_Cursor_isAnonymous}: an anonymous struct or union. */
  public boolean isAnonymous() {
    return clang().cursorInt(CursorQuery.IS_ANONYMOUS, segment) != 0;
  }

  /** {@code clang_Cursor_getOffsetOfField} in bits, negative on error. */
  public long fieldOffsetBits() {
    return clang().cursorOffsetOfField(segment);
  }

  /** {@code clang_isCursorDefinition}. */
  public boolean isDefinition() {
    return clang().cursorInt(CursorQuery.IS_DEFINITION, segment) != 0;
  }

  /** {@code clang_getCursorDefinition} (a null cursor when there is none). */
  public Cursor definition() {
    return new Cursor(unit, clang().cursorDefinition(unit.arena(), segment));
  }

  /** {@code clang_Location_isFromMainFile} of the cursor's location. */
  public boolean isFromMainFile() {
    return clang().isFromMainFile(unit.arena(), segment);
  }

  /** The file the declaration is in; for one made by a macro, where the macro was used. */
  public String file() {
    return clang().presumedLocation(unit.arena(), segment).file();
  }

  /** {@code file:line:column} of the declaration. */
  public String location() {
    return clang().location(unit.arena(), segment);
  }
}
