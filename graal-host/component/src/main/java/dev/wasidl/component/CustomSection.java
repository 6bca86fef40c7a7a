package dev.wasidl.component;

import java.nio.ByteBuffer;

/** A custom section: its name, its payload (read-only) and the payload's offset. */
public record CustomSection(String name, long offset, ByteBuffer payload) {
  public CustomSection {
    payload = payload.asReadOnlyBuffer();
  }

  @Override
  public ByteBuffer payload() {
    return payload.duplicate();
  }
}
