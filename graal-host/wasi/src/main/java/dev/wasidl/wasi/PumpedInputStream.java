package dev.wasidl.wasi;

import java.io.IOException;

/** One {@code input-stream} handle over an {@link InputPump} (each {@code get-stdin} makes one). */
final class PumpedInputStream implements HostInputStream {
  private final InputPump pump;
  private volatile boolean closed;

  PumpedInputStream(InputPump pump) {
    this.pump = pump;
    pump.acquire();
  }

  @Override
  public byte[] read(int len) throws IOException {
    return pump.read(len);
  }

  @Override
  public byte[] blockingRead(int len) throws IOException {
    return pump.blockingRead(len);
  }

  /** Ready when the pump has data or has ended; always ready once this handle is dropped. */
  @Override
  public HostPollable pollable() {
    return () -> closed || pump.ready();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      pump.release();
    }
  }
}
