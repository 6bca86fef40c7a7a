package dev.wasidl.wrpc;

import dev.wasidl.types.BorrowType;
import dev.wasidl.types.EnumType;
import dev.wasidl.types.FlagsType;
import dev.wasidl.types.ListType;
import dev.wasidl.types.OptionType;
import dev.wasidl.types.OwnType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.RecordType;
import dev.wasidl.types.ResultType;
import dev.wasidl.types.TupleType;
import dev.wasidl.types.Type;
import dev.wasidl.types.U8List;
import dev.wasidl.types.Val;
import dev.wasidl.types.VariantType;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The component model's value definition encoding (Binary.md, "Value definitions"), as wRPC puts
 * values on the wire: {@code bool} a byte, {@code s8}/{@code u8} a byte, wider integers LEB128
 * (signed for {@code sN}), floats little-endian IEEE 754, {@code char} its UTF-8 bytes, {@code
 * string} a LEB128 byte length and UTF-8, {@code list} a LEB128 length and the elements, records
 * and tuples their members in order, variants and enums a LEB128 case index (and the payload),
 * {@code option}/{@code result} a byte 0/1 (and the payload), flags ceil(n/8) little-endian bytes,
 * resource handles opaque {@code list<u8>} ({@link WireHandles}).
 */
public final class ValueCodec {
  /** Most elements of a list other than {@code list<u8>}: a peer cannot make us allocate more. */
  static final long MAX_LENGTH = 1L << 26;

  private ValueCodec() {}

  /** Appends {@code value} of {@code type} to {@code out}. */
  public static void encode(Type type, Val value, WireHandles handles, WireWriter out)
      throws WrpcException {
    switch (type) {
      case Primitive p -> primitive(p, value, out);
      case ListType l -> {
        Val.ListVal list = cast(value, Val.ListVal.class, type);
        if (l.element() == Primitive.U8 && list.elements() instanceof U8List bytes) {
          out.uleb(bytes.size()).bytes(bytes.toByteArray());
          return;
        }
        out.uleb(list.elements().size());
        for (Val e : list.elements()) {
          encode(l.element(), e, handles, out);
        }
      }
      case RecordType r -> {
        List<Val.Field> fields = cast(value, Val.RecordVal.class, type).fields();
        if (fields.size() != r.fields().size()) {
          throw mismatch(type, value);
        }
        for (int i = 0; i < fields.size(); i++) {
          encode(r.fields().get(i).type(), fields.get(i).value(), handles, out);
        }
      }
      case TupleType t -> {
        List<Val> values = cast(value, Val.Tuple.class, type).values();
        if (values.size() != t.types().size()) {
          throw mismatch(type, value);
        }
        for (int i = 0; i < values.size(); i++) {
          encode(t.types().get(i), values.get(i), handles, out);
        }
      }
      case VariantType v -> {
        Val.Variant x = cast(value, Val.Variant.class, type);
        int index = v.indexOf(x.caseName());
        if (index < 0) {
          throw mismatch(type, value);
        }
        out.uleb(index);
        payload(v.cases().get(index).type(), x.payload(), handles, out, type, value);
      }
      case EnumType e -> {
        int index = e.names().indexOf(cast(value, Val.EnumVal.class, type).caseName());
        if (index < 0) {
          throw mismatch(type, value);
        }
        out.uleb(index);
      }
      case OptionType o -> {
        Optional<Val> v = cast(value, Val.OptionVal.class, type).value();
        out.u8(v.isPresent() ? 1 : 0);
        if (v.isPresent()) {
          encode(o.type(), v.get(), handles, out);
        }
      }
      case ResultType r -> {
        Val.ResultVal v = cast(value, Val.ResultVal.class, type);
        out.u8(v.isOk() ? 0 : 1);
        payload(v.isOk() ? r.ok() : r.error(), v.payload(), handles, out, type, value);
      }
      case FlagsType f -> {
        Set<String> set = cast(value, Val.Flags.class, type).names();
        byte[] bits = new byte[(f.names().size() + 7) / 8];
        for (String name : set) {
          int i = f.names().indexOf(name);
          if (i < 0) {
            throw mismatch(type, value);
          }
          bits[i / 8] |= (byte) (1 << (i % 8));
        }
        out.bytes(bits);
      }
      case OwnType o -> {
        cast(value, Val.Own.class, type);
        handle(handles.encode(o.resource(), value), out);
      }
      case BorrowType b -> {
        cast(value, Val.Borrow.class, type);
        handle(handles.encode(b.resource(), value), out);
      }
    }
  }

