package dev.wasidl.component;

/** A core WebAssembly value type as used by core function types and resource representations. */
public enum CoreValType {
  I32,
  I64,
  F32,
  F64,
  V128,
  FUNCREF,
  EXTERNREF;
}
