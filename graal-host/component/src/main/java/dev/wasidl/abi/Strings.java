package dev.wasidl.abi;

import dev.wasidl.component.StringEncoding;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Strings: the spec's {@code load_string*} and {@code store_string*} with all transcodings. */
final class Strings {
  private Strings() {}

  /** The spec's {@code utf16_tag} for 32-bit memories. */
  static final long UTF16_TAG = 1L << 31;

  private record Source(int alignment, long byteLength, Charset encoding) {}

  /** The encoding of a source string once the latin1+utf16 tag is read. */
  private enum Simple {
    UTF8,
    UTF16,
    LATIN1
  }

  static String loadString(LiftLowerContext cx, long ptr) {
    Memory m = cx.memory();
    long begin = Integer.toUnsignedLong(m.loadI32((int) ptr));
    long taggedCodeUnits = Integer.toUnsignedLong(m.loadI32((int) (ptr + 4)));
    return loadStringFromRange(cx, begin, taggedCodeUnits);
  }

  static String loadStringFromRange(LiftLowerContext cx, long ptr, long taggedCodeUnits) {
    Source source =
        switch (cx.stringEncoding()) {
          case UTF8 -> new Source(1, taggedCodeUnits, StandardCharsets.UTF_8);
          case UTF16 -> new Source(2, 2 * taggedCodeUnits, StandardCharsets.UTF_16LE);
          case LATIN1_UTF16 ->
              (taggedCodeUnits & UTF16_TAG) != 0
                  ? new Source(2, 2 * (taggedCodeUnits ^ UTF16_TAG), StandardCharsets.UTF_16LE)
                  : new Source(2, taggedCodeUnits, StandardCharsets.ISO_8859_1);
        };
    int alignment = source.alignment();
    long byteLength = source.byteLength();
    Charset encoding = source.encoding();
    if (byteLength > CanonicalAbi.MAX_STRING_BYTE_LENGTH) {
      throw new Trap(
          "string of "
              + byteLength
              + " bytes exceeds the maximum string byte length "
              + CanonicalAbi.MAX_STRING_BYTE_LENGTH);
    }
    checkRange(cx, "string", ptr, byteLength, alignment);
    cx.countLiftedBytes(byteLength);
    byte[] bytes = new byte[(int) byteLength];
    cx.memory().read((int) ptr, bytes, 0, bytes.length);
    return decode(bytes, encoding, byteLength, ptr);
  }

  /**
   * Decodes strictly: the JDK's fast decoder replaces every malformed sequence with U+FFFD, so a
   * result without one is the strict decoding; only a string holding U+FFFD (valid or not) is
   * decoded again with a reporting decoder.
   */
  private static String decode(byte[] bytes, Charset encoding, long byteLength, long ptr) {
    String fast = new String(bytes, encoding);
    if (encoding.equals(StandardCharsets.ISO_8859_1) || fast.indexOf('\uFFFD') < 0) {
      return fast;
    }
    try {
      return encoding
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new Trap(
          "invalid "
              + (encoding.equals(StandardCharsets.UTF_8) ? "UTF-8" : "UTF-16")
              + " in a string of "
              + byteLength
              + " bytes at "
              + ptr,
          e);
    }
  }

  static void checkRange(LiftLowerContext cx, String what, long ptr, long byteLength, int align) {
    if (!Layout.isAligned(ptr, align) || !cx.memory().contains(ptr, byteLength)) {
      throw rangeTrap(cx, what, ptr, byteLength, align);
    }
  }

  /**
   * As {@link #checkRange(LiftLowerContext, String, long, long, int)}, naming the value only when
   * the check fails: a type's text is costly to build on every call.
   */
  static void checkRange(
      LiftLowerContext cx, Supplier<String> what, long ptr, long byteLength, int align) {
    if (!Layout.isAligned(ptr, align) || !cx.memory().contains(ptr, byteLength)) {
      throw rangeTrap(cx, what.get(), ptr, byteLength, align);
    }
  }

  private static Trap rangeTrap(
      LiftLowerContext cx, String what, long ptr, long byteLength, int align) {
    if (!Layout.isAligned(ptr, align)) {
      return new Trap(what + " pointer " + ptr + " is not aligned to " + align);
    }
    return new Trap(
        what
            + " of "
            + byteLength
            + " bytes at "
            + ptr
            + " is out of bounds of a memory of "
            + cx.memory().byteSize()
            + " bytes");
  }

  private static void checkBounds(LiftLowerContext cx, long ptr, long byteLength) {
    checkRange(cx, "string", ptr, byteLength, 1);
  }

