package dev.wasidl.bindgen.wit;

/** The primitive value types, spelled as in WIT. */
public enum WitPrimitive implements WitType {
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

  private final String wit;

  WitPrimitive(String wit) {
    this.wit = wit;
  }

  /** The WIT keyword: {@code u8}, {@code string}, ... */
  public String wit() {
    return wit;
  }

  /** The primitive spelled {@code keyword}, if any. */
  public static java.util.Optional<WitPrimitive> ofWit(String keyword) {
    for (WitPrimitive p : values()) {
      if (p.wit.equals(keyword)) {
        return java.util.Optional.of(p);
      }
    }
    return java.util.Optional.empty();
  }
}
