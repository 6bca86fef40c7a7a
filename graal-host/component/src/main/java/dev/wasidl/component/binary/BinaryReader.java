package dev.wasidl.component.binary;

import dev.wasidl.component.InvalidComponentException;
import dev.wasidl.component.MalformedComponentException;
import dev.wasidl.component.UnsupportedFeatureException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the primitive encodings of the binary format (bytes, LEB128 integers, names, vectors) from
 * a window {@code [pos, limit)} of the outermost binary, so every offset it reports is absolute.
 */
final class BinaryReader {
  private final byte[] bytes;
  private final int limit;
  private final String section;
  private int pos;

  BinaryReader(byte[] bytes, int pos, int limit, String section) {
    this.bytes = bytes;
    this.pos = pos;
    this.limit = limit;
    this.section = section;
  }

  byte[] bytes() {
    return bytes;
  }

  int pos() {
    return pos;
  }

  int limit() {
    return limit;
  }

  String section() {
    return section;
  }

  boolean atEnd() {
    return pos >= limit;
  }

  int remaining() {
    return limit - pos;
  }

  /**
   * A reader for the next {@code length} bytes, which this reader then skips. {@code length} is a
   * u32 from the input: 2^31 and more (negative here) is past the end too, never a step back.
   */
  BinaryReader window(int length, String sectionName) {
    if (length < 0 || length > remaining()) {
      throw malformed(
          "unexpected end: "
              + sectionName
              + " of "
              + Integer.toUnsignedString(length)
              + " bytes, "
              + remaining()
              + " left",
          pos);
    }
    BinaryReader sub = new BinaryReader(bytes, pos, pos + length, sectionName);
    pos += length;
    return sub;
  }

  ByteBuffer slice(int start, int end) {
    return ByteBuffer.wrap(bytes, start, end - start).slice().asReadOnlyBuffer();
  }

  /** Fails unless the window was consumed exactly. */
  void expectEnd() {
    if (pos != limit) {
      throw malformed(
          "section size mismatch: " + (limit - pos) + " unread bytes at the end of the " + section,
          pos);
    }
  }

  int peek() {
    if (pos >= limit) {
      throw malformed("unexpected end of " + section, pos);
    }
    return bytes[pos] & 0xff;
  }

  int u8() {
    int b = peek();
    pos++;
    return b;
  }

  void skip(int n) {
    if (n < 0 || n > remaining()) {
      throw malformed("unexpected end of " + section, limit);
    }
    pos += n;
  }

  /** An unsigned LEB128 {@code u32}: at most 5 bytes, no bits beyond 32. */
  int u32() {
    int start = pos;
    long result = 0;
    for (int shift = 0; ; shift += 7) {
      if (pos >= limit) {
        throw malformed("unexpected end of " + section + " in LEB128 integer", pos);
      }
      int b = bytes[pos++] & 0xff;
      if (shift == 28 && (b & 0x80) != 0) {
        throw malformed("integer representation too long", start);
      }
      if (shift == 28 && (b & 0x70) != 0) {
        throw malformed("integer too large", start);
      }
      result |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return (int) result;
      }
    }
  }

  /** An unsigned LEB128 {@code u32} that must fit a Java {@code int} index. */
  int index() {
    int start = pos;
    int v = u32();
    if (v < 0) {
      throw invalid(
          "index " + Integer.toUnsignedString(v) + " out of range (beyond 2^31-1)", start);
    }
    return v;
  }

  /** An unsigned LEB128 {@code u64}: at most 10 bytes. */
  long u64() {
    int start = pos;
    long result = 0;
    for (int shift = 0; ; shift += 7) {
      if (pos >= limit) {
        throw malformed("unexpected end of " + section + " in LEB128 integer", pos);
      }
      int b = bytes[pos++] & 0xff;
      if (shift == 63 && (b & 0x80) != 0) {
        throw malformed("integer representation too long", start);
      }
      if (shift == 63 && (b & 0x7e) != 0) {
        throw malformed("integer too large", start);
      }
      result |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
  }

  /** A signed LEB128 {@code s33} (type opcodes are negative, type indices non-negative). */
  long s33() {
    int start = pos;
    long result = 0;
    int shift = 0;
    int b;
    do {
      if (pos >= limit) {
        throw malformed("unexpected end of " + section + " in LEB128 integer", pos);
      }
      b = bytes[pos++] & 0xff;
      if (shift == 28) {
        // The 5th byte holds bits 28..34: bits 33 and 34 must repeat the sign bit 32.
        if ((b & 0x80) != 0) {
          throw malformed("integer representation too long", start);
        }
        int top = b & 0x60;
        if (top != ((b & 0x10) != 0 ? 0x60 : 0)) {
          throw malformed("integer too large", start);
        }
      }
      result |= (long) (b & 0x7f) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    if (shift < 64 && (b & 0x40) != 0) {
      result |= -1L << shift;
    }
    return result;
  }

  /** A vector length, checked against the bytes left (every element takes at least one byte). */
  int vecLength() {
    int start = pos;
    int n = u32();
    if (n < 0 || n > remaining()) {
      throw malformed(
          "vector length "
              + Integer.toUnsignedString(n)
              + " exceeds the "
              + remaining()
              + " bytes left",
          start);
    }
    return n;
  }

  /** A {@code core:name}: a length-prefixed, well-formed UTF-8 string. */
  String name() {
    int start = pos;
    int len = u32();
    if (len < 0 || len > remaining()) {
      throw malformed(
          "unexpected end: name of "
              + Integer.toUnsignedString(len)
              + " bytes, "
              + remaining()
              + " left",
          start);
    }
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, pos, len));
      pos += len;
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw malformed("malformed UTF-8 encoding", start);
    }
  }

  MalformedComponentException malformed(String detail, int at) {
    return new MalformedComponentException(detail, section, at);
  }

  MalformedComponentException malformed(String detail) {
    return malformed(detail, pos);
  }

  InvalidComponentException invalid(String detail, int at) {
    return new InvalidComponentException(detail, section, at);
  }

  UnsupportedFeatureException unsupported(String feature, int at) {
    return new UnsupportedFeatureException(feature, section, at);
  }
}