  static void storeString(LiftLowerContext cx, String v, long ptr) {
    byte[] utf8 = oneCopyUtf8(cx, v);
    if (utf8 != null
        && cx.memory() instanceof AllocationQueue q
        && q.queueCopy(cx, "string", 1, utf8, utf8.length, (int) ptr)) {
      return;
    }
    CanonicalAbi.Range r = utf8 != null ? storeOneCopy(cx, utf8) : storeTranscoded(cx, v);
    cx.memory().storeI32((int) ptr, (int) r.ptr());
    cx.memory().storeI32((int) (ptr + 4), (int) r.length());
  }

  /**
   * A host string: UTF-8 into a UTF-8 guest when the context asks for it ({@link
   * LiftLowerContext#withUtf8HostStrings}), else Java's own latin1-or-UTF-16 representation is its
   * source encoding.
   */
  static CanonicalAbi.Range storeStringIntoRange(LiftLowerContext cx, String v) {
    byte[] utf8 = oneCopyUtf8(cx, v);
    return utf8 != null ? storeOneCopy(cx, utf8) : storeTranscoded(cx, v);
  }

  /** UTF-8 bytes into a UTF-8 guest: one realloc of their length, the range checked, one write. */
  private static CanonicalAbi.Range storeOneCopy(LiftLowerContext cx, byte[] utf8) {
    long ptr = cx.allocate(1, utf8.length);
    checkRange(cx, "string", ptr, utf8.length, 1);
    cx.memory().write((int) ptr, utf8, 0, utf8.length);
    return new CanonicalAbi.Range(ptr, utf8.length);
  }

  /** A string {@link #oneCopyUtf8} leaves: transcoded, or a trap. */
  private static CanonicalAbi.Range storeTranscoded(LiftLowerContext cx, String v) {
    if (cx.utf8HostStrings() && cx.stringEncoding() == StringEncoding.UTF8) {
      return storeStringIntoRange(cx, v, StringEncoding.UTF8, utf8Length(v));
    }
    long units = v.length();
    if (!isLatin1(v)) {
      units |= UTF16_TAG;
    }
    return storeStringIntoRange(cx, v, StringEncoding.LATIN1_UTF16, units);
  }

  /**
   * The bytes {@link #storeStringIntoRange(LiftLowerContext, String)} copies after one realloc of
   * their length (a UTF-8 guest, and ASCII text or UTF-8 host strings), or null when it takes
   * another path (transcoding, or a trap for an unpaired surrogate).
   */
  static byte @Nullable [] oneCopyUtf8(LiftLowerContext cx, String v) {
    if (cx.stringEncoding() != StringEncoding.UTF8
        || v.length() > CanonicalAbi.MAX_STRING_BYTE_LENGTH) {
      return null;
    }
    byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
    if (utf8.length == v.length()) {
      // ASCII (an unpaired surrogate also encodes to one byte, '?', but does not decode back):
      // every source encoding stores it so
      return hasUnpairedSurrogate(utf8, v) ? null : utf8;
    }
    // longer than the limit: transcoding traps for it
    return cx.utf8HostStrings()
            && utf8.length <= CanonicalAbi.MAX_STRING_BYTE_LENGTH
            && isScalarValues(v)
        ? utf8
        : null;
  }

  /** Whether every surrogate in {@code s} is paired: {@link #checkScalarValues} would pass it. */
  private static boolean isScalarValues(String s) {
    return unpairedSurrogate(s) < 0;
  }

  /** The index of the first unpaired surrogate in {@code s}, or -1. */
  private static int unpairedSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether {@code v}, whose UTF-8 encoding {@code utf8} has one byte per char (so every char is
   * ASCII or an unpaired surrogate, which the encoder replaced with '?'), holds a surrogate: a '?'
   * byte where {@code v} has no '?'. Scans the bytes instead of decoding a copy of the string.
   */
  private static boolean hasUnpairedSurrogate(byte[] utf8, String v) {
    for (int i = 0; i < utf8.length; i++) {
      if (utf8[i] == '?' && v.charAt(i) != '?') {
        return true;
      }
    }
    return false;
  }

