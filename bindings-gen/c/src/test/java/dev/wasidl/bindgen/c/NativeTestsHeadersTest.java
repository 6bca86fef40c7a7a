package dev.wasidl.bindgen.c;

import static dev.wasidl.ffm.PrimitiveType.C_DOUBLE;
import static dev.wasidl.ffm.PrimitiveType.C_FLOAT;
import static dev.wasidl.ffm.PrimitiveType.C_INT;
import static dev.wasidl.ffm.PrimitiveType.C_LONG;
import static dev.wasidl.ffm.PrimitiveType.C_SCHAR;
import static dev.wasidl.ffm.PrimitiveType.C_SHORT;
import static dev.wasidl.ffm.PrimitiveType.INT64_T;
import static dev.wasidl.ffm.PrimitiveType.INT8_T;
import static dev.wasidl.ffm.PrimitiveType.POINTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.ffm.FfiType;
import dev.wasidl.ffm.PrimitiveType;
import dev.wasidl.ffm.Signature;
import dev.wasidl.ffm.StructType;
import dev.wasidl.nativetests.NativeLibs;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * native-tests' headers read by libclang: every function's signature is the one native-tests' own
 * FFM tests call it with, and every struct's layout is gcc's and bridge-ffm's.
 */
class NativeTestsHeadersTest {
  static final Path C = Path.of("../../native-tests/src/main/c");

  /** The structs of wasidl_types.h as native-tests' CStructs spells them. */
  static final Map<String, StructType> STRUCTS = new LinkedHashMap<>();

  static {
    StructType ci = StructType.of(C_SCHAR, C_INT);
    StructType dd = StructType.of(C_DOUBLE, C_DOUBLE);
    STRUCTS.put("CI", ci);
    STRUCTS.put("FF", StructType.of(C_FLOAT, C_FLOAT));
    STRUCTS.put("FFF", StructType.of(C_FLOAT, C_FLOAT, C_FLOAT));
    STRUCTS.put("DD", dd);
    STRUCTS.put("IF", StructType.of(C_INT, C_FLOAT));
    STRUCTS.put("LLL", StructType.of(C_LONG, C_LONG, C_LONG));
    STRUCTS.put("CCC", StructType.of(C_SCHAR, C_SCHAR, C_SCHAR));
    STRUCTS.put("DI", StructType.of(C_DOUBLE, C_INT));
    STRUCTS.put("SC", StructType.of(C_SHORT, C_SCHAR));
    STRUCTS.put("I8I64", StructType.of(INT8_T, INT64_T));
    STRUCTS.put("Outer", StructType.of(ci, dd, C_SCHAR));
    STRUCTS.put("Ptrs", StructType.of(POINTER, POINTER, POINTER));
    FfiType[] floats = new FfiType[16];
    Arrays.fill(floats, C_FLOAT);
    STRUCTS.put("F16", StructType.of(floats));
  }

  // The signatures native-tests' PrimitivesTest, StructsByValueTest, PointersTest, UpcallTest and
  // OpenFlagsTest build, by symbol. Variadic ones as PointersTest calls them (the generated
  // signature is their fixed part).
  private static Map<String, String> expectedPrims() {
    String[] suffixes = {
      "schar", "uchar", "short", "ushort", "int", "uint", "long", "ulong", "llong", "ullong",
      "float", "double", "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "ptr"
    };
    Map<String, String> m = new TreeMap<>();
    PrimitiveType[] types = PrimitiveType.values();
    for (int i = 0; i < suffixes.length; i++) {
      String s = suffixes[i];
      String w = types[i].witName();
      m.put("id_" + s, "(" + w + ") -> " + w);
      m.put("min_" + s, "() -> " + w);
      m.put("max_" + s, "() -> " + w);
      m.put("add_" + s, "(" + w + ", " + w + ") -> " + w);
      if (types[i].kind() != PrimitiveType.Kind.FLOAT) {
        m.put("widen_" + s, "(" + w + ") -> c-long-long");
      }
    }
    m.put("classify_double", "(c-double) -> c-int");
    m.put("classify_float", "(c-float) -> c-int");
    for (String f : List.of("nan", "inf", "denorm")) {
      m.put(f + "_double", "() -> c-double");
      m.put(f + "_float", "() -> c-float");
    }
    m.put("noop", "()");
    m.put("add", "(c-int, c-int) -> c-int");
    m.put("mix", "(c-double, c-int, c-long, c-float) -> c-double");
    return m;
  }

  private static final String SPILL_ARGS =
      "c-int, c-int, c-int, c-int, c-int, c-int, c-int, c-int, "
          + "c-double, c-double, c-double, c-double, c-double, c-double, c-double, c-double,"
          + " c-double, c-double, struct{c-double, c-double}, struct{c-schar, c-int}, c-long";

  private static Map<String, String> expectedStructs() {
    Map<String, String> m = new TreeMap<>();
    STRUCTS.forEach(
        (name, type) -> {
          String x = name.toLowerCase(Locale.ROOT);
          String t = type.witName();
          String fields =
              type.fields().stream().map(FfiType::witName).collect(Collectors.joining(", "));
          m.put("make_" + x, "(" + fields + ") -> " + t);
          m.put("fill_" + x, "(pointer, " + fields + ")");
          if (!name.equals("Ptrs")) {
            m.put("add_" + x, "(" + t + ", " + t + ") -> " + t);
            m.put("sum_" + x, "(" + t + ") -> c-double");
          }
        });
    m.put("call_ptrs", "(" + STRUCTS.get("Ptrs").witName() + ") -> c-int");
    m.put("ptrs_fn", "(c-int, c-int) -> c-int");
    m.put("spill", "(" + SPILL_ARGS + ") -> c-double");
    m.put("spill_lll", "(" + SPILL_ARGS + ") -> struct{c-long, c-long, c-long}");
    m.put("spill_dd", "(" + SPILL_ARGS + ") -> struct{c-double, c-double}");
    return m;
  }

