package dev.wasidl.ffm;

import dev.wasidl.ffm.internal.NativeLibrary;
import java.lang.ref.Cleaner;
import java.util.List;
import java.util.Optional;

/**
 * A symbol found in a {@link Library} by {@code dlsym}, wasi:dl's {@code symbol}: an address to be
 * seen as a function or as data. Keeps its library loaded until closed (or unreachable).
 */
public final class Symbol implements AutoCloseable {
  private final Library library;
  private final NativeLibrary nativeLibrary;
  private final String name;
  private final long address;
  private final long size;
  private final Cleaner.Cleanable reference;
  private volatile boolean closed;

  Symbol(Library library, NativeLibrary nativeLibrary, String name, long address, long size) {
    this.library = library;
    this.nativeLibrary = nativeLibrary;
    this.name = name;
    this.address = address;
    this.size = size;
    this.reference = nativeLibrary.retain(this);
  }

  /** The name it was looked up by. */
  public String name() {
    return name;
  }

  /** The symbol's address. */
  public long address() {
    checkOpen();
    return address;
  }

  /**
   * The byte size of the ELF symbol ({@code st_size}, as {@code dladdr1} reports it), or 0 when it
   * is not known (no dynamic symbol starts at the address, e.g. an IFUNC's implementation).
   */
  public long size() {
    return size;
  }

  /** wasi:dl {@code symbol.get-function}: the symbol as a function of this signature. */
  public Function getFunction(List<? extends FfiType> args, Optional<? extends FfiType> ret) {
    return function(Signature.of(args, ret));
  }

  /**
   * The symbol as a function of {@code signature}, checked against the library's {@link DlPolicy}
   * pins.
   *
   * @throws PolicyException if a pinned signature for this symbol differs
   */
  public Function function(Signature signature, CallOption... options) {
    checkOpen();
    library.policy().checkSignature(library.target(), name, signature);
    return Function.of(address, signature, options, nativeLibrary);
  }

  /**
   * wasi:dl {@code symbol.get-alloc}: the foreign region at the symbol's address, of {@code type}.
   *
   * @throws PolicyException when a pin of the symbol is not a data pin of exactly {@code type}, or
   *     the policy is pinned-only and none names it
   * @throws OutOfBoundsException when {@code type} is larger than the symbol (where its size is
   *     known)
   */
  public Alloc getAlloc(FfiType type) {
    checkOpen();
    library.policy().checkData(library.target(), name, type);
    if (size > 0 && type.byteSize() > size) {
      throw new OutOfBoundsException(
          "symbol "
              + name
              + " is "
              + size
              + " bytes; "
              + type.witName()
              + " needs "
              + type.byteSize()
              + ": reading it would go past the symbol");
    }
    return Alloc.foreign(address, type, nativeLibrary);
  }

  private void checkOpen() {
    if (closed) {
      throw new ClosedException("symbol " + name + " was closed");
    }
  }

  /** Releases the library reference. Idempotent. */
  @Override
  public void close() {
    closed = true;
    reference.clean();
  }

  @Override
  public String toString() {
    return "symbol " + name + " @0x" + Long.toHexString(address) + " in " + nativeLibrary;
  }
}
