package dev.wasidl.testkit.component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The committed test guests (testdata/resources/guests), as test resources. */
public final class Guests {
  private Guests() {}

  /** The bytes of {@code guests/NAME}. */
  public static byte[] bytes(String name) {
    try (InputStream in = Guests.class.getResourceAsStream("/guests/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource guests/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
