package dev.wasidl.nativetests;

import static dev.wasidl.nativetests.Natives.fn;
import static dev.wasidl.nativetests.Natives.leaves;
import static dev.wasidl.nativetests.Natives.ret;
import static dev.wasidl.nativetests.Natives.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.wasidl.ffm.Alloc;
import dev.wasidl.ffm.FfiType;
import dev.wasidl.ffm.Function;
import dev.wasidl.ffm.IncomingStruct;
import dev.wasidl.ffm.Library;
import dev.wasidl.ffm.OutgoingPrimitive;
import dev.wasidl.ffm.OutgoingValue;
import dev.wasidl.ffm.PrimitiveType;
import dev.wasidl.ffm.Signature;
import dev.wasidl.ffm.StructType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Structs by value as arguments and results, one per x86-64 SysV classification, plus out-params
 * and arguments that spill to the stack, through libwasidl_structs.
 */
class StructsByValueTest {
  private static Library lib;

  /** Two sample values per struct, as leaves (depth first); a + b wraps only where C would. */
  private static final Map<String, List<List<Double>>> SAMPLES =
      Map.ofEntries(
          Map.entry("CI", List.of(List.of(100.0, 70000.0), List.of(100.0, -3.0))),
          Map.entry("FF", List.of(List.of(1.5, -2.25), List.of(0.5, 4.0))),
          Map.entry("FFF", List.of(List.of(1.0, 2.0, 3.0), List.of(10.0, 20.0, 30.5))),
          Map.entry("DD", List.of(List.of(1e10, -0.125), List.of(2.5, 3.0))),
          Map.entry("IF", List.of(List.of(-7.0, 0.75), List.of(8.0, 0.25))),
          Map.entry(
              "LLL", List.of(List.of(1.0, -(double) (1L << 40), 3.0), List.of(4.0, 5.0, 6.0))),
          Map.entry("CCC", List.of(List.of(1.0, -2.0, 100.0), List.of(3.0, 4.0, 100.0))),
          Map.entry("DI", List.of(List.of(0.5, 123456.0), List.of(0.25, -6.0))),
          Map.entry("SC", List.of(List.of(-30000.0, 5.0), List.of(1000.0, -6.0))),
          Map.entry("I8I64", List.of(List.of(-100.0, (double) (1L << 50)), List.of(-28.0, 1.0))),
          Map.entry(
              "Outer",
              List.of(List.of(1.0, 2.0, 3.5, 4.5, 5.0), List.of(10.0, 20.0, 30.0, 40.0, 50.0))),
          Map.entry("F16", List.of(range(1, 16), range(101, 16))));

  static final List<String> STRUCTS =
      CStructs.ALL.keySet().stream().filter(n -> !n.equals("Ptrs")).toList();