  static CanonicalAbi.Range storeStringIntoRange(
      LiftLowerContext cx, String src, StringEncoding srcEncoding, long srcTaggedCodeUnits) {
    checkScalarValues(src);
    boolean tagged = (srcTaggedCodeUnits & UTF16_TAG) != 0;
    Simple srcSimpleEncoding =
        switch (srcEncoding) {
          case UTF8 -> Simple.UTF8;
          case UTF16 -> Simple.UTF16;
          case LATIN1_UTF16 -> tagged ? Simple.UTF16 : Simple.LATIN1;
        };
    long srcCodeUnits =
        srcEncoding == StringEncoding.LATIN1_UTF16 && tagged
            ? srcTaggedCodeUnits ^ UTF16_TAG
            : srcTaggedCodeUnits;
    checkSource(src, srcSimpleEncoding, srcCodeUnits);

    return switch (cx.stringEncoding()) {
      case UTF8 ->
          switch (srcSimpleEncoding) {
            case UTF8 -> storeStringCopy(cx, src, srcCodeUnits, 1, 1, StandardCharsets.UTF_8);
            case UTF16 -> storeStringToUtf8(cx, src, srcCodeUnits, srcCodeUnits * 3);
            case LATIN1 -> storeStringToUtf8(cx, src, srcCodeUnits, srcCodeUnits * 2);
          };
      case UTF16 ->
          switch (srcSimpleEncoding) {
            case UTF8 -> storeUtf8ToUtf16(cx, src, srcCodeUnits);
            case UTF16, LATIN1 ->
                storeStringCopy(cx, src, srcCodeUnits, 2, 2, StandardCharsets.UTF_16LE);
          };
      case LATIN1_UTF16 ->
          switch (srcEncoding) {
            case UTF8, UTF16 -> storeStringToLatin1OrUtf16(cx, src, srcCodeUnits);
            case LATIN1_UTF16 ->
                srcSimpleEncoding == Simple.LATIN1
                    ? storeStringCopy(cx, src, srcCodeUnits, 1, 2, StandardCharsets.ISO_8859_1)
                    : storeProbablyUtf16ToLatin1OrUtf16(cx, src, srcCodeUnits);
          };
    };
  }

  /** Host strings may hold unpaired surrogates; the component model's strings may not. */
  private static void checkScalarValues(String s) {
    int i = unpairedSurrogate(s);
    if (i >= 0) {
      throw new Trap(
          "string holds an unpaired surrogate 0x"
              + Integer.toHexString(s.charAt(i))
              + " at index "
              + i);
    }
  }

  /** The source's code units must describe it, within the spec's string length limit. */
  private static void checkSource(String src, Simple simpleEncoding, long codeUnits) {
    long expected =
        switch (simpleEncoding) {
          case UTF8 -> utf8Length(src);
          case UTF16, LATIN1 -> src.length();
        };
    if (codeUnits != expected || (simpleEncoding == Simple.LATIN1 && !isLatin1(src))) {
      throw new IllegalArgumentException(
          codeUnits + " " + simpleEncoding + " code units do not describe the source string");
    }
    long byteLength = simpleEncoding == Simple.UTF16 ? 2 * codeUnits : codeUnits;
    if (byteLength > CanonicalAbi.MAX_STRING_BYTE_LENGTH) {
      throw new Trap(
          "string of "
              + byteLength
              + " bytes exceeds the maximum string byte length "
              + CanonicalAbi.MAX_STRING_BYTE_LENGTH);
    }
  }