  private static <T> T cast(Val value, Class<T> c, Type type) throws WrpcException {
    if (c.isInstance(value)) {
      return c.cast(value);
    }
    throw mismatch(type, value);
  }

  private static void payload(
      Optional<Type> type, Optional<Val> payload, WireHandles h, WireWriter out, Type t, Val v)
      throws WrpcException {
    if (type.isPresent() != payload.isPresent()) {
      throw mismatch(t, v);
    }
    if (type.isPresent()) {
      encode(type.get(), payload.get(), h, out);
    }
  }

  private static void handle(byte[] handle, WireWriter out) {
    out.uleb(handle.length).bytes(handle);
  }

  private static void primitive(Primitive p, Val value, WireWriter out) throws WrpcException {
    switch (p) {
      case BOOL -> out.u8(cast(value, Val.Bool.class, p).value() ? 1 : 0);
      case S8 -> out.u8(cast(value, Val.S8.class, p).value() & 0xff);
      case U8 -> out.u8(cast(value, Val.U8.class, p).value());
      case S16 -> out.sleb(cast(value, Val.S16.class, p).value());
      case U16 -> out.uleb(cast(value, Val.U16.class, p).value());
      case S32 -> out.sleb(cast(value, Val.S32.class, p).value());
      case U32 -> out.uleb(cast(value, Val.U32.class, p).value());
      case S64 -> out.sleb(cast(value, Val.S64.class, p).value());
      case U64 -> out.uleb(cast(value, Val.U64.class, p).value());
      case F32 ->
          out.bytes(
              ByteBuffer.allocate(4)
                  .order(ByteOrder.LITTLE_ENDIAN)
                  .putFloat(cast(value, Val.F32.class, p).value())
                  .array());
      case F64 ->
          out.bytes(
              ByteBuffer.allocate(8)
                  .order(ByteOrder.LITTLE_ENDIAN)
                  .putDouble(cast(value, Val.F64.class, p).value())
                  .array());
      case CHAR ->
          out.bytes(
              Character.toString(cast(value, Val.Char.class, p).codePoint())
                  .getBytes(StandardCharsets.UTF_8));
      case STRING -> {
        String s = cast(value, Val.Str.class, p).value();
        for (int i = 0; i < s.length(); i++) {
          char c = s.charAt(i);
          if (Character.isSurrogate(c)) {
            if (!Character.isHighSurrogate(c)
                || i + 1 == s.length()
                || !Character.isLowSurrogate(s.charAt(i + 1))) {
              throw new WrpcException("a string with an unpaired surrogate cannot be encoded");
            }
            i++;
          }
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.uleb(utf8.length).bytes(utf8);
      }
    }
  }

  /**
   * Reads a value of {@code type}.
   *
   * @throws EOFException if {@code in} ends before the value does (more bytes may complete it)
   * @throws WrpcException if the bytes are not a value of {@code type}
   */
  public static Val decode(Type type, WireReader in, WireHandles handles)
      throws EOFException, WrpcException {
    in.weigh(Budget.VALUE_COST);
    return switch (type) {
      case Primitive p -> primitive(p, in);
      // list<u8> stays bytes: one byte each, not one value each
      case ListType l when l.element() == Primitive.U8 ->
          new Val.ListVal(U8List.copyOf(in.bytes(in.uleb(32))));
      case ListType l -> {
        long n = length(in);
        List<Val> elements = new ArrayList<>((int) Math.min(n, 1024));
        for (long i = 0; i < n; i++) {
          elements.add(decode(l.element(), in, handles));
        }
        yield new Val.ListVal(elements);
      }
      case RecordType r -> {
        List<Val.Field> fields = new ArrayList<>(r.fields().size());
        for (RecordType.Field f : r.fields()) {
          fields.add(new Val.Field(f.name(), decode(f.type(), in, handles)));
        }
        yield new Val.RecordVal(fields);
      }
      case TupleType t -> {
        List<Val> values = new ArrayList<>(t.types().size());
        for (Type m : t.types()) {
          values.add(decode(m, in, handles));
        }
        yield new Val.Tuple(values);
      }
      case VariantType v -> {
        VariantType.Case c = v.cases().get(index(in, v.cases().size(), type));
        Optional<Val> payload =
            c.type().isPresent()
                ? Optional.of(decode(c.type().get(), in, handles))
                : Optional.empty();
        yield new Val.Variant(c.name(), payload);
      }
      case EnumType e -> new Val.EnumVal(e.names().get(index(in, e.names().size(), type)));
      case OptionType o ->
          switch (in.u8()) {
            case 0 -> new Val.OptionVal(Optional.empty());
            case 1 -> new Val.OptionVal(Optional.of(decode(o.type(), in, handles)));
            default -> throw new WrpcException("bad option discriminant for " + type);
          };
      case ResultType r ->
          switch (in.u8()) {
            case 0 -> new Val.ResultVal(true, decodeIfPresent(r.ok(), in, handles));
            case 1 -> new Val.ResultVal(false, decodeIfPresent(r.error(), in, handles));
            default -> throw new WrpcException("bad result discriminant for " + type);
          };
      case FlagsType f -> {
        byte[] bits = in.bytes((f.names().size() + 7) / 8);
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < bits.length * 8; i++) {
          if ((bits[i / 8] & (1 << (i % 8))) != 0) {
            if (i >= f.names().size()) {
              throw new WrpcException("flag bit " + i + " set beyond " + type);
            }
            names.add(f.names().get(i));
          }
        }
        yield new Val.Flags(names);
      }
      case OwnType o -> handles.decode(o.resource(), true, in.bytes(in.uleb(32)));
      case BorrowType b -> handles.decode(b.resource(), false, in.bytes(in.uleb(32)));
    };
  }

