package dev.wasidl.component;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmokeTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "types-c.wasm",
        "wasi-command-c.wasm",
        "jco-command-c.wasm",
        "nested-wat.wasm",
        "hello-js.wasm"
      })
  void decodes(String name) {
    Component c = Guests.decode(name);
    System.out.println(
        name + ": " + c.imports().size() + " imports, " + c.exports().size() + " exports");
  }
}
