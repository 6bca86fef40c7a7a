package dev.wasidl.ffm.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Every restricted FFM call of bridge-ffm, in one place so the native-access surface can be
 * audited: the dlfcn.h functions, downcall and upcall linking, and giving raw addresses a size.
 */
@SuppressWarnings("restricted") // the one place where bridge-ffm calls restricted FFM methods
public final class Native {
  private static final Linker LINKER = Linker.nativeLinker();
  private static final MethodHandle DLOPEN =
      libc("dlopen", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
  private static final MethodHandle DLSYM =
      libc("dlsym", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
  private static final MethodHandle DLERROR = libc("dlerror", FunctionDescriptor.of(ADDRESS));
  private static final MethodHandle DLCLOSE =
      libc("dlclose", FunctionDescriptor.of(JAVA_INT, ADDRESS));
  private static final MethodHandle REALPATH =
      libc("realpath", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
  private static final MethodHandle FREE = libc("free", FunctionDescriptor.ofVoid(ADDRESS));

  /** Below this address nothing is ever mapped on the platforms we run on: never dereference it. */
  public static final long LOWEST_VALID_ADDRESS = 4096;

  /** The platform's dlopen mode bits. */
  public static final int RTLD_LAZY;

  /** See {@link #RTLD_LAZY}. */
  public static final int RTLD_NOW;

  /** See {@link #RTLD_LAZY}. */
  public static final int RTLD_GLOBAL;

  /** See {@link #RTLD_LAZY}. */
  public static final int RTLD_LOCAL;

  /** See {@link #RTLD_LAZY}. */
  public static final int RTLD_NOLOAD;

  static {
    boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
    RTLD_LAZY = 1;
    RTLD_NOW = 2;
    RTLD_GLOBAL = mac ? 8 : 0x100;
    RTLD_LOCAL = mac ? 4 : 0;
    RTLD_NOLOAD = mac ? 0x10 : 4;
  }

  private Native() {}

  private static MethodHandle libc(String name, FunctionDescriptor descriptor) {
    MemorySegment address =
        LINKER
            .defaultLookup()
            .find(name)
            .orElseThrow(() -> new IllegalStateException("the C library has no " + name));
    return LINKER.downcallHandle(address, descriptor);
  }

  /** {@code dlopen(name, mode)}; returns the handle, or 0 with the reason in {@link #dlerror}. */
  public static long dlopen(@Nullable String name, int mode) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment cname = name == null ? MemorySegment.NULL : arena.allocateFrom(name);
      return ((MemorySegment) DLOPEN.invokeExact(cname, mode)).address();
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code dlsym(handle, name)}; returns the address, or 0 with the reason in {@link #dlerror}. */
  public static long dlsym(long handle, String name) {
    try (Arena arena = Arena.ofConfined()) {
      dlerror(); // clear stale state: a NULL symbol value is only an error if dlerror says so
      return ((MemorySegment)
              DLSYM.invokeExact(MemorySegment.ofAddress(handle), arena.allocateFrom(name)))
          .address();
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code dlerror()}: the last dl failure on this thread, or null if none. */
  public static @Nullable String dlerror() {
    try {
      MemorySegment message = (MemorySegment) DLERROR.invokeExact();
      return message.equals(MemorySegment.NULL)
          ? null
          : message.reinterpret(Long.MAX_VALUE).getString(0);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code dlclose(handle)}; returns 0 on success. */
  public static int dlclose(long handle) {
    try {
      return (int) DLCLOSE.invokeExact(MemorySegment.ofAddress(handle));
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** {@code realpath(path)}: the canonical absolute path, or null if it does not exist. */
  public static @Nullable String realpath(String path) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment resolved =
          (MemorySegment) REALPATH.invokeExact(arena.allocateFrom(path), MemorySegment.NULL);
      if (resolved.equals(MemorySegment.NULL)) {
        return null;
      }
      String result = resolved.reinterpret(Long.MAX_VALUE).getString(0);
      FREE.invokeExact(resolved);
      return result;
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** A segment of {@code size} bytes at a raw address, with the global (never closed) scope. */
  public static MemorySegment segment(long address, long size) {
    return MemorySegment.ofAddress(address).reinterpret(size);
  }

  /** The address-less downcall handle for a descriptor: its first parameter is the target. */
  public static MethodHandle downcallHandle(
      FunctionDescriptor descriptor, Linker.Option... options) {
    return LINKER.downcallHandle(descriptor, options);
  }

  /** An upcall stub calling {@code target}, alive as long as {@code arena}. */
  public static MemorySegment upcallStub(
      MethodHandle target, FunctionDescriptor descriptor, Arena arena) {
    return LINKER.upcallStub(target, descriptor, arena);
  }

  /** Unchecked rethrow of whatever a method handle threw. */
  public static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException(t);
  }

  // --- process memory (memory) ---

  /**
   * {@code process_vm_readv}/{@code process_vm_writev} on our own pid: the kernel copies between
   * two address ranges of this process and reports an unmapped or protected page as {@code EFAULT}
   * (or a short count) instead of faulting, so foreign memory can be touched without a SIGSEGV.
   * Null when the C library has no such functions (not Linux).
   */
  private static final @Nullable ProcessVm PROCESS_VM = ProcessVm.find();

  private record ProcessVm(MethodHandle readv, MethodHandle writev, int pid, StructLayout state) {
    static @Nullable ProcessVm find() {
      var lookup = LINKER.defaultLookup();
      var readv = lookup.find("process_vm_readv");
      var writev = lookup.find("process_vm_writev");
      var getpid = lookup.find("getpid");
      if (readv.isEmpty() || writev.isEmpty() || getpid.isEmpty()) {
        return null;
      }
      FunctionDescriptor rw =
          FunctionDescriptor.of(
              JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_LONG);
      Linker.Option errno = Linker.Option.captureCallState("errno");
      try {
        int pid =
            (int)
                LINKER.downcallHandle(getpid.get(), FunctionDescriptor.of(JAVA_INT)).invokeExact();
        return new ProcessVm(
            LINKER.downcallHandle(readv.get(), rw, errno),
            LINKER.downcallHandle(writev.get(), rw, errno),
            pid,
            Linker.Option.captureStateLayout());
      } catch (Throwable t) {
        throw rethrow(t);
      }
    }
  }

  /** Whether {@link #processVm} is available (Linux). */
  public static boolean hasProcessVm() {
    return PROCESS_VM != null;
  }

  /** The size of the per-call scratch {@link #processVm} needs for its errno. */
  public static long processVmStateSize() {
    ProcessVm vm = PROCESS_VM;
    return vm == null ? 0 : vm.state.byteSize();
  }

  /**
   * One {@code process_vm_readv} ({@code write} false) or {@code process_vm_writev} of this process
   * with {@code struct iovec} arrays already filled in.
   *
   * @param state scratch of {@link #processVmStateSize()} bytes for the call's errno
   * @return the bytes copied, or {@code -errno}
   * @throws UnsupportedOperationException if not {@link #hasProcessVm()}
   */
  public static long processVm(
      boolean write,
      MemorySegment local,
      long localCount,
      MemorySegment remote,
      long remoteCount,
      MemorySegment state) {
    ProcessVm vm = PROCESS_VM;
    if (vm == null) {
      throw new UnsupportedOperationException("process_vm_readv is not available on this system");
    }
    try {
      long n =
          write
              ? (long)
                  vm.writev.invokeExact(state, vm.pid, local, localCount, remote, remoteCount, 0L)
              : (long)
                  vm.readv.invokeExact(state, vm.pid, local, localCount, remote, remoteCount, 0L);
      return n >= 0 ? n : -(int) ERRNO.get(state, 0L);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  private static final VarHandle ERRNO =
      Linker.Option.captureStateLayout()
          .varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));

  // --- link maps (policy) ---
  // glibc's dlinfo/dladdr1 (in libc.so.6 since 2.34): which loaded object a handle or an address
  // belongs to, so a symbol found by dlsym in a library's dependency can be told apart.

  private static final MethodHandle DLINFO =
      libc("dlinfo", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
  private static final MethodHandle DLADDR1 =
      libc("dladdr1", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT));
  private static final int RTLD_DI_LINKMAP = 2; // dlfcn.h: dlinfo request
  private static final int RTLD_DL_SYMENT = 1; // dlfcn.h: dladdr1 flag, extra = ElfW(Sym) *
  private static final int RTLD_DL_LINKMAP = 2; // dlfcn.h: dladdr1 flag, extra = struct link_map *
  private static final long LINK_MAP_L_NAME =
      8; // struct link_map { ElfW(Addr) l_addr; char *l_name
  private static final long DL_INFO_SIZE =
      32; // Dl_info: dli_fname, dli_fbase, dli_sname, dli_saddr
  private static final long DL_INFO_SADDR = 24;
  private static final long ELF64_SYM_SIZE = 24; // Elf64_Sym: name, info, other, shndx, value, size
  private static final long ELF64_SYM_ST_SIZE = 16;

  /** The loaded object an address belongs to: its link map and file name, and its symbol's size. */
  public record AddressInfo(long linkMap, String file, long symbolSize) {}

  /** {@code dlinfo(handle, RTLD_DI_LINKMAP)}: the handle's link map, or 0 if dlinfo fails. */
  public static long linkMap(long handle) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment out = arena.allocate(ADDRESS);
      int rc = (int) DLINFO.invokeExact(MemorySegment.ofAddress(handle), RTLD_DI_LINKMAP, out);
      return rc == 0 ? out.get(ADDRESS, 0).address() : 0;
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** The file name ({@code l_name}) of a link map; empty for the main program. */
  public static String linkMapName(long linkMap) {
    MemorySegment name = segment(linkMap, LINK_MAP_L_NAME + 8).get(ADDRESS, LINK_MAP_L_NAME);
    return name.equals(MemorySegment.NULL) ? "" : name.reinterpret(Long.MAX_VALUE).getString(0);
  }

  /**
   * {@code dladdr1(address, RTLD_DL_LINKMAP)} and {@code RTLD_DL_SYMENT}: the object defining
   * {@code address}, and the byte size of the ELF symbol that starts exactly there (0 when unknown:
   * no such dynamic symbol, or an IFUNC's implementation). Null when dladdr finds no object.
   */
  public static @Nullable AddressInfo addressInfo(long address) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment info = arena.allocate(DL_INFO_SIZE, 8);
      MemorySegment extra = arena.allocate(ADDRESS);
      MemorySegment at = MemorySegment.ofAddress(address);
      if ((int) DLADDR1.invokeExact(at, info, extra, RTLD_DL_LINKMAP) == 0) {
        return null;
      }
      long linkMap = extra.get(ADDRESS, 0).address();
      MemorySegment fname = info.get(ADDRESS, 0);
      String file =
          fname.equals(MemorySegment.NULL) ? "" : fname.reinterpret(Long.MAX_VALUE).getString(0);
      long size = 0;
      if ((int) DLADDR1.invokeExact(at, info, extra, RTLD_DL_SYMENT) != 0
          && info.get(ADDRESS, DL_INFO_SADDR).address() == address) {
        MemorySegment sym = extra.get(ADDRESS, 0);
        if (!sym.equals(MemorySegment.NULL)) {
          size = segment(sym.address(), ELF64_SYM_SIZE).get(JAVA_LONG, ELF64_SYM_ST_SIZE);
        }
      }
      return linkMap == 0 ? null : new AddressInfo(linkMap, file, size);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }
}
