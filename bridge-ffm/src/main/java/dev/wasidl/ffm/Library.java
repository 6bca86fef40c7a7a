package dev.wasidl.ffm;

import dev.wasidl.ffm.internal.Native;
import dev.wasidl.ffm.internal.NativeLibrary;
import java.lang.ref.Cleaner;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A shared library opened with the platform's {@code dlopen}, wasi:dl's {@code library}. Closing it
 * (or dropping every reference to it) releases it; it is unloaded with {@code dlclose} once no
 * symbol, function or alloc obtained from it is alive either.
 */
public final class Library implements AutoCloseable {
  private final NativeLibrary nativeLibrary;
  private final DlPolicy policy;
  private final @Nullable String name;
  private final LibraryTarget target;
  private final Cleaner.Cleanable reference;
  private volatile boolean closed;

  private Library(
      NativeLibrary nativeLibrary, DlPolicy policy, @Nullable String name, LibraryTarget target) {
    this.nativeLibrary = nativeLibrary;
    this.policy = policy;
    this.name = name;
    this.target = target;
    this.reference = nativeLibrary.adopt(this);
  }

  /**
   * wasi:dl {@code library.open}: {@code dlopen(name, flags)}, where an empty name opens the
   * running process. Any library may be opened (see {@link #open(String, OpenFlags, DlPolicy)}).
   *
   * @throws DlOpenException with the platform's {@code dlerror} text
   */
  public static Library open(Optional<String> name, OpenFlags flags) {
    return open(name.orElse(null), flags, DlPolicy.allowAll());
  }

  /** {@link #open(Optional, OpenFlags)} with a name (null for the running process). */
  public static Library open(@Nullable String name, OpenFlags flags) {
    return open(name, flags, DlPolicy.allowAll());
  }

  /** The running process itself ({@code dlopen(NULL)}), e.g. for libc's functions. */
  public static Library openProcess() {
    return open((String) null, OpenFlags.NONE);
  }

  /**
   * Opens a library if {@code policy} allows it; the policy also checks the signatures of functions
   * built from its symbols.
   *
   * @throws PolicyException naming the rule that refused the open
   * @throws DlOpenException with the platform's {@code dlerror} text
   */
  public static Library open(@Nullable String name, OpenFlags flags, DlPolicy policy) {
    Objects.requireNonNull(flags, "flags");
    int mode = flags.mode();
    LibraryTarget target = policy.admit(name).target();
    // Open the file that was matched, not the name again: the loader could find another one.
    String path = target.canonical() != null ? target.canonical() : name;
    if (name != null && target.canonical() == null && !policy.isUnrestricted()) {
      throw new DlOpenException(
          name
              + ": cannot open shared object file: No such file or directory"
              + (target.bare()
                  ? " (not in LD_LIBRARY_PATH, /etc/ld.so.cache or the default directories)"
                  : ""));
    }
    NativeLibrary lib = NativeLibrary.open(path, mode);
    if (lib == null) {
      String error = Native.dlerror();
      throw new DlOpenException(
          error != null ? error : "dlopen(" + name + ") failed without a dlerror message");
    }
    if (target.canonical() != null) {
      long map = lib.linkMap();
      String loaded = map == 0 ? "" : Native.linkMapName(map);
      if (!target.isLoadedFrom(loaded)) {
        lib.release();
        throw new PolicyException(
            "library "
                + target.describe()
                + " is refused: the loader loaded "
                + (loaded.isEmpty() ? "an unnamed object" : loaded)
                + ", not the file the policy matched");
      }
    }
    return new Library(lib, policy, name, target);
  }

  /** The name it was opened with, empty for the running process. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** True until closed. */
  public boolean isOpen() {
    return !closed;
  }

  /**
   * wasi:dl {@code library.get}: the symbol {@code name} found by {@code dlsym} and defined by this
   * library's own object (or by an object the policy grants too; the process reaches every one).
   *
   * @throws SymbolNotFoundException with the platform's {@code dlerror} text, or saying which
   *     object not granted defines it
   * @throws PolicyException when the policy is pinned-only and no pin names the symbol
   */
  public Symbol get(String name) {
    return switch (lookup(name)) {
      case Lookup.Found f -> f.symbol();
      case Lookup.Missing m -> throw new SymbolNotFoundException(m.reason());
    };
  }

  /**
   * The symbol {@code name}, or empty if {@code dlsym} does not find it in this library's own
   * object (or an object the policy grants).
   *
   * @throws PolicyException when the policy is pinned-only and no pin names the symbol
   */
  public Optional<Symbol> find(String name) {
    return lookup(name) instanceof Lookup.Found f ? Optional.of(f.symbol()) : Optional.empty();
  }

  private sealed interface Lookup {
    record Found(Symbol symbol) implements Lookup {}

    record Missing(String reason) implements Lookup {}
  }

  private Lookup lookup(String symbol) {
    if (closed) {
      throw new ClosedException("library " + this + " was closed");
    }
    if (symbol.indexOf('\0') >= 0) {
      // dlsym would look up only the part before the NUL, under a name no pin names
      return new Lookup.Missing(
          "symbol " + symbol.replace('\0', '?') + " not found: a symbol name has no NUL");
    }
    policy.checkGet(target, symbol);
    long address = nativeLibrary.lookup(symbol);
    if (address == 0) {
      String error = Native.dlerror();
      return new Lookup.Missing(
          error != null ? error : "symbol " + symbol + " not found in " + this);
    }
    Native.AddressInfo info = Native.addressInfo(address);
    if (!target.isProcess() && !policy.isUnrestricted()) {
      if (info == null) {
        return new Lookup.Missing(
            "symbol "
                + symbol
                + " is not defined in "
                + this
                + " (no loaded object holds its address, so it cannot be checked)");
      }
      String ungranted = info.linkMap() == nativeLibrary.linkMap() ? null : policy.ungranted(info);
      if (ungranted != null) {
        return new Lookup.Missing(
            "symbol "
                + symbol
                + " is not defined in "
                + this
                + " (found in "
                + ungranted
                + ", which the policy does not grant)");
      }
    }
    long size = info == null ? 0 : info.symbolSize();
    return new Lookup.Found(new Symbol(this, nativeLibrary, symbol, address, size));
  }

  DlPolicy policy() {
    return policy;
  }

  /** The library as the policy resolved it. */
  LibraryTarget target() {
    return target;
  }

  /** Releases this handle; the library is unloaded once nothing obtained from it is alive. */
  @Override
  public void close() {
    closed = true;
    reference.clean();
  }

  @Override
  public String toString() {
    return name == null ? "<process>" : name;
  }
}
