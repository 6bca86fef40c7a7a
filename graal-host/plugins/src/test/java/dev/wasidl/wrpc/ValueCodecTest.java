package dev.wasidl.wrpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.types.BorrowType;
import dev.wasidl.types.EnumType;
import dev.wasidl.types.FlagsType;
import dev.wasidl.types.ListType;
import dev.wasidl.types.OptionType;
import dev.wasidl.types.OwnType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.RecordType;
import dev.wasidl.types.ResourceType;
import dev.wasidl.types.ResultType;
import dev.wasidl.types.TupleType;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import dev.wasidl.types.VariantType;
import java.io.EOFException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The value definition encoding, type by type, to the byte: each value encodes to the bytes the
 * component model's Binary.md (and wRPC's encoders: wrpc-wasmtime's ValEncoder, wrpc's JS value.js)
 * give, and those bytes decode back to it.
 */
class ValueCodecTest {
  private static final ResourceType BUCKET = ResourceType.host("bucket");

  /** Handles as their bytes: rep n is the one-byte handle n. */
  private static final WireHandles BYTES =
      new WireHandles() {
        @Override
        public byte[] encode(ResourceType type, Val value) {
          int rep = value instanceof Val.Own o ? o.rep() : ((Val.Borrow) value).rep();
          return new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) rep};
        }

        @Override
        public Val decode(ResourceType type, boolean own, byte[] handle) {
          int rep = handle[3] & 0xff;
          return own ? new Val.Own(rep) : new Val.Borrow(rep);
        }
      };

  static final VariantType KV_ERROR =
      VariantType.of(
          VariantType.Case.of("no-such-store"),
          VariantType.Case.of("access-denied"),
          VariantType.Case.of("other", Primitive.STRING));

  private static byte[] encode(Type t, Val v) throws WrpcException {
    WireWriter w = new WireWriter();
    ValueCodec.encode(t, v, BYTES, w);
    return w.toByteArray();
  }

  private static Val decode(Type t, String hex) throws Exception {
    WireReader r = new WireReader(HexFormat.of().parseHex(hex));
    Val v = ValueCodec.decode(t, r, BYTES);
    assertTrue(r.atEnd(), "bytes left over");
    return v;
  }

  /** {@code v} of {@code t} is exactly {@code hex}, and back. */
  private static void vector(Type t, Val v, String hex) throws Exception {
    assertEquals(hex, HexFormat.of().formatHex(encode(t, v)), t + " " + v);
    assertEquals(v, decode(t, hex), t + " " + hex);
  }

  @Test
  void bool() throws Exception {
    vector(Primitive.BOOL, new Val.Bool(false), "00");
    vector(Primitive.BOOL, new Val.Bool(true), "01");
    assertThrows(WrpcException.class, () -> decode(Primitive.BOOL, "02"));
  }

  @Test
  void eightBitIntegersAreOneByte() throws Exception {
    vector(Primitive.S8, new Val.S8((byte) -1), "ff");
    vector(Primitive.S8, new Val.S8((byte) -128), "80");
    vector(Primitive.U8, new Val.U8(255), "ff");
    vector(Primitive.U8, new Val.U8(127), "7f");
  }

  @Test
  void widerIntegersAreLeb128SignedForSigned() throws Exception {
    vector(Primitive.U32, new Val.U32(624485), "e58e26");
    vector(Primitive.S32, new Val.S32(-123456), "c0bb78");
    vector(Primitive.S16, new Val.S16((short) -1), "7f");
    vector(Primitive.S16, new Val.S16((short) 63), "3f");
    vector(Primitive.S16, new Val.S16((short) 64), "c000");
    vector(Primitive.S16, new Val.S16(Short.MIN_VALUE), "80807e");
    vector(Primitive.S16, new Val.S16(Short.MAX_VALUE), "ffff01");
    vector(Primitive.U16, new Val.U16(65535), "ffff03");
    vector(Primitive.U32, new Val.U32(0), "00");
    vector(Primitive.U32, new Val.U32(0xffff_ffffL), "ffffffff0f");
    vector(Primitive.S32, new Val.S32(Integer.MIN_VALUE), "8080808078");
    vector(Primitive.S32, new Val.S32(Integer.MAX_VALUE), "ffffffff07");
    vector(Primitive.U64, new Val.U64(-1L), "ffffffffffffffffff01");
    vector(Primitive.S64, new Val.S64(Long.MIN_VALUE), "8080808080808080807f");
    vector(Primitive.S64, new Val.S64(Long.MAX_VALUE), "ffffffffffffffffff00");
    vector(Primitive.S64, new Val.S64(-1L), "7f");
  }

  @Test
  void integersOutOfRangeOrTooLongAreRefused() {
    assertThrows(WrpcException.class, () -> decode(Primitive.U16, "808004"));
    assertThrows(WrpcException.class, () -> decode(Primitive.U32, "ffffffff1f"));
    assertThrows(WrpcException.class, () -> decode(Primitive.U32, "808080808000"));
    assertThrows(WrpcException.class, () -> decode(Primitive.S16, "808002"));
    assertThrows(WrpcException.class, () -> decode(Primitive.U64, "ffffffffffffffffff03"));
    assertThrows(WrpcException.class, () -> decode(Primitive.S64, "ffffffffffffffffff01"));
    assertThrows(EOFException.class, () -> decode(Primitive.U32, "8080"));
  }

  @Test
  void floatsAreLittleEndianIeee754() throws Exception {
    vector(Primitive.F32, new Val.F32(1.5f), "0000c03f");
    vector(Primitive.F64, new Val.F64(-2.25), "00000000000002c0");
    vector(Primitive.F64, new Val.F64(Double.NEGATIVE_INFINITY), "000000000000f0ff");
  }

  @Test
  void charIsItsUtf8AndStringALengthAndUtf8() throws Exception {
    vector(Primitive.CHAR, new Val.Char('a'), "61");
    vector(Primitive.CHAR, new Val.Char(0x20ac), "e282ac");
    vector(Primitive.CHAR, new Val.Char(0x1f600), "f09f9880");
    vector(Primitive.STRING, new Val.Str(""), "00");
    vector(Primitive.STRING, new Val.Str("hi"), "026869");
    vector(Primitive.STRING, new Val.Str("wRPC \uD83D\uDC4B"), "097752504320f09f918b");
    assertThrows(WrpcException.class, () -> decode(Primitive.STRING, "02c328"));
    assertThrows(WrpcException.class, () -> decode(Primitive.CHAR, "80"));
    assertThrows(
        WrpcException.class, () -> encode(Primitive.STRING, new Val.Str("\uD800 unpaired")));
    assertThrows(EOFException.class, () -> decode(Primitive.STRING, "0568"));
  }

  @Test
  void listsRecordsAndTuples() throws Exception {
    vector(
        new ListType(Primitive.U8),
        new Val.ListVal(List.of(new Val.U8(1), new Val.U8(2), new Val.U8(255))),
        "030102ff");
    vector(
        new ListType(Primitive.STRING),
        new Val.ListVal(List.of(new Val.Str("a"), new Val.Str("bc"))),
        "020161026263");
    RecordType keyResponse =
        RecordType.of(
            new RecordType.Field("keys", new ListType(Primitive.STRING)),
            new RecordType.Field("cursor", new OptionType(Primitive.STRING)));
    vector(
        keyResponse,
        new Val.RecordVal(
            List.of(
                new Val.Field("keys", new Val.ListVal(List.of(new Val.Str("a")))),
                new Val.Field("cursor", new Val.OptionVal(Optional.of(new Val.Str("n")))))),
        "010161" + "01016e");
    vector(
        TupleType.of(Primitive.U8, Primitive.STRING, Primitive.BOOL),
        new Val.Tuple(List.of(new Val.U8(7), new Val.Str("x"), new Val.Bool(true))),
        "07017801");
  }

  @Test
  void variantsAndEnumsAreACaseIndex() throws Exception {
    vector(KV_ERROR, new Val.Variant("access-denied", Optional.empty()), "01");
    vector(KV_ERROR, new Val.Variant("other", Optional.of(new Val.Str("boom"))), "0204626f6f6d");
    vector(EnumType.of("red", "green", "blue"), new Val.EnumVal("green"), "01");
    assertThrows(WrpcException.class, () -> decode(KV_ERROR, "03"));
  }

  @Test
  void optionsAndResultsAreAByteThenThePayload() throws Exception {
    OptionType opt = new OptionType(Primitive.U32);
    vector(opt, new Val.OptionVal(Optional.of(new Val.U32(42))), "012a");
    vector(opt, new Val.OptionVal(Optional.empty()), "00");
    ResultType r = ResultType.of(Primitive.STRING, Primitive.U32);
    vector(r, Val.ResultVal.ok(new Val.Str("fine")), "000466696e65");
    vector(r, Val.ResultVal.err(new Val.U32(7)), "0107");
    ResultType unit = new ResultType(Optional.empty(), Optional.of(KV_ERROR));
    vector(unit, Val.ResultVal.ok(), "00");
    vector(unit, Val.ResultVal.err(new Val.Variant("no-such-store", Optional.empty())), "0100");
    vector(new ResultType(Optional.empty(), Optional.empty()), Val.ResultVal.err(), "01");
    assertThrows(WrpcException.class, () -> decode(opt, "02"));
    assertThrows(WrpcException.class, () -> decode(r, "02"));
  }

  @Test
  void flagsAreLittleEndianBitsInWholeBytes() throws Exception {
    FlagsType rwx = FlagsType.of("read", "write", "exec");
    vector(rwx, Val.Flags.of("read", "exec"), "05");
    vector(rwx, Val.Flags.of(), "00");
    FlagsType nine = FlagsType.of("a", "b", "c", "d", "e", "f", "g", "h", "i");
    vector(nine, Val.Flags.of("b", "i"), "0201");
    assertThrows(WrpcException.class, () -> decode(rwx, "08"));
  }

  @Test
  void resourceHandlesAreOpaqueByteLists() throws Exception {
    vector(new OwnType(BUCKET), new Val.Own(0xef), "04deadbeef");
    vector(new BorrowType(BUCKET), new Val.Borrow(7), "04deadbe07");
    ResultType open = ResultType.of(new OwnType(BUCKET), KV_ERROR);
    vector(open, Val.ResultVal.ok(new Val.Own(1)), "0004deadbe01");
  }

  @Test
  void aValueOfAnotherTypeIsRefused() {
    assertThrows(WrpcException.class, () -> encode(Primitive.U32, new Val.S32(1)));
    assertThrows(
        WrpcException.class, () -> encode(KV_ERROR, new Val.Variant("nope", Optional.empty())));
    assertThrows(
        WrpcException.class, () -> encode(KV_ERROR, new Val.Variant("other", Optional.empty())));
    assertThrows(WrpcException.class, () -> encode(FlagsType.of("a"), Val.Flags.of("b")));
  }

  @Test
  void writerLeb128MatchesTheReader() throws Exception {
    for (long v :
        new long[] {0, 1, 63, 64, 127, 128, -1, -64, -65, Long.MIN_VALUE, Long.MAX_VALUE}) {
      byte[] s = new WireWriter().sleb(v).toByteArray();
      assertEquals(v, new WireReader(s).sleb(64));
      byte[] u = new WireWriter().uleb(v).toByteArray();
      assertEquals(v, new WireReader(u).uleb(64));
    }
    assertArrayEquals(
        new byte[] {(byte) 0xe5, (byte) 0x8e, 0x26}, new WireWriter().uleb(624485).toByteArray());
  }
}
