package dev.wasidl.types;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A component value: one record per WIT type. A value carries no type; the type travels beside it
 * (as in the canonical ABI's {@code lift}, {@code lower}, {@code load} and {@code store}). Unsigned
 * integers use a wider Java carrier ({@code u8}/{@code u16} an {@code int}, {@code u32} a {@code
 * long}) and are range-checked on construction, except {@code u64}, whose {@code long} holds the 64
 * bits (read it with {@link Long#toUnsignedString(long)}).
 */
public sealed interface Val {
  /** {@code bool}. */
  record Bool(boolean value) implements Val {
    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /** {@code s8}. */
  record S8(byte value) implements Val {
    @Override
    public String toString() {
      return Byte.toString(value);
    }
  }

  /** {@code u8}, 0 to 255. */
  record U8(int value) implements Val {
    public U8 {
      checkRange(value, 0xffL, "u8");
    }

    @Override
    public String toString() {
      return Integer.toString(value);
    }
  }

  /** {@code s16}. */
  record S16(short value) implements Val {
    @Override
    public String toString() {
      return Short.toString(value);
    }
  }

  /** {@code u16}, 0 to 65535. */
  record U16(int value) implements Val {
    public U16 {
      checkRange(value, 0xffffL, "u16");
    }

    @Override
    public String toString() {
      return Integer.toString(value);
    }
  }

  /** {@code s32}. */
  record S32(int value) implements Val {
    @Override
    public String toString() {
      return Integer.toString(value);
    }
  }

  /** {@code u32}, 0 to 2^32-1. */
  record U32(long value) implements Val {
    public U32 {
      checkRange(value, 0xffff_ffffL, "u32");
    }

    @Override
    public String toString() {
      return Long.toString(value);
    }
  }

  /** {@code s64}. */
  record S64(long value) implements Val {
    @Override
    public String toString() {
      return Long.toString(value);
    }
  }

  /** {@code u64}: the 64 bits, unsigned. */
  record U64(long value) implements Val {
    @Override
    public String toString() {
      return Long.toUnsignedString(value);
    }
  }

  /** {@code f32}. Equality is {@link Float#compare}'s: NaN equals NaN, 0.0 differs from -0.0. */
  record F32(float value) implements Val {
    @Override
    public String toString() {
      return Float.toString(value);
    }
  }

  /** {@code f64}. Equality is {@link Double#compare}'s. */
  record F64(double value) implements Val {
    @Override
    public String toString() {
      return Double.toString(value);
    }
  }

  /** {@code char}: a Unicode scalar value (no surrogates, at most U+10FFFF). */
  record Char(int codePoint) implements Val {
    public Char {
      if (codePoint < 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
        throw new IllegalArgumentException(
            "not a Unicode scalar value: 0x" + Integer.toHexString(codePoint));
      }
    }

    @Override
    public String toString() {
      return "'" + Character.toString(codePoint) + "'";
    }
  }

  /** {@code string}. Lowering traps if it holds an unpaired surrogate. */
  record Str(String value) implements Val {
    public Str {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return '"' + value + '"';
    }
  }

  /** {@code list<T>}. */
  record ListVal(List<Val> elements) implements Val {
    public ListVal {
      // a U8List is immutable already: copying it would make an object per byte
      elements = elements instanceof U8List bytes ? bytes : List.copyOf(elements);
    }

    @Override
    public String toString() {
      return elements.toString();
    }
  }

  /** A record's field value. */
  record Field(String name, Val value) {
    public Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return name + ": " + value;
    }
  }

  /** {@code record}: (name, value) pairs in the type's field order. */
  record RecordVal(List<Field> fields) implements Val {
    public RecordVal {
      fields = List.copyOf(fields);
    }

    /** The value of field {@code name}. */
    public Optional<Val> get(String name) {
      return fields.stream().filter(f -> f.name().equals(name)).map(Field::value).findFirst();
    }

    @Override
    public String toString() {
      return fields.stream().map(Field::toString).collect(Collectors.joining(", ", "{", "}"));
    }
  }

  /** {@code tuple<...>}. */
  record Tuple(List<Val> values) implements Val {
    public Tuple {
      values = List.copyOf(values);
    }

    @Override
    public String toString() {
      return values.stream().map(Val::toString).collect(Collectors.joining(", ", "(", ")"));
    }
  }

  /** {@code variant}: the case name and its payload, if the case has one. */
  record Variant(String caseName, Optional<Val> payload) implements Val {
    public Variant {
      Objects.requireNonNull(caseName, "caseName");
      Objects.requireNonNull(payload, "payload");
    }

    @Override
    public String toString() {
      return payload.map(p -> caseName + "(" + p + ")").orElse(caseName);
    }
  }

  /** {@code enum}: the case name. */
  record EnumVal(String caseName) implements Val {
    public EnumVal {
      Objects.requireNonNull(caseName, "caseName");
    }

    @Override
    public String toString() {
      return caseName;
    }
  }

  /** {@code option<T>}. */
  record OptionVal(Optional<Val> value) implements Val {
    public OptionVal {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return value.map(v -> "some(" + v + ")").orElse("none");
    }
  }

  /** {@code result<ok?, error?>}: which side, and its payload if that side has a type. */
  record ResultVal(boolean isOk, Optional<Val> payload) implements Val {
    public ResultVal {
      Objects.requireNonNull(payload, "payload");
    }

    public static ResultVal ok(Val payload) {
      return new ResultVal(true, Optional.of(payload));
    }

    public static ResultVal ok() {
      return new ResultVal(true, Optional.empty());
    }

    public static ResultVal err(Val payload) {
      return new ResultVal(false, Optional.of(payload));
    }

    public static ResultVal err() {
      return new ResultVal(false, Optional.empty());
    }

    @Override
    public String toString() {
      return (isOk ? "ok" : "err") + payload.map(p -> "(" + p + ")").orElse("");
    }
  }

  /** {@code flags}: the names that are set (order is not significant). */
  record Flags(Set<String> names) implements Val {
    public Flags {
      names = Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }

    public static Flags of(String... names) {
      return new Flags(new LinkedHashSet<>(List.of(names)));
    }

    @Override
    public String toString() {
      return String.join(" | ", names);
    }
  }

  /**
   * {@code own<R>}: the resource's representation, as its implementation knows it (the {@code i32}
   * given to {@code resource.new} for a guest resource, the host's own key for a host one).
   */
  record Own(int rep) implements Val {
    @Override
    public String toString() {
      return "own(" + Integer.toUnsignedString(rep) + ")";
    }
  }

  /** {@code borrow<R>}: the borrowed resource's representation (see {@link Own}). */
  record Borrow(int rep) implements Val {
    @Override
    public String toString() {
      return "borrow(" + Integer.toUnsignedString(rep) + ")";
    }
  }

  private static void checkRange(long value, long max, String type) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(value + " is out of range for " + type);
    }
  }
}
