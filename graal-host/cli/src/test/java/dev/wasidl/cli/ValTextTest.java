package dev.wasidl.cli;

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
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ValText}: WAVE text of every WIT type, both ways, and its error messages. */
class ValTextTest {
  private static final RecordType POINT =
      RecordType.of(
          new RecordType.Field("x", Primitive.S32), new RecordType.Field("y-pos", Primitive.S32));
  private static final RecordType PERSON =
      RecordType.of(
          new RecordType.Field("name", Primitive.STRING),
          new RecordType.Field("home", new OptionType(POINT)),
          new RecordType.Field("nick", new OptionType(Primitive.STRING)));
  private static final VariantType SHAPE =
      VariantType.of(
          VariantType.Case.of("circle", Primitive.F64),
          VariantType.Case.of("rect", POINT),
          VariantType.Case.of("none"));
  private static final EnumType COLOR = EnumType.of("red", "green", "blue");
  private static final FlagsType PERMS = FlagsType.of("read", "write", "exec");

  /** Parses {@code text}, checks the value, and checks printing gives {@code printed} back. */
  private static void roundTrip(Type type, String text, Val expected, String printed) {
    Val v = ValText.parse(type, text);
    assertEquals(expected, v, text);
    assertEquals(printed, ValText.print(type, v));
    assertEquals(expected, ValText.parse(type, printed), printed);
  }

  private static void roundTrip(Type type, String text, Val expected) {
    roundTrip(type, text, expected, text);
  }

  private static ValTextException error(Type type, String text) {
    return assertThrows(ValTextException.class, () -> ValText.parse(type, text));
  }

  private static void error(Type type, String text, int column, String messagePart) {
    ValTextException e = error(type, text);
    assertEquals(column, e.column(), e.getMessage());
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    assertTrue(e.getMessage().endsWith("at column " + column), e.getMessage());
  }

  @Test
  void bools() {
    roundTrip(Primitive.BOOL, "true", new Val.Bool(true));
    roundTrip(Primitive.BOOL, "false", new Val.Bool(false));
    error(Primitive.BOOL, "yes", 1, "expected true or false");
    error(Primitive.BOOL, "%true", 1, "expected true or false");
  }

