package dev.wasidl.ffm;

import java.lang.foreign.MemoryLayout;

/**
 * A C type that crosses the boundary: wasi:dl's {@code ffi-type} variant, either a {@link
 * PrimitiveType} or a {@link StructType}.
 */
public sealed interface FfiType permits PrimitiveType, StructType {

  /** The C layout of this type on this platform (size, alignment, and for structs padding). */
  MemoryLayout layout();

  /** {@code sizeof} this type, as the C compiler computes it. */
  default long byteSize() {
    return layout().byteSize();
  }

  /** {@code _Alignof} this type, as the C compiler computes it. */
  default long byteAlignment() {
    return layout().byteAlignment();
  }

  /** Parses {@link #witName()} text, e.g. {@code c-int} or {@code struct{c-double, c-int}}. */
  static FfiType parse(String text) {
    return SignatureParser.parseType(text);
  }

  /** The WIT-style text of this type, e.g. {@code c-int} or {@code struct{c-char, c-int}}. */
  String witName();
}
