package dev.wasidl.bindgen.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Generated Java checked against golden files in {@code src/test/resources/golden/c}: a mismatch
 * prints the first differing line; {@code -Dbless} rewrites the golden files.
 */
class GoldenBindingsTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/c");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "wasidl_structs.h | Structs | make_ci,add_dd,sum_outer,spill_lll,fill_f16 | F16",
        "wasidl_pointers.h | Pointers | hello,count_char,sum_ints,apply,get_op | ''",
        "wasidl_prims.h | Prims | noop,id_ushort,id_u16,max_ullong,mix,widen_ptr | ''"
      })
  void matchesGolden(String header, String className, String functions, String structs)
      throws IOException {
    Selection selection =
        CHeader.read(NativeTestsHeadersTest.C.resolve(header))
            .select(split(functions), split(structs));
    String actual = JavaBindings.generate(selection, "golden.c", className, List.of());
    Path golden = GOLDEN.resolve(className + ".java");
    if (Boolean.getBoolean("bless")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(golden)) {
      fail("no golden file " + golden + ": run with -Dbless to write it");
    }
    String expected = Files.readString(golden, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      List<String> want = expected.lines().toList();
      List<String> got = actual.lines().toList();
      int i = 0;
      while (i < want.size() && i < got.size() && want.get(i).equals(got.get(i))) {
        i++;
      }
      assertEquals(
          i < want.size() ? want.get(i) : "<end>",
          i < got.size() ? got.get(i) : "<end>",
          golden + ":" + (i + 1) + " differs (run with -Dbless to accept the new output)");
    }
  }

  private static List<String> split(String names) {
    return names.isBlank() ? List.of() : List.of(names.split(","));
  }
}