  private static Map<String, String> expectedPointers() {
    String dd = "struct{c-double, c-double}";
    Map<String, String> m = new TreeMap<>();
    m.put("hello", "() -> pointer");
    m.put("count_char", "(pointer, c-schar) -> c-ulong");
    m.put("upcase", "(pointer)");
    m.put("dup_concat", "(pointer, pointer) -> pointer");
    m.put("free_str", "(pointer)");
    m.put("divmod", "(c-int, c-int, pointer, pointer)");
    m.put("make_greeting", "(pointer, pointer) -> c-int");
    m.put("get_op", "(c-int) -> pointer");
    m.put("bump_counter", "() -> c-int");
    m.put("get_counter", "() -> c-int");
    m.put("get_ratio", "() -> c-double");
    m.put("get_greeting", "() -> pointer");
    m.put("get_origin", "() -> struct{c-schar, c-int}");
    m.put("fail_with", "(c-int) -> c-int");
    m.put("sum_ints", "(c-int, ... c-int, c-int, c-int) -> c-int");
    m.put("sum_doubles", "(c-int, ... c-double, c-float) -> c-double");
    m.put("sum_mixed", "(pointer, ... c-int, c-long-long, c-double) -> c-long-long");
    m.put("apply", "(pointer, c-int, c-int) -> c-int");
    m.put("for_each", "(pointer, c-int, pointer)");
    m.put("apply_dd", "(pointer, " + dd + ") -> c-double");
    m.put("map_dd", "(pointer, " + dd + ") -> " + dd);
    m.put("is_null", "(pointer) -> c-int");
    m.put("echo_ptr", "(pointer) -> pointer");
    return m;
  }

  /** A call's signature cut to what the prototype fixes: the variadic arguments dropped. */
  static Signature fixedPart(Signature s) {
    if (s.firstVariadic().isEmpty()) {
      return s;
    }
    int n = s.firstVariadic().getAsInt();
    return new Signature(s.params().subList(0, n), s.result(), OptionalInt.of(n));
  }

  private static void assertSignatures(String header, Map<String, String> expected) {
    CHeader h = CHeader.read(C.resolve(header));
    Map<String, String> actual = new TreeMap<>();
    for (CFunction f : h.functions()) {
      actual.put(f.name(), f.signature().toString());
    }
    assertEquals(expected.keySet(), actual.keySet(), header + ": the functions declared");
    expected.forEach(
        (name, text) -> {
          Signature want = fixedPart(Signature.parse(text));
          CFunction f = h.function(name);
          assertEquals(want, f.signature(), name);
          assertEquals(want, Signature.parse(f.signature().toString()), name + " text form");
        });
    assertTrue(h.unsupported().isEmpty(), () -> h.unsupported().toString());
  }

  @Test
  void primitives() {
    assertSignatures("wasidl_prims.h", expectedPrims());
  }

  @Test
  void structsByValue() {
    assertSignatures("wasidl_structs.h", expectedStructs());
  }

  @Test
  void pointersVariadicsAndCallbacks() {
    assertSignatures("wasidl_pointers.h", expectedPointers());
    CFunction sumInts = CHeader.read(C.resolve("wasidl_pointers.h")).function("sum_ints");
    assertTrue(sumInts.variadic());
    assertEquals("(c-int, ...) -> c-int", sumInts.signature().toString());
    assertEquals("sum_ints: (c-int, ...) -> c-int", sumInts.pin());
  }

  @Test
  void dlopenLibraries() {
    assertSignatures(
        "wasidl_dlopen.h", Map.of("provided_value", "() -> c-int", "consume", "() -> c-int"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CI", "FF", "FFF", "DD", "IF", "LLL", "CCC", "DI", "SC", "I8I64", "Outer", "Ptrs", "F16"
      })
  void structLayoutsAreGccs(String name) {
    Map<String, Long> gcc = NativeLibs.layouts();
    CStruct s = CHeader.read(C.resolve("wasidl_types.h")).struct(name);
    StructType type = s.type();
    assertEquals(STRUCTS.get(name), type, name);
    assertEquals(gcc.get("sizeof.struct." + name), s.size(), name + " sizeof (clang)");
    assertEquals(gcc.get("alignof.struct." + name), s.alignment(), name + " alignof (clang)");
    assertEquals(s.size(), type.byteSize(), name + " sizeof (bridge-ffm)");
    assertEquals(s.alignment(), type.byteAlignment(), name + " alignof (bridge-ffm)");
    String prefix = "offsetof.struct." + name + ".";
    int checked = 0;
    for (var e : gcc.entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        String field = e.getKey().substring(prefix.length());
        assertEquals(e.getValue(), s.offsetOf(field).orElseThrow(), e.getKey() + " (clang)");
        checked++;
      }
    }
    assertEquals(s.fields().size(), checked, name + ": gcc records every field");
    for (int i = 0; i < s.fields().size(); i++) {
      assertEquals(
          s.fields().get(i).offset(), type.offset(i), name + " field " + i + " (bridge-ffm)");
    }
  }

  @Test
  void everyStructGccKnowsIsInTheHeader() {
    List<String> gcc =
        NativeLibs.layouts().keySet().stream()
            .filter(k -> k.startsWith("sizeof.struct."))
            .map(k -> k.substring("sizeof.struct.".length()))
            .sorted()
            .toList();
    List<String> clang =
        CHeader.read(C.resolve("wasidl_types.h")).structs().stream()
            .map(CStruct::name)
            .sorted()
            .toList();
    assertEquals(gcc, clang);
  }
}
