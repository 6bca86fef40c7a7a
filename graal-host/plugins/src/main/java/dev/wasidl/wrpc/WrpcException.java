package dev.wasidl.wrpc;

import java.io.IOException;

/** Bytes that break wRPC's framing or the value encoding, or a value that cannot travel. */
public final class WrpcException extends IOException {
  private static final long serialVersionUID = 1L;

  public WrpcException(String message) {
    super(message);
  }
}
