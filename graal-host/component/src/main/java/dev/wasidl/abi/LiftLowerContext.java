package dev.wasidl.abi;

import dev.wasidl.component.StringEncoding;
import java.util.Objects;

/**
 * The spec's {@code cx}: what lifting and lowering one call may touch. The canonical options
 * ({@code memory}, {@code string-encoding}, {@code realloc}), the component instance's handle
 * table, and the call's borrow scope. {@code post-return} is not here: the caller runs it after
 * lifting results. Immutable; {@code with*} return a new context.
 */
public final class LiftLowerContext {
  private final Memory memory;
  private final StringEncoding stringEncoding;
  private final Realloc realloc;
  private final ResourceTable handles;
  private final BorrowScope borrowScope;
  private final boolean utf8HostStrings;
  private final TypeFacts facts;
  private final long maxListElements;
  private final long maxLiftedBytes;

  private LiftLowerContext(
      Memory memory,
      StringEncoding stringEncoding,
      Realloc realloc,
      ResourceTable handles,
      BorrowScope borrowScope,
      boolean utf8HostStrings,
      TypeFacts facts,
      long maxListElements,
      long maxLiftedBytes) {
    this.maxListElements = maxListElements;
    this.maxLiftedBytes = maxLiftedBytes;
    this.utf8HostStrings = utf8HostStrings;
    this.facts = facts;
    this.memory = memory;
    this.stringEncoding = Objects.requireNonNull(stringEncoding, "stringEncoding");
    this.realloc = realloc;
    this.handles = Objects.requireNonNull(handles, "handles");
    this.borrowScope = borrowScope;
  }

  /** A context over {@code handles} with no memory, no realloc, UTF-8 and no borrow scope. */
  public static LiftLowerContext of(ResourceTable handles) {
    return new LiftLowerContext(
        null,
        StringEncoding.UTF8,
        null,
        handles,
        null,
        false,
        TypeFacts.NONE,
        Long.MAX_VALUE,
        Long.MAX_VALUE);
  }

  /** With the {@code memory} canon option. */
  public LiftLowerContext withMemory(Memory memory) {
    return new LiftLowerContext(
        Objects.requireNonNull(memory, "memory"),
        stringEncoding,
        realloc,
        handles,
        borrowScope,
        utf8HostStrings,
        facts,
        maxListElements,
        maxLiftedBytes);
  }

  /** With the {@code string-encoding} canon option. */
  public LiftLowerContext withStringEncoding(StringEncoding encoding) {
    return new LiftLowerContext(
        memory,
        encoding,
        realloc,
        handles,
        borrowScope,
        utf8HostStrings,
        facts,
        maxListElements,
        maxLiftedBytes);
  }

  /** With the {@code realloc} canon option. */
  public LiftLowerContext withRealloc(Realloc realloc) {
    return new LiftLowerContext(
        memory,
        stringEncoding,
        Objects.requireNonNull(realloc, "realloc"),
        handles,
        borrowScope,
        utf8HostStrings,
        facts,
        maxListElements,
        maxLiftedBytes);
  }

  /** With the borrow scope of the call being lifted or lowered. */
  public LiftLowerContext withBorrowScope(BorrowScope scope) {
    return new LiftLowerContext(
        memory,
        stringEncoding,
        realloc,
        handles,
        Objects.requireNonNull(scope, "scope"),
        utf8HostStrings,
        facts,
        maxListElements,
        maxLiftedBytes);
  }

  /**
   * With host strings ({@code Val.Str}) lowered into a UTF-8 guest as UTF-8: one realloc call of
   * the exact length, as wasmtime's host strings. Without it a host string's source encoding is
   * Java's own latin1-or-UTF-16 and the spec's transcoding grows, then shrinks, the buffer for
   * non-ASCII text (what the spec's reference vectors show), which the WASI preview1 adapters'
   * bump-allocating {@code cabi_import_realloc} refuses.
   */
  public LiftLowerContext withUtf8HostStrings() {
    return new LiftLowerContext(
        memory,
        stringEncoding,
        realloc,
        handles,
        borrowScope,
        true,
        facts,
        maxListElements,
        maxLiftedBytes);
  }

