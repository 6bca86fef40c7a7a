package dev.wasidl.ffm;

/** A value passed to C: wasi:dl's {@code outgoing-value} variant. */
public sealed interface OutgoingValue permits OutgoingPrimitive, OutgoingStruct {

  /** The C type of this value. */
  FfiType type();
}
