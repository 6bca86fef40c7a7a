package dev.wasidl.testkit.component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The committed test guests (testdata/resources/guests), as test resources. */
public final class Guests {
  private Guests() {}

  /** The bytes of {@code guests/NAME}. */
  public static byte[] bytes(String name) {
    return resource("guests/" + name);
  }

  /** A test resource by its path under testdata/resources. */
  public static byte[] resource(String path) {
    try (InputStream in = Guests.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
