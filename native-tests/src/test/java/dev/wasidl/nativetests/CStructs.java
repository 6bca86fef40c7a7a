package dev.wasidl.nativetests;

import static dev.wasidl.ffm.PrimitiveType.C_DOUBLE;
import static dev.wasidl.ffm.PrimitiveType.C_FLOAT;
import static dev.wasidl.ffm.PrimitiveType.C_INT;
import static dev.wasidl.ffm.PrimitiveType.C_LONG;
import static dev.wasidl.ffm.PrimitiveType.C_SCHAR;
import static dev.wasidl.ffm.PrimitiveType.C_SHORT;
import static dev.wasidl.ffm.PrimitiveType.INT64_T;
import static dev.wasidl.ffm.PrimitiveType.INT8_T;
import static dev.wasidl.ffm.PrimitiveType.POINTER;

import dev.wasidl.ffm.FfiType;
import dev.wasidl.ffm.StructType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The structs of wasidl_types.h as wasi:dl struct-types, with their C field names. */
final class CStructs {
  private CStructs() {}

  record Def(String name, StructType type, List<String> fieldNames) {}

  static final StructType CI = StructType.of(C_SCHAR, C_INT);
  static final StructType DD = StructType.of(C_DOUBLE, C_DOUBLE);

  static final Map<String, Def> ALL = new LinkedHashMap<>();

  static {
    def("CI", CI, "c", "i");
    def("FF", StructType.of(C_FLOAT, C_FLOAT), "a", "b");
    def("FFF", StructType.of(C_FLOAT, C_FLOAT, C_FLOAT), "a", "b", "c");
    def("DD", DD, "a", "b");
    def("IF", StructType.of(C_INT, C_FLOAT), "i", "f");
    def("LLL", StructType.of(C_LONG, C_LONG, C_LONG), "a", "b", "c");
    def("CCC", StructType.of(C_SCHAR, C_SCHAR, C_SCHAR), "a", "b", "c");
    def("DI", StructType.of(C_DOUBLE, C_INT), "d", "i");
    def("SC", StructType.of(C_SHORT, C_SCHAR), "s", "c");
    def("I8I64", StructType.of(INT8_T, INT64_T), "a", "b");
    def("Outer", StructType.of(CI, DD, C_SCHAR), "ci", "dd", "tail");
    def("Ptrs", StructType.of(POINTER, POINTER, POINTER), "name", "data", "fn");
    FfiType[] floats = new FfiType[16];
    Arrays.fill(floats, C_FLOAT);
    String[] names = new String[16];
    Arrays.setAll(names, i -> "f" + i);
    def("F16", StructType.of(floats), names);
  }

  private static void def(String name, StructType type, String... fields) {
    ALL.put(name, new Def(name, type, List.of(fields)));
  }
}
