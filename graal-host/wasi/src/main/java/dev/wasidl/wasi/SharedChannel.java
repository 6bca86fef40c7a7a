package dev.wasidl.wasi;

import dev.wasidl.wasi.bindings.wasi.filesystem.Types;
import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * An open file shared by a descriptor and the streams made from it: each holds a reference and the
 * channel closes when the last is released, so a stream outlives its descriptor (as a POSIX {@code
 * dup}). Everyone reads and writes at explicit positions, so nobody moves another's offset.
 */
final class SharedChannel {
  private final FileChannel channel;
  private int refs = 1;

  SharedChannel(FileChannel channel) {
    this.channel = channel;
  }

  FileChannel channel() throws FsError {
    if (refs <= 0 || !channel.isOpen()) {
      throw new FsError(Types.ErrorCode.BAD_DESCRIPTOR, "file closed");
    }
    return channel;
  }

  SharedChannel retain() {
    refs++;
    return this;
  }

  void release() {
    if (refs > 0 && --refs == 0) {
      try {
        channel.close();
      } catch (IOException e) {
        // Nothing to report to: the guest dropped its handle.
      }
    }
  }
}