  /** With the precomputed layout and flattening facts of the function's types. */
  public LiftLowerContext withFacts(TypeFacts facts) {
    return new LiftLowerContext(
        memory,
        stringEncoding,
        realloc,
        handles,
        borrowScope,
        utf8HostStrings,
        Objects.requireNonNull(facts, "facts"),
        maxListElements,
        maxLiftedBytes);
  }

  /**
   * With a limit on the elements of non-byte lists one call may lift (see {@code
   * Linker.maxListElements}); counted per call in the borrow scope.
   */
  public LiftLowerContext withMaxListElements(long max) {
    return new LiftLowerContext(
        memory,
        stringEncoding,
        realloc,
        handles,
        borrowScope,
        utf8HostStrings,
        facts,
        max,
        maxLiftedBytes);
  }

  /**
   * With a limit on the bytes of strings and {@code list<u8>}s one call may lift (see {@code
   * Linker.maxLiftedBytes}); counted per call in the borrow scope. Strings and lists may alias each
   * other in guest memory: without it, a list of a million strings pointing at the same 64 KiB
   * would make 64 GiB of host strings.
   */
  public LiftLowerContext withMaxLiftedBytes(long max) {
    return new LiftLowerContext(
        memory,
        stringEncoding,
        realloc,
        handles,
        borrowScope,
        utf8HostStrings,
        facts,
        maxListElements,
        max);
  }

  /**
   * Counts {@code length} more list elements lifted by this call; traps before they are made if
   * that exceeds the limit.
   */
  void countListElements(long length) {
    if (maxListElements == Long.MAX_VALUE) {
      return;
    }
    long total = borrowScope == null ? length : borrowScope.countListElements(length);
    if (total > maxListElements) {
      throw new Trap(
          "list of "
              + length
              + " elements exceeds the host's limit of "
              + maxListElements
              + " list elements lifted per call (Linker.maxListElements; wasidl run -W"
              + " max-list-elements=)");
    }
  }

  /**
   * Counts {@code bytes} more bytes of strings or byte lists lifted by this call; traps before they
   * are copied if that exceeds the limit.
   */
  void countLiftedBytes(long bytes) {
    if (maxLiftedBytes == Long.MAX_VALUE) {
      return;
    }
    long total = borrowScope == null ? bytes : borrowScope.countLiftedBytes(bytes);
    if (total > maxLiftedBytes) {
      throw new Trap(
          "lifting "
              + bytes
              + " more bytes of strings or byte lists exceeds the host's limit of "
              + maxLiftedBytes
              + " bytes lifted per call (Linker.maxLiftedBytes; wasidl run -W max-lifted-bytes=)");
    }
  }

  /** The layout and flattening facts this context's calls use. */
  TypeFacts facts() {
    return facts;
  }

  /** Whether host strings go into a UTF-8 guest as UTF-8 (see {@link #withUtf8HostStrings}). */
  public boolean utf8HostStrings() {
    return utf8HostStrings;
  }

  /** The memory; traps if the canon options named none (validation should have required one). */
  public Memory memory() {
    if (memory == null) {
      throw new Trap("the canonical ABI needs a memory, but the canon options name none");
    }
    return memory;
  }

  public StringEncoding stringEncoding() {
    return stringEncoding;
  }

  /** The component instance's handle table ({@code cx.inst.handles}). */
  public ResourceTable handles() {
    return handles;
  }

  /** The call's borrow scope; fails if the runtime gave none to a call that moves borrows. */
  public BorrowScope borrowScope() {
    if (borrowScope == null) {
      throw new IllegalStateException("a borrow handle crossed a call that has no borrow scope");
    }
    return borrowScope;
  }

  /** The {@code realloc} canon option, or null if there is none. */
  public Realloc realloc() {
    return realloc;
  }

  /** The spec's {@code cx.reallocate}: calls {@code realloc}, returning the new address. */
  public long reallocate(long old, long oldByteLength, int alignment, long newByteLength) {
    if (realloc == null) {
      throw new Trap("the canonical ABI needs realloc, but the canon options name none");
    }
    return Integer.toUnsignedLong(
        realloc.realloc((int) old, (int) oldByteLength, alignment, (int) newByteLength));
  }

  /** The spec's {@code cx.allocate}: {@code reallocate(0, 0, alignment, byteLength)}. */
  public long allocate(int alignment, long byteLength) {
    return reallocate(0, 0, alignment, byteLength);
  }
}