  private static Optional<Val> decodeIfPresent(Optional<Type> t, WireReader in, WireHandles h)
      throws EOFException, WrpcException {
    return t.isPresent() ? Optional.of(decode(t.get(), in, h)) : Optional.empty();
  }

  private static int index(WireReader in, int count, Type type) throws EOFException, WrpcException {
    long i = in.uleb(32);
    if (i >= count) {
      throw new WrpcException("case index " + i + " out of range for " + type);
    }
    return (int) i;
  }

  private static long length(WireReader in) throws EOFException, WrpcException {
    long n = in.uleb(32);
    if (n > MAX_LENGTH) {
      throw new WrpcException("length " + n + " exceeds the limit of " + MAX_LENGTH);
    }
    return n;
  }

  private static Val primitive(Primitive p, WireReader in) throws EOFException, WrpcException {
    return switch (p) {
      case BOOL ->
          switch (in.u8()) {
            case 0 -> new Val.Bool(false);
            case 1 -> new Val.Bool(true);
            default -> throw new WrpcException("bad bool byte");
          };
      case S8 -> new Val.S8((byte) in.u8());
      case U8 -> new Val.U8(in.u8());
      case S16 -> new Val.S16((short) in.sleb(16));
      case U16 -> new Val.U16((int) in.uleb(16));
      case S32 -> new Val.S32((int) in.sleb(32));
      case U32 -> new Val.U32(in.uleb(32));
      case S64 -> new Val.S64(in.sleb(64));
      case U64 -> new Val.U64(in.uleb(64));
      case F32 ->
          new Val.F32(ByteBuffer.wrap(in.bytes(4)).order(ByteOrder.LITTLE_ENDIAN).getFloat());
      case F64 ->
          new Val.F64(ByteBuffer.wrap(in.bytes(8)).order(ByteOrder.LITTLE_ENDIAN).getDouble());
      case CHAR -> new Val.Char(utf8Char(in));
      // byte strings: bounded by the bytes there are (the message's limit, or the buffer)
      case STRING -> new Val.Str(utf8(in.bytes(in.uleb(32))));
    };
  }

  private static int utf8Char(WireReader in) throws EOFException, WrpcException {
    int b0 = in.u8();
    int n = b0 < 0x80 ? 1 : (b0 & 0xe0) == 0xc0 ? 2 : (b0 & 0xf0) == 0xe0 ? 3 : 4;
    if (b0 >= 0xf8 || (b0 & 0xc0) == 0x80) {
      throw new WrpcException("bad UTF-8 in char");
    }
    byte[] b = new byte[n];
    b[0] = (byte) b0;
    for (int i = 1; i < n; i++) {
      b[i] = (byte) in.u8();
    }
    String s = utf8(b);
    if (s.codePointCount(0, s.length()) != 1) {
      throw new WrpcException("bad UTF-8 in char");
    }
    return s.codePointAt(0);
  }

  private static String utf8(byte[] b) throws WrpcException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      throw new WrpcException("bad UTF-8 in string");
    }
  }

  private static WrpcException mismatch(Type type, Val value) {
    return new WrpcException("value " + value + " is not a " + type);
  }
}
