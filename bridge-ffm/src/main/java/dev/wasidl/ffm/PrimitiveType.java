package dev.wasidl.ffm;

import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;
import java.util.Locale;
import java.util.Map;

/**
 * wasi:dl's {@code primitive-type} enum, one constant per WIT case in WIT order. C-named types take
 * their layouts from {@link Linker#canonicalLayouts()}, so {@code c-long} is whatever the
 * platform's C compiler says it is.
 */
@SuppressWarnings("ImmutableEnumChecker") // ValueLayout is an immutable value-based class
public enum PrimitiveType implements FfiType {
  C_SCHAR(Kind.SIGNED, "char"),
  C_UCHAR(Kind.UNSIGNED, "char"),
  C_SHORT(Kind.SIGNED, "short"),
  C_USHORT(Kind.UNSIGNED, "short"),
  C_INT(Kind.SIGNED, "int"),
  C_UINT(Kind.UNSIGNED, "int"),
  C_LONG(Kind.SIGNED, "long"),
  C_ULONG(Kind.UNSIGNED, "long"),
  C_LONG_LONG(Kind.SIGNED, "long long"),
  C_ULONG_LONG(Kind.UNSIGNED, "long long"),
  C_FLOAT(Kind.FLOAT, "float"),
  C_DOUBLE(Kind.FLOAT, "double"),
  INT8_T(Kind.SIGNED, 1),
  INT16_T(Kind.SIGNED, 2),
  INT32_T(Kind.SIGNED, 4),
  INT64_T(Kind.SIGNED, 8),
  UINT8_T(Kind.UNSIGNED, 1),
  UINT16_T(Kind.UNSIGNED, 2),
  UINT32_T(Kind.UNSIGNED, 4),
  UINT64_T(Kind.UNSIGNED, 8),
  POINTER(Kind.POINTER, "void*");

  /** How a value of the type is interpreted. */
  public enum Kind {
    SIGNED,
    UNSIGNED,
    FLOAT,
    POINTER
  }

  private final Kind kind;
  private final ValueLayout layout;
  private final String witName;
  // Cached: layout().byteSize() is a megamorphic call on the hot paths of MemoryAccess.
  private final int byteSize;

  PrimitiveType(Kind kind, String canonicalName) {
    this(kind, canonical(kind, canonicalName));
  }

  PrimitiveType(Kind kind, int bytes) {
    this(kind, fixedWidth(kind, bytes));
  }

  PrimitiveType(Kind kind, ValueLayout layout) {
    this.kind = kind;
    this.layout = layout;
    this.witName = name().toLowerCase(Locale.ROOT).replace('_', '-');
    this.byteSize = (int) layout.byteSize();
  }

  private static ValueLayout canonical(Kind kind, String name) {
    Map<String, MemoryLayout> layouts = Linker.nativeLinker().canonicalLayouts();
    ValueLayout layout = (ValueLayout) layouts.get(name);
    if (layout == null) {
      throw new IllegalStateException("this platform's linker has no canonical layout for " + name);
    }
    return kind == Kind.UNSIGNED ? unsignedCarrier(layout) : layout;
  }

  private static ValueLayout fixedWidth(Kind kind, int bytes) {
    ValueLayout layout =
        switch (bytes) {
          case 1 -> ValueLayout.JAVA_BYTE;
          case 2 -> ValueLayout.JAVA_SHORT;
          case 4 -> ValueLayout.JAVA_INT;
          case 8 -> ValueLayout.JAVA_LONG;
          default -> throw new IllegalArgumentException("no " + bytes + "-byte integer");
        };
    return kind == Kind.UNSIGNED ? unsignedCarrier(layout) : layout;
  }

  // 16-bit unsigned values travel as Java char so the linker zero-extends them, as C callers do.
  private static ValueLayout unsignedCarrier(ValueLayout layout) {
    return layout.byteSize() == 2 ? ValueLayout.JAVA_CHAR : layout;
  }

  @Override
  public ValueLayout layout() {
    return layout;
  }

  @Override
  public long byteSize() {
    return byteSize;
  }

  /** How values of this type are interpreted. */
  public Kind kind() {
    return kind;
  }

  /** True for the signed and unsigned integer types (not floats, not pointers). */
  public boolean isInteger() {
    return kind == Kind.SIGNED || kind == Kind.UNSIGNED;
  }

  /** The WIT case name, e.g. {@code c-ulong-long}. */
  @Override
  public String witName() {
    return witName;
  }

  /** Looks a type up by its WIT case name, e.g. {@code int32-t}. */
  public static PrimitiveType ofWitName(String name) {
    for (PrimitiveType t : values()) {
      if (t.witName.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no primitive-type named " + name);
  }

  @Override
  public String toString() {
    return witName;
  }
}
