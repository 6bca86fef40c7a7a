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
  private final Cleaner.Cleanable reference;
  private volatile boolean closed;

  private Library(NativeLibrary nativeLibrary, DlPolicy policy, @Nullable String name) {
    this.nativeLibrary = nativeLibrary;
    this.policy = policy;
    this.name = name;
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
    policy.checkOpen(name);
    NativeLibrary lib = NativeLibrary.open(name, mode);
    if (lib == null) {
      String error = Native.dlerror();
      throw new DlOpenException(
          error != null ? error : "dlopen(" + name + ") failed without a dlerror message");
    }
    return new Library(lib, policy, name);
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
   * wasi:dl {@code library.get}: the symbol {@code name} found by {@code dlsym}.
   *
   * @throws SymbolNotFoundException with the platform's {@code dlerror} text
   */
  public Symbol get(String name) {
    return find(name)
        .orElseThrow(
            () -> {
              String error = Native.dlerror();
              return new SymbolNotFoundException(
                  error != null ? error : "symbol " + name + " not found in " + this);
            });
  }

  /** The symbol {@code name}, or empty if {@code dlsym} does not find it. */
  public Optional<Symbol> find(String name) {
    if (closed) {
      throw new ClosedException("library " + this + " was closed");
    }
    long address = nativeLibrary.lookup(name);
    return address == 0
        ? Optional.empty()
        : Optional.of(new Symbol(this, nativeLibrary, name, address));
  }

  DlPolicy policy() {
    return policy;
  }

  /** The name the policy knows this library by ({@link DlPolicy#PROCESS} for the process). */
  String policyName() {
    return name == null ? DlPolicy.PROCESS : name;
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
