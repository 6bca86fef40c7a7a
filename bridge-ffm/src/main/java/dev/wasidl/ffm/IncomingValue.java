package dev.wasidl.ffm;

/** A value that came back from C: wasi:dl's {@code incoming-value} variant. */
public sealed interface IncomingValue permits IncomingPrimitive, IncomingStruct {

  /** The C type of this value. */
  FfiType type();
}
