package dev.wasidl.types;

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

  @Override
  public String toString() {
    return witName;
  }
}
