package dev.wasidl.types;

import java.util.Optional;

/** The primitive value types. */
public enum Primitive implements Type {
  BOOL("bool"),
  S8("s8"),
  U8("u8"),
  S16("s16"),
  U16("u16"),
  S32("s32"),
  U32("u32"),
  S64("s64"),
  U64("u64"),
  F32("f32"),
  F64("f64"),
  CHAR("char"),
  STRING("string");

  private final String witName;

  Primitive(String witName) {
    this.witName = witName;
  }

  /** The WIT keyword: {@code u8}, {@code string}, ... */
  public String wit() {
    return witName;
  }

  /** The primitive spelled {@code keyword} in WIT, if any. */
  public static Optional<Primitive> ofWit(String keyword) {
    for (Primitive p : values()) {
      if (p.witName.equals(keyword)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return witName;
  }
}
