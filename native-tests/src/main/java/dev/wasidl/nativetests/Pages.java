package dev.wasidl.nativetests;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Real hostile memory for tests, made with the C library's mmap: pages with no access, read-only
 * pages, unmapped addresses, code. Every page is anonymous and private to the test.
 */
@SuppressWarnings("restricted")
public final class Pages {
  public static final long PAGE = 4096;
  private static final int PROT_NONE = 0;
  private static final int PROT_READ = 1;
  private static final int PROT_WRITE = 2;
  private static final int MAP_PRIVATE_ANONYMOUS = 0x02 | 0x20;
  private static final Linker LINKER = Linker.nativeLinker();
  private static final MethodHandle MMAP =
      handle(
          "mmap",
          FunctionDescriptor.of(
              ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
  private static final MethodHandle MPROTECT =
      handle("mprotect", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
  private static final MethodHandle MUNMAP =
      handle("munmap", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));

  private Pages() {}

  private static MethodHandle handle(String name, FunctionDescriptor d) {
    return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), d);
  }

  /** {@code pages} fresh read-write pages, as a segment of their size. */
  public static MemorySegment map(long pages) {
    try {
      MemorySegment m =
          (MemorySegment)
              MMAP.invokeExact(
                  MemorySegment.NULL,
                  pages * PAGE,
                  PROT_READ | PROT_WRITE,
                  MAP_PRIVATE_ANONYMOUS,
                  -1,
                  0L);
      if (m.address() == -1L) {
        throw new IllegalStateException("mmap failed");
      }
      return m.reinterpret(pages * PAGE);
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** A page with no access at all (PROT_NONE). */
  public static long noAccessPage() {
    MemorySegment m = map(1);
    protect(m.address(), PAGE, PROT_NONE);
    return m.address();
  }

  /** A read-only page holding {@code fill} bytes. */
  public static long readOnlyPage(byte fill) {
    MemorySegment m = map(1);
    m.fill(fill);
    protect(m.address(), PAGE, PROT_READ);
    return m.address();
  }

  /** A page of {@code fill} bytes (no NUL) followed by a PROT_NONE guard page; its address. */
  public static long pageBeforeGuard(byte fill) {
    MemorySegment m = map(2);
    m.asSlice(0, PAGE).fill(fill);
    protect(m.address() + PAGE, PAGE, PROT_NONE);
    return m.address();
  }

  /** An address that was mapped and is not any more. */
  public static long unmappedAddress() {
    MemorySegment m = map(1);
    try {
      if ((int) MUNMAP.invokeExact(MemorySegment.ofAddress(m.address()), PAGE) != 0) {
        throw new IllegalStateException("munmap failed");
      }
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
    return m.address();
  }

  /** The page at {@code address}, to inspect or change in a test. */
  public static MemorySegment page(long address) {
    return MemorySegment.ofAddress(address).reinterpret(PAGE);
  }

  /** The code address of a C library function. */
  public static long codeAddress() {
    return LINKER.defaultLookup().find("getpid").orElseThrow().address();
  }

  private static void protect(long address, long size, int prot) {
    try {
      if ((int) MPROTECT.invokeExact(MemorySegment.ofAddress(address), size, prot) != 0) {
        throw new IllegalStateException("mprotect failed");
      }
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }
}
