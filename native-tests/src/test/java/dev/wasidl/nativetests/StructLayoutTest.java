package dev.wasidl.nativetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasidl.ffm.Ffi;
import dev.wasidl.ffm.PrimitiveType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.FieldSource;

/** Sizes, alignments and offsets computed by bridge-ffm against what gcc printed (layouts.c). */
class StructLayoutTest {
  private static final Map<String, Long> GCC = NativeLibs.layouts();

  static final java.util.List<String> STRUCTS = java.util.List.copyOf(CStructs.ALL.keySet());

  @ParameterizedTest
  @EnumSource(PrimitiveType.class)
  void primitivesMatchGcc(PrimitiveType t) {
    assertEquals(GCC.get("sizeof." + t.witName()), t.byteSize(), t + " sizeof");
    assertEquals(GCC.get("alignof." + t.witName()), t.byteAlignment(), t + " alignof");
    assertEquals(GCC.get("sizeof." + t.witName()).intValue(), Ffi.sizeof(t));
  }

  @ParameterizedTest
  @FieldSource("STRUCTS")
  void structsMatchGcc(String name) {
    CStructs.Def def = CStructs.ALL.get(name);
    assertEquals(GCC.get("sizeof.struct." + name), def.type().byteSize(), name + " sizeof");
    assertEquals(GCC.get("alignof.struct." + name), def.type().byteAlignment(), name + " alignof");
    for (int i = 0; i < def.fieldNames().size(); i++) {
      String key = "offsetof.struct." + name + "." + def.fieldNames().get(i);
      assertEquals(GCC.get(key), def.type().offset(i), key);
    }
  }

  @Test
  void everyStructGccKnowsIsCovered() {
    long structs = GCC.keySet().stream().filter(k -> k.startsWith("sizeof.struct.")).count();
    assertEquals(CStructs.ALL.size(), structs);
  }
}
