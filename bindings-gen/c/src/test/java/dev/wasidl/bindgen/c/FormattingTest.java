package dev.wasidl.bindgen.c;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.googlejavaformat.java.Formatter;
import com.google.googlejavaformat.java.FormatterException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Generated bindings are already as google-java-format (the build's formatter) lays them out. */
class FormattingTest {
  @ParameterizedTest
  @ValueSource(strings = {"wasidl_prims.h", "wasidl_structs.h", "wasidl_pointers.h", "zlib.h"})
  void generatedSourceIsFormatted(String header) throws FormatterException {
    var path =
        header.equals("zlib.h") ? SystemHeadersTest.ZLIB : NativeTestsHeadersTest.C.resolve(header);
    String source =
        JavaBindings.generate(
            CHeader.read(path).select(List.of(), List.of()), "gen", "Bindings", List.of("libx.so"));
    assertEquals(new Formatter().formatSource(source), source);
  }
}
