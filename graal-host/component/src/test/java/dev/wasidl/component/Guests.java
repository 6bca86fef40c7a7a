package dev.wasidl.component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the committed guest components of testdata/resources/guests (built by build.sh). */
final class Guests {
  private Guests() {}

  static byte[] bytes(String name) {
    return resource("guests/" + name);
  }

  /** A test resource by its path under testdata/resources. */
  static byte[] resource(String path) {
    try (InputStream in = Guests.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  static ComponentDef decode(String name) {
    return ComponentDecoder.decode(bytes(name));
  }
}
