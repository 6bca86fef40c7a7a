package dev.wasidl.component;

import java.nio.charset.StandardCharsets;

/**
 * The committed guest components of testdata/resources/guests (built by build.sh), read through the
 * test kit's {@link dev.wasidl.testkit.component.Guests}, with this package's decoding.
 */
final class Guests {
  private Guests() {}

  static byte[] bytes(String name) {
    return dev.wasidl.testkit.component.Guests.bytes(name);
  }

  /** A test resource by its path under testdata/resources. */
  static byte[] resource(String path) {
    return dev.wasidl.testkit.component.Guests.resource(path);
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  static ComponentDef decode(String name) {
    return ComponentDecoder.decode(bytes(name));
  }
}