  static boolean isLatin1(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x100) {
        return false;
      }
    }
    return true;
  }

  static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  private static CanonicalAbi.Range storeStringCopy(
      LiftLowerContext cx,
      String src,
      long srcCodeUnits,
      int dstCodeUnitSize,
      int dstAlignment,
      Charset dstEncoding) {
    long dstByteLength = dstCodeUnitSize * srcCodeUnits;
    long ptr = cx.allocate(dstAlignment, dstByteLength);
    checkRange(cx, "string", ptr, dstByteLength, dstAlignment);
    byte[] encoded = src.getBytes(dstEncoding);
    cx.memory().write((int) ptr, encoded, 0, encoded.length);
    return new CanonicalAbi.Range(ptr, srcCodeUnits);
  }

  private static CanonicalAbi.Range storeStringToUtf8(
      LiftLowerContext cx, String src, long srcCodeUnits, long worstCaseSize) {
    Memory m = cx.memory();
    long ptr = cx.allocate(1, srcCodeUnits);
    checkBounds(cx, ptr, srcCodeUnits);
    int ascii = 0;
    while (ascii < src.length() && src.charAt(ascii) < 0x80) {
      ascii++;
    }
    byte[] prefix = new byte[ascii];
    for (int i = 0; i < ascii; i++) {
      prefix[i] = (byte) src.charAt(i);
    }
    m.write((int) ptr, prefix, 0, ascii);
    if (ascii == src.length()) {
      return new CanonicalAbi.Range(ptr, srcCodeUnits);
    }
    ptr = cx.reallocate(ptr, srcCodeUnits, 1, worstCaseSize);
    checkBounds(cx, ptr, worstCaseSize);
    byte[] encoded = src.getBytes(StandardCharsets.UTF_8);
    m.write((int) (ptr + ascii), encoded, ascii, encoded.length - ascii);
    if (worstCaseSize > encoded.length) {
      ptr = cx.reallocate(ptr, worstCaseSize, 1, encoded.length);
      checkBounds(cx, ptr, encoded.length);
    }
    return new CanonicalAbi.Range(ptr, encoded.length);
  }

  private static CanonicalAbi.Range storeUtf8ToUtf16(
      LiftLowerContext cx, String src, long srcCodeUnits) {
    long worstCaseSize = 2 * srcCodeUnits;
    long ptr = cx.allocate(2, worstCaseSize);
    checkRange(cx, "string", ptr, worstCaseSize, 2);
    byte[] encoded = src.getBytes(StandardCharsets.UTF_16LE);
    cx.memory().write((int) ptr, encoded, 0, encoded.length);
    if (encoded.length < worstCaseSize) {
      ptr = cx.reallocate(ptr, worstCaseSize, 2, encoded.length);
      checkRange(cx, "string", ptr, encoded.length, 2);
    }
    return new CanonicalAbi.Range(ptr, encoded.length / 2);
  }

  private static CanonicalAbi.Range storeStringToLatin1OrUtf16(
      LiftLowerContext cx, String src, long srcCodeUnits) {
    Memory m = cx.memory();
    long ptr = cx.allocate(2, srcCodeUnits);
    checkRange(cx, "string", ptr, srcCodeUnits, 2);
    int latin1 = 0;
    while (latin1 < src.length() && src.charAt(latin1) < 0x100) {
      latin1++;
    }
    byte[] prefix = src.substring(0, latin1).getBytes(StandardCharsets.ISO_8859_1);
    m.write((int) ptr, prefix, 0, latin1);
    int dstByteLength = latin1;
    if (latin1 < src.length()) {
      long worstCaseSize = 2 * srcCodeUnits;
      ptr = cx.reallocate(ptr, srcCodeUnits, 2, worstCaseSize);
      checkRange(cx, "string", ptr, worstCaseSize, 2);
      byte[] narrow = new byte[dstByteLength];
      m.read((int) ptr, narrow, 0, dstByteLength);
      byte[] wide = new byte[2 * dstByteLength];
      for (int j = 0; j < dstByteLength; j++) {
        wide[2 * j] = narrow[j];
      }
      m.write((int) ptr, wide, 0, wide.length);
      byte[] encoded = src.getBytes(StandardCharsets.UTF_16LE);
      m.write(
          (int) (ptr + 2L * dstByteLength),
          encoded,
          2 * dstByteLength,
          encoded.length - 2 * dstByteLength);
      if (worstCaseSize > encoded.length) {
        ptr = cx.reallocate(ptr, worstCaseSize, 2, encoded.length);
        checkRange(cx, "string", ptr, encoded.length, 2);
      }
      return new CanonicalAbi.Range(ptr, (encoded.length / 2) | UTF16_TAG);
    }
    if (dstByteLength < srcCodeUnits) {
      ptr = cx.reallocate(ptr, srcCodeUnits, 2, dstByteLength);
      checkRange(cx, "string", ptr, dstByteLength, 2);
    }
    return new CanonicalAbi.Range(ptr, dstByteLength);
  }

  private static CanonicalAbi.Range storeProbablyUtf16ToLatin1OrUtf16(
      LiftLowerContext cx, String src, long srcCodeUnits) {
    Memory m = cx.memory();
    long srcByteLength = 2 * srcCodeUnits;
    long ptr = cx.allocate(2, srcByteLength);
    checkRange(cx, "string", ptr, srcByteLength, 2);
    byte[] encoded = src.getBytes(StandardCharsets.UTF_16LE);
    m.write((int) ptr, encoded, 0, encoded.length);
    if (!isLatin1(src)) {
      return new CanonicalAbi.Range(ptr, (encoded.length / 2) | UTF16_TAG);
    }
    int latin1Size = encoded.length / 2;
    byte[] wide = new byte[encoded.length];
    m.read((int) ptr, wide, 0, wide.length);
    byte[] narrow = new byte[latin1Size];
    for (int i = 0; i < latin1Size; i++) {
      narrow[i] = wide[2 * i];
    }
    m.write((int) ptr, narrow, 0, latin1Size);
    ptr = cx.reallocate(ptr, srcByteLength, 1, latin1Size);
    checkBounds(cx, ptr, latin1Size);
    return new CanonicalAbi.Range(ptr, latin1Size);
  }
}
