package dev.wasidl.component.binary;

/** Names of the canonical built-ins past preview 2, for "unsupported" errors. */
final class CanonBuiltins {
  private CanonBuiltins() {}

  /** The spec's name of canon opcode {@code op} if it is a known post-preview-2 built-in. */
  static String unsupportedName(int op) {
    return switch (op) {
      case 0x05 -> "task.cancel (🔀)";
      case 0x06 -> "subtask.cancel (🔀)";
      case 0x09 -> "task.return (🔀)";
      case 0x0a -> "context.get (🔀)";
      case 0x0b -> "context.set (🔀)";
      case 0x0c -> "thread.yield (🔀)";
      case 0x0d -> "subtask.drop (🔀)";
      case 0x0e -> "stream.new (🔀)";
      case 0x0f -> "stream.read (🔀)";
      case 0x10 -> "stream.write (🔀)";
      case 0x11 -> "stream.cancel-read (🔀)";
      case 0x12 -> "stream.cancel-write (🔀)";
      case 0x13 -> "stream.drop-readable (🔀)";
      case 0x14 -> "stream.drop-writable (🔀)";
      case 0x15 -> "future.new (🔀)";
      case 0x16 -> "future.read (🔀)";
      case 0x17 -> "future.write (🔀)";
      case 0x18 -> "future.cancel-read (🔀)";
      case 0x19 -> "future.cancel-write (🔀)";
      case 0x1a -> "future.drop-readable (🔀)";
      case 0x1b -> "future.drop-writable (🔀)";
      case 0x1c -> "error-context.new (📝)";
      case 0x1d -> "error-context.debug-message (📝)";
      case 0x1e -> "error-context.drop (📝)";
      case 0x1f -> "waitable-set.new (🔀)";
      case 0x20 -> "waitable-set.wait (🔀)";
      case 0x21 -> "waitable-set.poll (🔀)";
      case 0x22 -> "waitable-set.drop (🔀)";
      case 0x23 -> "waitable.join (🔀)";
      case 0x24 -> "backpressure.inc (🔀)";
      case 0x25 -> "backpressure.dec (🔀)";
      case 0x26 -> "thread.index (🧵)";
      case 0x27 -> "thread.new-indirect (🧵)";
      case 0x28 -> "thread.resume-later (🧵)";
      case 0x29 -> "thread.suspend (🧵)";
      case 0x2a -> "thread.suspend-then-resume (🧵)";
      case 0x2b -> "thread.yield-then-resume (🧵)";
      case 0x2c -> "thread.suspend-then-promote (🧵)";
      case 0x2d -> "thread.yield-then-promote (🧵)";
      case 0x40 -> "thread.spawn-ref (🧵②)";
      case 0x41 -> "thread.spawn-indirect (🧵②)";
      case 0x42 -> "thread.available-parallelism (🧵②)";
      default -> null;
    };
  }
}
