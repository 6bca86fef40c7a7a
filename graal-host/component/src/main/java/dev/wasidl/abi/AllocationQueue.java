package dev.wasidl.abi;

/**
 * A memory that can leave the lowering of a host value's bytes to wasm: the guest's {@code realloc}
 * called, the new range checked, the bytes copied there and the (pointer, length) pair stored, all
 * after the host function returns and in the order the calls were made. A lowered string or {@code
 * list<u8>} then costs no polyglot call of {@code realloc} and no polyglot write.
 */
public interface AllocationQueue {
  /** The longest byte string a queue takes: longer ones are copied in bulk at once. */
  int MAX_BYTES = 1024;

  /**
   * Queues {@code realloc(0, 0, alignment, bytes.length)} with {@code cx}'s realloc, the new range
   * checked as {@code what}'s ({@code "string"} or {@code "list"}), {@code bytes} copied into it,
   * and the pointer and {@code storedLength} stored at {@code destination} and {@code destination +
   * 4}: exactly what lowering them now would do.
   *
   * @return false, having done nothing, when the bytes cannot wait (too long, the queue full,
   *     {@code cx}'s realloc not the one wasm calls, the destination out of bounds): the caller
   *     lowers them now
   */
  boolean queueCopy(
      LiftLowerContext cx,
      String what,
      int alignment,
      byte[] bytes,
      int storedLength,
      int destination);
}
