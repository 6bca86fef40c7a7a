package dev.wasidl.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The resolved types' WIT spellings, resource identity, and the range checks of values. */
class TypesTest {
  @Test
  void witSpellings() {
    ResourceType file = ResourceType.host("file");
    FuncType f =
        new FuncType(
            List.of(
                new FuncType.Param("self", new BorrowType(file)),
                new FuncType.Param("opts", FlagsType.of("read", "write")),
                new FuncType.Param(
                    "at", new OptionType(TupleType.of(Primitive.U64, Primitive.CHAR)))),
            Optional.of(
                new ResultType(
                    Optional.of(new ListType(Primitive.U8)),
                    Optional.of(EnumType.of("eof", "denied")))));
    assertEquals(
        "func(self: borrow<file>, opts: flags { read, write }, at: option<tuple<u64, char>>)"
            + " -> result<list<u8>, enum { eof, denied }>",
        f.toString());
    assertEquals("result", new ResultType(Optional.empty(), Optional.empty()).toString());
    assertEquals(
        "result<_, string>",
        new ResultType(Optional.empty(), Optional.of(Primitive.STRING)).toString());
    assertEquals(
        "result<string>",
        new ResultType(Optional.of(Primitive.STRING), Optional.empty()).toString());
    assertEquals(
        "variant { a(own<file>), b }",
        VariantType.of(VariantType.Case.of("a", new OwnType(file)), VariantType.Case.of("b"))
            .toString());
    assertEquals(
        "record { x: s32, y: f64 }",
        RecordType.of(
                new RecordType.Field("x", Primitive.S32), new RecordType.Field("y", Primitive.F64))
            .toString());
  }

  @Test
  void resourcesAreEqualOnlyToThemselves() {
    ResourceType a = ResourceType.guest("r");
    ResourceType b = ResourceType.guest("r");
    assertNotEquals(a, b);
    assertNotEquals(new OwnType(a), new OwnType(b));
    assertEquals(new OwnType(a), new OwnType(a));
    assertEquals(ResourceType.Definer.HOST, ResourceType.host("h").definer());
  }

  @Test
  void emptyAggregatesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new RecordType(List.of()));
    assertThrows(IllegalArgumentException.class, () -> new TupleType(List.of()));
    assertThrows(IllegalArgumentException.class, () -> new VariantType(List.of()));
    assertThrows(IllegalArgumentException.class, () -> new EnumType(List.of()));
    assertThrows(IllegalArgumentException.class, () -> new FlagsType(List.of()));
  }

  @Test
  void valueRanges() {
    assertThrows(IllegalArgumentException.class, () -> new Val.U8(256));
    assertThrows(IllegalArgumentException.class, () -> new Val.U8(-1));
    assertThrows(IllegalArgumentException.class, () -> new Val.U16(65536));
    assertThrows(IllegalArgumentException.class, () -> new Val.U32(1L << 32));
    assertThrows(IllegalArgumentException.class, () -> new Val.Char(0xd800));
    assertThrows(IllegalArgumentException.class, () -> new Val.Char(0x110000));
    assertEquals("4294967295", new Val.U32(0xffffffffL).toString());
    assertEquals("18446744073709551615", new Val.U64(-1).toString());
  }

  @Test
  void valuesCompareByContent() {
    assertEquals(new Val.F32(Float.NaN), new Val.F32(Float.intBitsToFloat(0x7fc00000)));
    assertNotEquals(new Val.F64(0.0), new Val.F64(-0.0));
    assertEquals(Val.Flags.of("a", "b"), Val.Flags.of("b", "a"));
    assertEquals(
        "{x: 1, y: some(ok(\"s\"))}",
        new Val.RecordVal(
                List.of(
                    new Val.Field("x", new Val.S32(1)),
                    new Val.Field(
                        "y", new Val.OptionVal(Optional.of(Val.ResultVal.ok(new Val.Str("s")))))))
            .toString());
  }
}
