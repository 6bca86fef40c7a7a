package dev.wasidl.abi;

import dev.wasidl.types.Primitive;
import java.util.ArrayList;
import java.util.List;

/**
 * A value type's {@code elem_size} and {@code alignment} (the spec's "Alignment" and "Element Size"
 * sections), built from its parts' so that every walker of types (the resolved {@link
 * dev.wasidl.types.Type}s here, the validator's type indices, the WIT bindings generator) shares
 * one statement of the rules. Strings and lists are a pointer and a length of {@code pointerSize}
 * bytes each: 4 in a 32-bit memory, 8 where validation bounds sizes for 64-bit memories.
 */
public record SizeAlign(long size, int alignment) {
  /** An {@code own} or {@code borrow} handle: an {@code i32}. */
  public static final SizeAlign HANDLE = new SizeAlign(4, 4);

  public SizeAlign {
    if (size < 0 || Integer.bitCount(alignment) != 1) {
      throw new IllegalArgumentException("size " + size + ", alignment " + alignment);
    }
  }

  public static SizeAlign of(Primitive p, int pointerSize) {
    return switch (p) {
      case BOOL, S8, U8 -> new SizeAlign(1, 1);
      case S16, U16 -> new SizeAlign(2, 2);
      case S32, U32, F32, CHAR -> new SizeAlign(4, 4);
      case S64, U64, F64 -> new SizeAlign(8, 8);
      case STRING -> list(pointerSize);
    };
  }

  /** A {@code list<T>} or {@code string}: pointer and length. */
  public static SizeAlign list(int pointerSize) {
    return new SizeAlign(2L * pointerSize, pointerSize);
  }

  /** {@code flags} with {@code n} labels: 1, 2 or 4 bytes, then a word per 32. */
  public static SizeAlign flags(int n) {
    if (n <= 8) {
      return new SizeAlign(1, 1);
    }
    if (n <= 16) {
      return new SizeAlign(2, 2);
    }
    return new SizeAlign(4L * i32Flags(n), 4);
  }

  /** How many {@code i32}s hold {@code n} flags (one, except beyond the spec's limit of 32). */
  public static int i32Flags(int n) {
    return (n + 31) / 32;
  }

  /** A record or tuple of {@code fields}, in order. */
  public static SizeAlign record(List<SizeAlign> fields) {
    long s = 0;
    int align = 1;
    for (SizeAlign f : fields) {
      s = alignTo(s, f.alignment()) + f.size();
      align = Math.max(align, f.alignment());
    }
    return new SizeAlign(alignTo(s, align), align);
  }

  /** Each field's offset in a record or tuple of {@code fields}. */
  public static List<Long> offsets(List<SizeAlign> fields) {
    List<Long> out = new ArrayList<>(fields.size());
    long s = 0;
    for (SizeAlign f : fields) {
      s = alignTo(s, f.alignment());
      out.add(s);
      s += f.size();
    }
    return out;
  }

  /**
   * A variant (or enum, option, result) of {@code caseCount} cases, whose cases with a payload have
   * {@code payloads}: the discriminant, then the widest payload at {@link #payloadOffset}.
   */
  public static SizeAlign variant(int caseCount, List<SizeAlign> payloads) {
    long caseSize = 0;
    for (SizeAlign p : payloads) {
      caseSize = Math.max(caseSize, p.size());
    }
    int align = Math.max(discriminantSize(caseCount), maxAlignment(payloads));
    return new SizeAlign(alignTo(payloadOffset(caseCount, payloads) + caseSize, align), align);
  }

  /** Where a variant's payload starts: after the discriminant, at the payloads' alignment. */
  public static long payloadOffset(int caseCount, List<SizeAlign> payloads) {
    return alignTo(discriminantSize(caseCount), maxAlignment(payloads));
  }

  /** The bytes of the discriminant of {@code caseCount} cases: a u8, u16 or u32. */
  public static int discriminantSize(int caseCount) {
    if (caseCount <= 0) {
      throw new IllegalArgumentException("a variant needs at least one case");
    }
    return caseCount <= 1 << 8 ? 1 : caseCount <= 1 << 16 ? 2 : 4;
  }

  private static int maxAlignment(List<SizeAlign> parts) {
    int a = 1;
    for (SizeAlign p : parts) {
      a = Math.max(a, p.alignment());
    }
    return a;
  }

  /** {@code ptr} rounded up to a multiple of {@code alignment}. */
  public static long alignTo(long ptr, long alignment) {
    return (ptr + alignment - 1) / alignment * alignment;
  }
}
