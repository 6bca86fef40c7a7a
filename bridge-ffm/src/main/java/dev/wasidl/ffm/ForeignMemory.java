package dev.wasidl.ffm;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.wasidl.ffm.internal.Native;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Copies to and from memory we do not own without ever faulting: the kernel does the copy ({@code
 * process_vm_readv}/{@code process_vm_writev} on our own pid), so an unmapped, {@code PROT_NONE},
 * read-only or concurrently unmapped page is an {@link OutOfBoundsException} naming the reason, not
 * a SIGSEGV. The remote range is split at page boundaries, so a short count says exactly where the
 * accessible memory ends. Linux only: elsewhere every foreign access is refused (fail closed).
 */
final class ForeignMemory {
  private static final long PAGE = 4096;
  // The kernel's UIO_MAXIOV: at most this many remote pages per call.
  private static final int MAX_IOV = 1024;
  private static final int EFAULT = 14;

  private ForeignMemory() {}

  /**
   * The {@code size} bytes at {@code address}, copied into a fresh segment of {@code arena}.
   *
   * @param op names the operation in the message, e.g. {@code "read-primitive"}
   * @throws OutOfBoundsException if some byte of the range is not readable
   */
  static MemorySegment read(String op, long address, long size, Arena arena) {
    return read(op, address, size, arena, false);
  }

  /**
   * {@link #read}, for a write that keeps some of the bytes there: a failure says "not writable".
   */
  static MemorySegment readForUpdate(String op, long address, long size, Arena arena) {
    return read(op, address, size, arena, true);
  }

  private static MemorySegment read(
      String op, long address, long size, Arena arena, boolean forWrite) {
    MemorySegment copy = arena.allocate(Math.max(size, 1), 8);
    long done = transfer(false, address, copy, size);
    if (done < size) {
      throw refused(op, address, size, address + done, forWrite);
    }
    return copy;
  }

  /**
   * Writes {@code data} at {@code address}. A range over several pages is checked against the
   * process's mappings first, so a write refused for its last page does not leave the first ones
   * written (barring a concurrent {@code mprotect}).
   *
   * @throws OutOfBoundsException if some byte of the range is not writable
   */
  static void write(String op, long address, MemorySegment data) {
    long size = data.byteSize();
    if (pages(address, size) > 1) {
      Mappings.Denial denial = Mappings.check(address, size, true);
      if (denial != null) {
        throw refused(op, address, size, denial.address(), true);
      }
    }
    long done = transfer(true, address, data, size);
    if (done < size) {
      throw refused(op, address, size, address + done, true);
    }
  }

  /**
   * The bytes of the NUL-terminated string at {@code address}, NUL excluded, scanning at most
   * {@code max + 1} bytes and never past the end of readable memory.
   *
   * @throws OutOfBoundsException if the first byte is not readable
   * @throws InvalidStringException if there is no NUL within the readable memory or the bound
   */
  static byte[] readCString(long address, long max) {
    long limit = max + 1;
    try (Arena arena = Arena.ofConfined()) {
      long chunk = Math.min(limit, 64 * 1024);
      MemorySegment buffer = arena.allocate(chunk);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      long scanned = 0;
      while (scanned < limit) {
        long want = Math.min(chunk, limit - scanned);
        long got = transfer(false, address + scanned, buffer, want);
        for (long i = 0; i < got; i++) {
          byte b = buffer.get(JAVA_BYTE, i);
          if (b == 0) {
            return out.toByteArray();
          }
          out.write(b);
        }
        scanned += got;
        if (got < want) {
          if (scanned == 0) {
            throw refused("read-string", address, 1, address, false);
          }
          throw new InvalidStringException(
              "read-string: no NUL before the end of readable memory at 0x"
                  + Long.toHexString(address + scanned)
                  + " ("
                  + scanned
                  + " bytes scanned from 0x"
                  + Long.toHexString(address)
                  + ")");
        }
      }
      throw new InvalidStringException(
          "read-string: no NUL within " + limit + " bytes of 0x" + Long.toHexString(address));
    }
  }

  /** Copies up to {@code size} bytes; returns how many were copied before the first bad page. */
  private static long transfer(boolean write, long address, MemorySegment local, long size) {
    if (!Native.hasProcessVm()) {
      throw new OutOfBoundsException(
          "foreign memory at 0x"
              + Long.toHexString(address)
              + " is not readable or writable here: checked access needs Linux (process_vm_readv)");
    }
    if (size == 0) {
      return 0;
    }
    if (Long.compareUnsigned(address + size, address) < 0) {
      return 0; // wraps around the address space: the kernel would refuse it whole
    }
    long done = 0;
    try (Arena arena = Arena.ofConfined()) {
      // one block: errno scratch, the local iovec, then one remote iovec per page (at most MAX_IOV)
      long iovs = Math.min(pages(address, size), MAX_IOV);
      long stateSize = (Native.processVmStateSize() + 15) & -16L;
      MemorySegment block = arena.allocate(stateSize + 16 + 16 * iovs, 16);
      MemorySegment state = block.asSlice(0, stateSize);
      MemorySegment localIov = block.asSlice(stateSize, 16);
      MemorySegment remoteIov = block.asSlice(stateSize + 16);
      while (done < size) {
        // one call: up to MAX_IOV remote iovecs, one per page
        long at = address + done;
        int count = 0;
        long batch = 0;
        while (count < MAX_IOV && done + batch < size) {
          long start = at + batch;
          long len = Math.min(PAGE - (start & (PAGE - 1)), size - done - batch);
          remoteIov.set(JAVA_LONG, 16L * count, start);
          remoteIov.set(JAVA_LONG, 16L * count + 8, len);
          batch += len;
          count++;
        }
        localIov.set(JAVA_LONG, 0, local.address() + done);
        localIov.set(JAVA_LONG, 8, batch);
        long n = Native.processVm(write, localIov, 1, remoteIov, count, state);
        if (n < 0) {
          if (n != -EFAULT) {
            throw new OutOfBoundsException(
                "foreign memory at 0x"
                    + Long.toHexString(at)
                    + " cannot be checked: process_vm_"
                    + (write ? "writev" : "readv")
                    + " failed with errno "
                    + -n
                    + " (blocked by a seccomp filter?)");
          }
          return done;
        }
        done += n;
        if (n < batch) {
          return done;
        }
      }
    }
    return done;
  }

  private static long pages(long address, long size) {
    return size == 0 ? 0 : ((address + size - 1) / PAGE) - (address / PAGE) + 1;
  }

  private static OutOfBoundsException refused(
      String op, long address, long size, long bad, boolean write) {
    String reason = Mappings.reason(bad, write);
    return new OutOfBoundsException(
        op
            + ": "
            + size
            + (size == 1 ? " byte" : " bytes")
            + " at 0x"
            + Long.toHexString(address)
            + (size == 1 ? " is" : " are")
            + (write ? " not writable (" : " not readable (")
            + (bad == address ? "" : "from 0x" + Long.toHexString(bad) + ": ")
            + reason
            + ")");
  }
}
