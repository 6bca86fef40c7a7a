package dev.wasidl.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wasidl.testkit.component.Json;
import dev.wasidl.types.EnumType;
import dev.wasidl.types.FlagsType;
import dev.wasidl.types.ListType;
import dev.wasidl.types.OptionType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.RecordType;
import dev.wasidl.types.ResultType;
import dev.wasidl.types.TupleType;
import dev.wasidl.types.Type;
import dev.wasidl.types.Val;
import dev.wasidl.types.VariantType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The JSON form of values that DifferentialTest compares with node's output, both directions. */
class JsValuesTest {
  private final JsValues values = new JsValues();

  private void roundTrip(Type type, Val value, String json) {
    assertEquals(json, Json.write(values.encodeArg(type, value)));
    assertEquals(value, values.decode(type, Json.parse(json)));
  }

  @Test
  void numbersAreWrittenAsJavaScriptWritesThem() {
    assertEquals("0", Json.number(-0.0));
    assertEquals("100", Json.number(100.0));
    assertEquals("0.1", Json.number(0.1));
    assertEquals("1e+21", Json.number(1e21));
    assertEquals("100000000000000000000", Json.number(1e20));
    assertEquals("0.000001", Json.number(1e-6));
    assertEquals("1e-7", Json.number(1e-7));
    assertEquals("1.5e-7", Json.number(1.5e-7));
    assertEquals("5e-324", Json.number(Double.MIN_VALUE)); // Java: 4.9E-324
    assertEquals("1.7976931348623157e+308", Json.number(Double.MAX_VALUE));
    assertEquals("-4611686016279904000", Json.number(-4.611686016279904e18));
    assertEquals("0.10000000149011612", Json.number(0.1f));
  }

  @Test
  void stringsAreQuotedAsJsonStringifyQuotesThem() {
    assertEquals("\"a\\\"b\\\\c\\n\\u0000\\u001f\u007f\"", Json.quote("a\"b\\c\n\0\u001f\u007f"));
    assertEquals("\"😀\\ud800x\\udc00\"", Json.quote("😀\ud800x\udc00"));
    assertEquals("😀\ud800", ((Json.Str) Json.parse("\"😀\\ud800\"")).value());
  }

  @Test
  void everyTypeInJcosForm() {
    roundTrip(Primitive.U64, new Val.U64(-1), "\"18446744073709551615\"");
    roundTrip(Primitive.S64, new Val.S64(Long.MIN_VALUE), "\"-9223372036854775808\"");
    roundTrip(Primitive.F64, new Val.F64(-0.0), "\"-0\"");
    roundTrip(Primitive.F32, new Val.F32(Float.NEGATIVE_INFINITY), "\"-Infinity\"");
    roundTrip(Primitive.F32, new Val.F32(Float.NaN), "\"NaN\"");
    roundTrip(Primitive.CHAR, new Val.Char(0x1f600), "\"😀\"");
    roundTrip(new ListType(Primitive.U8), new Val.ListVal(List.of(new Val.U8(255))), "[255]");
    roundTrip(
        RecordType.of(new RecordType.Field("home-dir", Primitive.STRING)),
        new Val.RecordVal(List.of(new Val.Field("home-dir", new Val.Str("/")))),
        "{\"homeDir\":\"/\"}");
    VariantType shape =
        VariantType.of(VariantType.Case.of("rect", Primitive.S8), VariantType.Case.of("none"));
    roundTrip(
        shape,
        new Val.Variant("rect", Optional.of(new Val.S8((byte) -1))),
        "{\"tag\":\"rect\",\"val\":-1}");
    roundTrip(shape, new Val.Variant("none", Optional.empty()), "{\"tag\":\"none\"}");
    roundTrip(EnumType.of("a-b"), new Val.EnumVal("a-b"), "\"a-b\"");
    roundTrip(
        FlagsType.of("read", "no-exec"),
        Val.Flags.of("no-exec"),
        "{\"read\":false,\"noExec\":true}");
    roundTrip(new OptionType(Primitive.U32), new Val.OptionVal(Optional.empty()), "null");
    roundTrip(
        ResultType.of(Primitive.BOOL, Primitive.STRING),
        Val.ResultVal.err(new Val.Str("e")),
        "{\"tag\":\"err\",\"val\":\"e\"}");
    roundTrip(
        new ResultType(Optional.empty(), Optional.empty()), Val.ResultVal.ok(), "{\"tag\":\"ok\"}");
    roundTrip(
        TupleType.of(Primitive.BOOL, Primitive.U16),
        new Val.Tuple(List.of(new Val.Bool(true), new Val.U16(65535))),
        "[true,65535]");
  }

  @Test
  void decodingIsStrict() {
    assertThrows(
        IllegalArgumentException.class, () -> values.decode(Primitive.U8, Json.parse("256")));
    assertThrows(
        IllegalArgumentException.class, () -> values.decode(Primitive.U64, Json.parse("1")));
    assertThrows(
        IllegalArgumentException.class, () -> values.decode(Primitive.CHAR, Json.parse("\"ab\"")));
    assertThrows(
        IllegalArgumentException.class, () -> values.decode(Primitive.F32, Json.parse("0.1")));
    assertThrows(
        IllegalArgumentException.class, () -> values.decode(FlagsType.of("a"), Json.parse("{}")));
  }
}