  private static List<Double> range(int from, int n) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add((double) (from + i));
    }
    return out;
  }

  @BeforeAll
  static void open() {
    lib = Natives.open("wasidl_structs");
  }

  @AfterAll
  static void close() {
    lib.close();
  }

  /** C's result of a + b leaf by leaf, with signed char wrap-around. */
  private static List<Double> sum(StructType type, List<Double> a, List<Double> b) {
    List<PrimitiveType> kinds = flatTypes(type);
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      double s = a.get(i) + b.get(i);
      out.add(
          switch (kinds.get(i)) {
            case C_SCHAR, INT8_T -> (double) (byte) s;
            case C_FLOAT -> (double) (float) s;
            default -> s;
          });
    }
    return out;
  }

  private static List<PrimitiveType> flatTypes(FfiType type) {
    return switch (type) {
      case PrimitiveType p -> List.of(p);
      case StructType st ->
          st.fields().stream().flatMap(f -> flatTypes(f).stream()).collect(Collectors.toList());
    };
  }

  /** The arguments of make_x/fill_x: one per top-level field. */
  private static List<OutgoingValue> fieldArgs(StructType type, List<Double> leaves) {
    Iterator<Double> it = leaves.iterator();
    List<OutgoingValue> args = new ArrayList<>();
    for (FfiType f : type.fields()) {
      args.add(value(f, it));
    }
    return args;
  }

  private static String fieldTypes(StructType type) {
    return type.fields().stream().map(FfiType::witName).collect(Collectors.joining(", "));
  }

  @ParameterizedTest
  @FieldSource("STRUCTS")
  void makeAddSumAndFill(String name) {
    StructType type = CStructs.ALL.get(name).type();
    String x = name.toLowerCase(Locale.ROOT);
    String t = type.witName();
    List<Double> a = SAMPLES.get(name).get(0);
    List<Double> b = SAMPLES.get(name).get(1);

    Function make = fn(lib, "make_" + x, "(" + fieldTypes(type) + ") -> " + t);
    IncomingStruct made = (IncomingStruct) make.call(fieldArgs(type, a)).orElseThrow();
    assertEquals(type, made.type());
    assertEquals(a, leaves(made), name + " make");

    Function add = fn(lib, "add_" + x, "(" + t + ", " + t + ") -> " + t);
    IncomingStruct added =
        (IncomingStruct)
            add.call(value(type, a.iterator()), value(type, b.iterator())).orElseThrow();
    assertEquals(sum(type, a, b), leaves(added), name + " add");

    Function total = fn(lib, "sum_" + x, "(" + t + ") -> c-double");
    double expected = a.stream().mapToDouble(Double::doubleValue).sum();
    assertEquals(expected, ret(total.call(value(type, a.iterator()))).getF64(), name + " sum");
    assertFalse(total.hasRawPath());

    try (Alloc out = Alloc.allocate(type)) {
      Function fill = fn(lib, "fill_" + x, "(pointer, " + fieldTypes(type) + ")");
      List<OutgoingValue> args = new ArrayList<>();
      args.add(OutgoingPrimitive.ofAddress(out));
      args.addAll(fieldArgs(type, b));
      assertFalse(fill.call(args).isPresent());
      assertEquals(b, leaves(out.readStruct()), name + " fill");
    }
  }

  private static final String SPILL_ARGS =
      "c-int, c-int, c-int, c-int, c-int, c-int, c-int, c-int, "
          + "c-double, c-double, c-double, c-double, c-double, c-double, c-double, c-double, c-double, c-double, "
          + "struct{c-double, c-double}, struct{c-schar, c-int}, c-long";

  private static List<OutgoingValue> spillArgs() {
    List<Double> leaves = range(1, 23);
    Signature sig = Signature.parse("(" + SPILL_ARGS + ")");
    Iterator<Double> it = leaves.iterator();
    List<OutgoingValue> args = new ArrayList<>();
    for (FfiType p : sig.params()) {
      args.add(value(p, it));
    }
    return args;
  }

  @Test
  void argumentsThatSpillToTheStack() {
    assertEquals(
        4324.0,
        ret(fn(lib, "spill", "(" + SPILL_ARGS + ") -> c-double").call(spillArgs())).getF64());
    IncomingStruct lll =
        (IncomingStruct)
            fn(lib, "spill_lll", "(" + SPILL_ARGS + ") -> struct{c-long, c-long, c-long}")
                .call(spillArgs())
                .orElseThrow();
    assertEquals(List.of(4324.0, 8.0, 23.0), leaves(lll));
    IncomingStruct dd =
        (IncomingStruct)
            fn(lib, "spill_dd", "(" + SPILL_ARGS + ") -> struct{c-double, c-double}")
                .call(spillArgs())
                .orElseThrow();
    assertEquals(List.of(4324.0, 18.0), leaves(dd));
  }

  @Test
  void structOfPointers() {
    StructType ptrs = CStructs.ALL.get("Ptrs").type();
    try (Alloc name = Alloc.allocate(PrimitiveType.POINTER);
        Alloc data = Alloc.allocate(PrimitiveType.C_INT);
        Alloc out = Alloc.allocate(ptrs);
        var fnSymbol = lib.get("ptrs_fn")) {
      name.writeString("abc");
      data.writePrimitive(OutgoingPrimitive.ofSigned(PrimitiveType.C_INT, 7));
      OutgoingValue value =
          new dev.wasidl.ffm.OutgoingStruct(
              List.of(
                  OutgoingPrimitive.ofAddress(name),
                  OutgoingPrimitive.ofAddress(data),
                  OutgoingPrimitive.ofUnsigned(PrimitiveType.POINTER, fnSymbol.address())));
      Function call = fn(lib, "call_ptrs", "(" + ptrs.witName() + ") -> c-int");
      assertEquals(307, ret(call.call(value)).getS32());
      IncomingStruct made =
          (IncomingStruct)
              fn(lib, "make_ptrs", "(pointer, pointer, pointer) -> " + ptrs.witName())
                  .call(
                      OutgoingPrimitive.ofAddress(name),
                      OutgoingPrimitive.ofAddress(data),
                      OutgoingPrimitive.ofUnsigned(PrimitiveType.POINTER, fnSymbol.address()))
                  .orElseThrow();
      assertEquals("abc", made.primitive(0).getAlloc().readString());
      assertEquals(7, made.primitive(1).getAlloc(PrimitiveType.C_INT).readPrimitive().getS32());
      assertEquals(fnSymbol.address(), made.primitive(2).getU64());
      // and the function pointer inside the struct is callable through from-alloc
      Function inner =
          Function.fromAlloc(
              made.primitive(2).getAlloc(), Signature.parse("(c-int, c-int) -> c-int"));
      assertEquals(
          1203,
          ret(inner.call(
                  OutgoingPrimitive.ofSigned(PrimitiveType.C_INT, 12),
                  OutgoingPrimitive.ofSigned(PrimitiveType.C_INT, 3)))
              .getS32());
      fn(lib, "fill_ptrs", "(pointer, pointer, pointer, pointer)")
          .call(
              OutgoingPrimitive.ofAddress(out),
              OutgoingPrimitive.ofAddress(name),
              OutgoingPrimitive.ofAddress(data),
              OutgoingPrimitive.ofUnsigned(PrimitiveType.POINTER, fnSymbol.address()));
      assertEquals(name.address(), out.readStruct().primitive(0).getU64());
    }
  }
}
