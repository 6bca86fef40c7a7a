package dev.wasidl.component;

/** The primitive value types ({@code primvaltype}) with their binary opcodes. */
public enum PrimValType implements ValType, DefValType {
  BOOL(0x7f, "bool"),
  S8(0x7e, "s8"),
  U8(0x7d, "u8"),
  S16(0x7c, "s16"),
  U16(0x7b, "u16"),
  S32(0x7a, "s32"),
  U32(0x79, "u32"),
  S64(0x78, "s64"),
  U64(0x77, "u64"),
  F32(0x76, "f32"),
  F64(0x75, "f64"),
  CHAR(0x74, "char"),
  STRING(0x73, "string");

  private final int opcode;
  private final String witName;

  PrimValType(int opcode, String witName) {
    this.opcode = opcode;
    this.witName = witName;
  }

  /** The binary opcode. */
  public int opcode() {
    return opcode;
  }

  /** The WIT spelling. */
  public String witName() {
    return witName;
  }

  @Override
  public String toString() {
    return witName;
  }
}