  @Test
  void integersAtTheirEdges() {
    roundTrip(Primitive.S8, "-128", new Val.S8((byte) -128));
    roundTrip(Primitive.S8, "127", new Val.S8((byte) 127));
    roundTrip(Primitive.U8, "255", new Val.U8(255));
    roundTrip(Primitive.S16, "-32768", new Val.S16((short) -32768));
    roundTrip(Primitive.U16, "65535", new Val.U16(65535));
    roundTrip(Primitive.S32, "-2147483648", new Val.S32(Integer.MIN_VALUE));
    roundTrip(Primitive.U32, "4294967295", new Val.U32(0xffff_ffffL));
    roundTrip(Primitive.S64, "-9223372036854775808", new Val.S64(Long.MIN_VALUE));
    roundTrip(Primitive.S64, "9223372036854775807", new Val.S64(Long.MAX_VALUE));
    roundTrip(Primitive.U64, "18446744073709551615", new Val.U64(-1L));
    roundTrip(Primitive.U64, "0", new Val.U64(0));
    roundTrip(Primitive.S32, "  42 ", new Val.S32(42), "42");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "s8|128|integer 128 out of range for s8 (-128 to 127)",
        "s8|-129|out of range for s8",
        "u8|256|integer 256 out of range for u8 (0 to 255)",
        "u8|-1|integer -1 out of range for u8",
        "s16|32768|out of range for s16",
        "u16|65536|out of range for u16",
        "s32|2147483648|out of range for s32",
        "u32|4294967296|out of range for u32",
        "s64|9223372036854775808|out of range for s64",
        "u64|18446744073709551616|out of range for u64",
        "u64|-1|out of range for u64"
      })
  void integersOutOfRange(String type, String text, String message) {
    error(primitive(type), "  " + text, 3, message);
  }

  @Test
  void malformedIntegers() {
    error(Primitive.U32, "007", 1, "leading zeros");
    error(Primitive.U32, "1.5", 1, "got a fractional number");
    error(Primitive.U32, "1e3", 1, "got a fractional number");
    error(Primitive.U32, "+1", 1, "expected an integer (u32), got '+'");
    error(Primitive.U32, "12abc", 1, "expected an integer (u32)");
    error(Primitive.U32, "", 1, "got the end of the text");
    error(Primitive.U32, "1 2", 3, "unexpected '2' after the value");
  }

  @Test
  void floats() {
    roundTrip(Primitive.F64, "1.5", new Val.F64(1.5));
    roundTrip(Primitive.F64, "-0.0", new Val.F64(-0.0));
    roundTrip(Primitive.F64, "42", new Val.F64(42), "42.0");
    roundTrip(Primitive.F64, "6.022e+23", new Val.F64(6.022e23), "6.022e23");
    roundTrip(Primitive.F64, "1e-7", new Val.F64(1e-7), "1e-7");
    roundTrip(Primitive.F64, "nan", new Val.F64(Double.NaN));
    roundTrip(Primitive.F64, "inf", new Val.F64(Double.POSITIVE_INFINITY));
    roundTrip(Primitive.F64, "-inf", new Val.F64(Double.NEGATIVE_INFINITY));
    roundTrip(Primitive.F64, "4.9e-324", new Val.F64(Double.MIN_VALUE));
    roundTrip(Primitive.F64, "1.7976931348623157e308", new Val.F64(Double.MAX_VALUE));
    roundTrip(Primitive.F32, "0.1", new Val.F32(0.1f));
    roundTrip(Primitive.F32, "3.4028235e38", new Val.F32(Float.MAX_VALUE));
    roundTrip(Primitive.F32, "nan", new Val.F32(Float.NaN));
    roundTrip(Primitive.F32, "-inf", new Val.F32(Float.NEGATIVE_INFINITY));
    // Rounded once, from the decimal text: just below the halfway point 1 + 3 * 2^-24 between two
    // floats it is the lower one; through a double (which rounds it to the halfway point, then to
    // the even float) it would be the upper one.
    assertEquals(
        new Val.F32(Float.intBitsToFloat(0x3f800001)),
        ValText.parse(Primitive.F32, "1.000000178813934326171874999999"));
  }

  @Test
  void malformedFloats() {
    error(Primitive.F64, "1.", 3, "expected digits after '.'");
    error(Primitive.F64, ".5", 1, "expected a number, got '.'");
    error(Primitive.F64, "1e", 3, "expected digits in the exponent");
    error(Primitive.F64, "NaN", 1, "expected a number");
    error(Primitive.F64, "infinity", 1, "expected a number");
    error(Primitive.F64, "1e999", 1, "number out of range for f64");
    error(Primitive.F32, "1e39", 1, "number out of range for f32");
    error(Primitive.F64, "00.5", 1, "leading zeros");
  }

  @Test
  void chars() {
    roundTrip(Primitive.CHAR, "'x'", new Val.Char('x'));
    roundTrip(Primitive.CHAR, "'☃'", new Val.Char('☃'));
    roundTrip(Primitive.CHAR, "'😀'", new Val.Char(0x1f600));
    roundTrip(Primitive.CHAR, "'\\''", new Val.Char('\''));
    roundTrip(Primitive.CHAR, "'\"'", new Val.Char('"'));
    roundTrip(Primitive.CHAR, "'\\n'", new Val.Char('\n'));
    roundTrip(Primitive.CHAR, "'\\u{0}'", new Val.Char(0));
    roundTrip(Primitive.CHAR, "'\\u{1F600}'", new Val.Char(0x1f600), "'😀'");
    roundTrip(Primitive.CHAR, "'\\u{10ffff}'", new Val.Char(0x10ffff));
  }

  @Test
  void invalidChars() {
    error(Primitive.CHAR, "''", 1, "empty char");
    error(Primitive.CHAR, "'ab'", 3, "a char holds one Unicode scalar value");
    error(Primitive.CHAR, "'a", 1, "unterminated char");
    error(Primitive.CHAR, "x", 1, "expected a char in single quotes, got 'x'");
    error(Primitive.CHAR, "'\\u{d800}'", 2, "\\u{d800} is not a Unicode scalar value");
    error(Primitive.CHAR, "'\\u{110000}'", 2, "is not a Unicode scalar value");
    error(Primitive.CHAR, "'\\x41'", 2, "invalid escape \\x");
    error(Primitive.CHAR, "'\\u41'", 2, "expected \\u{hex digits}");
    error(Primitive.CHAR, "'\\u{}'", 2, "expected \\u{hex digits}");
    error(Primitive.CHAR, "'\ud800'", 2, "unpaired surrogate");
  }

  @Test
  void strings() {
    roundTrip(Primitive.STRING, "\"\"", new Val.Str(""));
    roundTrip(Primitive.STRING, "\"abc\\t123\"", new Val.Str("abc\t123"));
    roundTrip(Primitive.STRING, "\"a\\nb\\r\\\\ \\\" '\"", new Val.Str("a\nb\r\\ \" '"));
    roundTrip(Primitive.STRING, "\"👋 Hello\"", new Val.Str("👋 Hello"));
    roundTrip(Primitive.STRING, "\"\\u{7f}\\u{1}\"", new Val.Str("\u007f\u0001"));
    roundTrip(Primitive.STRING, "\"\\u{48}i\"", new Val.Str("Hi"), "\"Hi\"");
  }

  @Test
  void invalidStrings() {
    error(Primitive.STRING, "\"abc", 1, "unterminated string");
    error(Primitive.STRING, "\"a\nb\"", 3, "a line break must be written \\n");
    error(Primitive.STRING, "\"\\q\"", 2, "invalid escape \\q");
    error(Primitive.STRING, "\"\\", 2, "unterminated escape");
    error(Primitive.STRING, "'a'", 1, "expected a string in double quotes");
    ValTextException e = error(Primitive.STRING, "\n  \"\\z\"");
    assertEquals(2, e.line());
    assertEquals(4, e.column());
    assertTrue(e.getMessage().endsWith("at line 2, column 4"), e.getMessage());
    assertEquals("  \"\\z\"\n   ^", e.pointer());
  }

  @Test
  void lists() {
    ListType bytes = new ListType(Primitive.U8);
    roundTrip(bytes, "[]", new Val.ListVal(List.of()));
    roundTrip(bytes, "[1, 2, 3]", list(new Val.U8(1), new Val.U8(2), new Val.U8(3)));
    roundTrip(bytes, "[ 1 ,2, ]", list(new Val.U8(1), new Val.U8(2)), "[1, 2]");
    roundTrip(
        new ListType(new ListType(Primitive.STRING)),
        "[[\"a\"], []]",
        list(list(new Val.Str("a")), list()));
    error(bytes, "[1, 256]", 5, "out of range for u8");
    error(bytes, "[1 2]", 4, "expected ',' or ']', got '2'");
    error(bytes, "[1,", 4, "got the end of the text");
    error(bytes, "1", 1, "expected '['");
  }

  @Test
  void records() {
    Val p = rec(field("x", new Val.S32(1)), field("y-pos", new Val.S32(-2)));
    roundTrip(POINT, "{x: 1, y-pos: -2}", p);
    roundTrip(POINT, "{ y-pos: -2 , x:1, }", p, "{x: 1, y-pos: -2}");
    roundTrip(POINT, "{%x: 1, y-pos: -2}", p, "{x: 1, y-pos: -2}");
    error(POINT, "{x: 1}", 1, "missing field `y-pos`");
    error(POINT, "{x: 1, z: 2}", 8, "no field `z`");
    error(POINT, "{x: 1, x: 2}", 8, "field `x` given twice");
    error(POINT, "{x 1}", 4, "expected ':' after the field name");
    error(POINT, "{X: 1}", 2, "no field `X`");
    error(POINT, "{x-: 1}", 4, "expected a word after '-'");
    error(POINT, "{xY: 1}", 2, "mixed-case word");
  }

  @Test
  void recordOptionFieldsMayBeLeftOut() {
    Val none = new Val.OptionVal(Optional.empty());
    roundTrip(
        PERSON,
        "{name: \"ann\"}",
        rec(field("name", new Val.Str("ann")), field("home", none), field("nick", none)),
        "{name: \"ann\", home: none, nick: none}");
    RecordType allOptional = RecordType.of(new RecordType.Field("a", new OptionType(Primitive.U8)));
    roundTrip(allOptional, "{:}", rec(field("a", none)), "{a: none}");
    error(POINT, "{:}", 1, "missing field `x`");
  }

  @Test
  void tuples() {
    TupleType t = TupleType.of(Primitive.U8, Primitive.STRING, Primitive.F64);
    roundTrip(t, "(1, \"x\", 2.5)", tuple(new Val.U8(1), new Val.Str("x"), new Val.F64(2.5)));
    roundTrip(TupleType.of(Primitive.BOOL), "(true,)", tuple(new Val.Bool(true)), "(true)");
    error(t, "(1, \"x\")", 1, "a tuple<u8, string, f64> needs 3 elements, got 2");
    error(t, "(1, \"x\", 2.5, 3)", 15, "too many tuple elements");
  }

  @Test
  void variants() {
    roundTrip(SHAPE, "circle(1.5)", new Val.Variant("circle", Optional.of(new Val.F64(1.5))));
    roundTrip(
        SHAPE,
        "rect({x: 1, y-pos: 2})",
        new Val.Variant(
            "rect", Optional.of(rec(field("x", new Val.S32(1)), field("y-pos", new Val.S32(2))))));
    roundTrip(SHAPE, "%none", new Val.Variant("none", Optional.empty()));
    roundTrip(SHAPE, "none", new Val.Variant("none", Optional.empty()), "%none");
    roundTrip(
        SHAPE,
        "circle ( 2.0 )",
        new Val.Variant("circle", Optional.of(new Val.F64(2))),
        "circle(2.0)");
    error(SHAPE, "square(1)", 1, "no case `square`");
    error(SHAPE, "circle", 7, "`circle` needs a payload: circle(<f64>)");
    error(SHAPE, "none(1)", 5, "`none` has no payload");
    error(SHAPE, "circle(1", 9, "expected ')' after the payload");
  }

  @Test
  void enums() {
    roundTrip(COLOR, "green", new Val.EnumVal("green"));
    roundTrip(COLOR, "%blue", new Val.EnumVal("blue"), "blue");
    roundTrip(EnumType.of("ok", "err"), "%ok", new Val.EnumVal("ok"));
    error(COLOR, "purple", 1, "no case `purple` in enum { red, green, blue }");
    error(COLOR, "1", 1, "expected a name, got '1'");
  }

  @Test
  void options() {
    OptionType o = new OptionType(Primitive.U32);
    roundTrip(o, "some(5)", new Val.OptionVal(Optional.of(new Val.U32(5))));
    roundTrip(o, "none", new Val.OptionVal(Optional.empty()));
    roundTrip(o, "5", new Val.OptionVal(Optional.of(new Val.U32(5))), "some(5)");
    OptionType nested = new OptionType(new OptionType(Primitive.U32));
    roundTrip(
        nested, "some(none)", new Val.OptionVal(Optional.of(new Val.OptionVal(Optional.empty()))));
    roundTrip(
        new OptionType(COLOR),
        "red",
        new Val.OptionVal(Optional.of(new Val.EnumVal("red"))),
        "some(red)");
    error(o, "some", 5, "`some` needs a payload");
    error(o, "none(1)", 5, "`none` has no payload");
  }

  @Test
  void results() {
    ResultType r = ResultType.of(Primitive.U32, Primitive.STRING);
    roundTrip(r, "ok(1)", Val.ResultVal.ok(new Val.U32(1)));
    roundTrip(r, "err(\"bad\")", Val.ResultVal.err(new Val.Str("bad")));
    roundTrip(r, "7", Val.ResultVal.ok(new Val.U32(7)), "ok(7)");
    ResultType empty = new ResultType(Optional.empty(), Optional.empty());
    roundTrip(empty, "ok", Val.ResultVal.ok());
    roundTrip(empty, "err", Val.ResultVal.err());
    ResultType errOnly = new ResultType(Optional.empty(), Optional.of(Primitive.STRING));
    roundTrip(errOnly, "ok", Val.ResultVal.ok());
    roundTrip(errOnly, "err(\"e\")", Val.ResultVal.err(new Val.Str("e")));
    error(empty, "maybe", 1, "expected ok or err");
    error(r, "ok", 3, "`ok` needs a payload");
    error(empty, "err(1)", 4, "`err` has no payload");
  }

  @Test
  void flags() {
    roundTrip(PERMS, "{read, exec}", Val.Flags.of("read", "exec"));
    roundTrip(PERMS, "{}", Val.Flags.of());
    roundTrip(PERMS, "{exec, read,}", Val.Flags.of("exec", "read"), "{read, exec}");
    error(PERMS, "{read, admin}", 8, "no flag `admin`");
    error(PERMS, "{read, read}", 8, "flag `read` given twice");
    error(PERMS, "read", 1, "expected '{'");
  }

  @Test
  void commentsAndWhitespace() {
    assertEquals(
        list(new Val.U8(1), new Val.U8(2)),
        ValText.parse(new ListType(Primitive.U8), "[1, // one\n 2]\n// done"));
  }

  @Test
  void resourcesHaveNoTextForm() {
    ResourceType blob = ResourceType.guest("blob");
    error(new OwnType(blob), "1", 1, "resources cannot be written as values (own<blob>)");
    error(new BorrowType(blob), "1", 1, "resources cannot be written as values");
    assertEquals("own(3)", ValText.print(new OwnType(blob), new Val.Own(3)));
  }

  @Test
  void argumentLists() {
    List<Type> types = List.of(Primitive.U32, Primitive.STRING);
    String call = "f(1, \"a\")";
    assertEquals(List.of(new Val.U32(1), new Val.Str("a")), ValText.parseArgs(types, call, 1));
    assertEquals(List.of(), ValText.parseArgs(List.of(), "g()", 1));
    assertEquals(
        List.of(new Val.U32(1), new Val.Str("a")), ValText.parseArgs(types, "f( 1 , \"a\" , )", 1));
    ValTextException few =
        assertThrows(ValTextException.class, () -> ValText.parseArgs(types, "f(1)", 1));
    assertTrue(
        few.getMessage().startsWith("too few arguments: the function takes 2 arguments, got 1"),
        few.getMessage());
    ValTextException many =
        assertThrows(ValTextException.class, () -> ValText.parseArgs(types, "f(1, \"a\", 3)", 1));
    assertEquals(11, many.column(), many.getMessage());
    assertTrue(many.getMessage().startsWith("too many arguments"), many.getMessage());
    ValTextException bad =
        assertThrows(ValTextException.class, () -> ValText.parseArgs(types, "f(x, \"a\")", 1));
    assertEquals(3, bad.column());
    assertEquals("f(x, \"a\")\n  ^", bad.pointer());
    assertEquals("(1, \"a\")", ValText.printArgs(types, List.of(new Val.U32(1), new Val.Str("a"))));
  }

  private static Primitive primitive(String name) {
    return Primitive.valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }

  private static Val.ListVal list(Val... elements) {
    return new Val.ListVal(List.of(elements));
  }

  private static Val.Tuple tuple(Val... values) {
    return new Val.Tuple(List.of(values));
  }

  private static Val.Field field(String name, Val v) {
    return new Val.Field(name, v);
  }

  private static Val.RecordVal rec(Val.Field... fields) {
    return new Val.RecordVal(List.of(fields));
  }
}
