package dev.wasidl.dl;

import dev.wasidl.abi.Trap;
import dev.wasidl.bindings.HostTable;
import dev.wasidl.bindings.Resource;
import dev.wasidl.dl.bindings.wasi.dl.Dll;
import dev.wasidl.dl.bindings.wasi.dl.Ffi;
import dev.wasidl.ffm.Alloc;
import dev.wasidl.ffm.DlPolicy;
import dev.wasidl.ffm.IncomingPrimitive;
import dev.wasidl.ffm.IncomingStruct;
import dev.wasidl.ffm.IncomingValue;
import dev.wasidl.ffm.Library;
import dev.wasidl.ffm.Signature;
import dev.wasidl.ffm.StructType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The wasi:dl state of one component instance: its {@link DlPolicy}, the table of every wasi:dl
 * resource it holds (libraries, symbols, functions, allocs, struct types, outgoing and incoming
 * values, each wrapping a bridge-ffm object), and the host implementation of both interfaces.
 * Attach it at instantiation ({@code linker.instantiate(component, new DlCtx(policy))}) and close
 * it with the instance: closing releases every library, function and alloc the guest still holds (a
 * library is unloaded once nothing obtained from it is alive; owned allocs are freed).
 *
 * <p>Deny by default: {@link #DlCtx()} refuses every {@code library.open}. Not thread-safe: a
 * component instance runs one call at a time.
 *
 * <p>Most wasi:dl error results carry no payload ({@code result<T>}); the cause of the latest error
 * result is kept in {@link #lastError()} for the embedder (logs, CLI diagnostics, tests).
 */
public final class DlCtx implements DlView, AutoCloseable {
  private final DlPolicy policy;
  private final DlLimits limits;
  private final Usage usage;
  // Every wasi:dl object the guest holds; those that hold native state are closed with the context.
  private final HostTable table = new HostTable();
  // Addresses of symbols the guest looked up, with the library and symbol names the policy knows
  // them by: a function made from an alloc at such an address must pass the symbol's pins too.
  private final Map<Long, List<SymbolRef>> symbolsByAddress = new HashMap<>();
  private final DllHost dll = new DllHost(this);
  private final FfiHost ffi = new FfiHost(this);
  private @Nullable String lastError;
  private boolean closed;
  // the instances' DlAdapters, which keep outgoing and incoming primitives in wasm
  private final List<DlAdapterHost> adapters = new ArrayList<>(1);

  record SymbolRef(String library, String symbol) {}

  /** A context that refuses every {@code library.open}. */
  public DlCtx() {
    this(DlPolicy.denyAll());
  }

  /** A context whose opens and signatures {@code policy} decides, with the default limits. */
  public DlCtx(DlPolicy policy) {
    this(policy, DlLimits.DEFAULT);
  }

  /** A context whose opens and signatures {@code policy} decides, bounded by {@code limits}. */
  public DlCtx(DlPolicy policy, DlLimits limits) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.usage = new Usage(limits);
  }

  /** The caps on what this instance's wasi:dl may hold at once. */
  public DlLimits limits() {
    return limits;
  }

  /** The policy deciding which libraries may be opened and with which signatures. */
  public DlPolicy policy() {
    return policy;
  }

  /** The host of {@code wasi:dl/dll} for this instance (what {@link WasiDl#add} defines). */
  public Dll dll() {
    return dll;
  }

  /** The host of {@code wasi:dl/ffi} for this instance (what {@link WasiDl#add} defines). */
  public Ffi ffi() {
    return ffi;
  }

  /** The cause of the latest error result this context returned, if any. */
  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  /** How many wasi:dl resources the guest holds (handles the host gave out and not yet dropped). */
  public int resourceCount() {
    return table.size() + adapterLive();
  }

  /** Primitives the instances' adapters hold. */
  private int adapterLive() {
    int n = 0;
    for (DlAdapterHost a : adapters) {
      n += a.live();
    }
    return n;
  }

  /** An instance's adapter: its primitives count against the limit, and it counts the table's. */
  void attach(DlAdapterHost adapter) {
    adapters.removeIf(DlAdapterHost::isGone); // a context reused after its instances closed
    adapters.add(adapter);
    adapter.hostCount(table.size());
  }

  /** Tells the adapters how many handles the table holds, for their share of the limit. */
  private void tableChanged() {
    for (DlAdapterHost a : adapters) {
      a.hostCount(table.size());
    }
  }

  @Override
  public DlCtx dl() {
    return this;
  }

  /**
   * Releases every resource the guest still holds: closes its libraries, symbols, functions and
   * allocs. Later wasi:dl calls of the instance trap. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (DlAdapterHost a : adapters) {
      a.refresh(); // their calls now ask, and trap
    }
    List<Object> all = table.clear();
    usage.clear();
    symbolsByAddress.clear();
    RuntimeException failure = null;
    for (Object o : all) {
      if (!(o instanceof AutoCloseable c)) {
        continue;
      }
      try {
        c.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("closing a wasi:dl resource failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  // --- the table, for DllHost and FfiHost ---

  /**
   * Gives the guest a handle to {@code value}, which the context then owns.
   *
   * @throws DlError if a {@link DlLimits} limit would be exceeded: the value is closed at once (it
   *     was made for the guest, who will never hold it)
   */
  <T> Resource<T> push(Object value) {
    checkOpen();
    try {
      int held = adapters.isEmpty() ? table.size() : resourceCount();
      if (held >= limits.maxResources()) {
        throw new DlError(
            "the instance holds "
                + held
                + " wasi:dl handles, the limit (--dl-max-resources); drop some first");
      }
      usage.charge(value);
    } catch (DlError e) {
      if (value instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception x) {
          e.addSuppressed(x);
        }
      }
      throw e;
    }
    Resource<T> r = table.push(value);
    if (!adapters.isEmpty()) {
      tableChanged();
    }
    return r;
  }

  <V> V get(Resource<?> handle, Class<V> type) {
    checkOpen();
    return table.get(handle, type);
  }

  // The bridge-ffm object behind each kind of handle. FfiHost and DllHost implement the generated
  // interfaces, whose WIT resource types (Alloc, Library, ...) hide bridge-ffm's classes of the
  // same names there; here the names mean bridge-ffm's.

  Alloc alloc(Resource<?> handle) {
    return get(handle, Alloc.class);
  }

  Alloc takeAlloc(Resource<?> handle) {
    return take(handle, Alloc.class);
  }

  IncomingPrimitive incomingPrimitive(Resource<?> handle) {
    return get(handle, IncomingPrimitive.class);
  }

  IncomingStruct incomingStruct(Resource<?> handle) {
    return get(handle, IncomingStruct.class);
  }

  Library library(Resource<?> handle) {
    return get(handle, Library.class);
  }

  void dropAlloc(Resource<?> handle) {
    drop(handle, Alloc.class);
  }

  void dropStructType(Resource<?> handle) {
    drop(handle, StructType.class);
  }

  void dropIncomingPrimitive(Resource<?> handle) {
    drop(handle, IncomingPrimitive.class);
  }

  void dropIncomingStruct(Resource<?> handle) {
    drop(handle, IncomingStruct.class);
  }

  void dropLibrary(Resource<?> handle) {
    drop(handle, Library.class);
  }

  /** Gives the guest an owned handle to {@code value}. */
  Ffi.IncomingValue pushIncoming(IncomingValue value) {
    return switch (value) {
      case IncomingPrimitive p -> new Ffi.IncomingValue.Primitive(push(p));
      case IncomingStruct s -> new Ffi.IncomingValue.Struct(push(s));
    };
  }

  /** Removes an entry whose ownership the guest passed to the host (an {@code own} argument). */
  <V> V take(Resource<?> handle, Class<V> type) {
    V value = get(handle, type);
    table.delete(handle);
    usage.release(value);
    if (!adapters.isEmpty()) {
      tableChanged();
    }
    return value;
  }

  /** The guest dropped its last handle: remove the entry and release what it holds. */
  void drop(Resource<?> handle, Class<?> type) {
    if (closed) {
      return; // already released with the context
    }
    Object value = take(handle, type);
    if (value instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        throw new Trap("wasi:dl: releasing " + handle + " failed: " + e.getMessage(), e);
      }
    }
  }

  /** {@link #push}, trapping when a limit is exceeded (for functions without an error result). */
  <T> Resource<T> pushOrTrap(String op, Object value) {
    try {
      return push(value);
    } catch (DlError e) {
      throw new Trap("wasi:dl " + op + ": " + e.getMessage(), e);
    }
  }

  /** The limits' accounting, for the host methods that check before building. */
  Usage usage() {
    return usage;
  }

  /** Records the cause of an error result. */
  void failed(String op, String message) {
    lastError = op + ": " + message;
  }

  void rememberSymbol(long address, String library, String symbol) {
    List<SymbolRef> refs = symbolsByAddress.computeIfAbsent(address, a -> new ArrayList<>(1));
    SymbolRef ref = new SymbolRef(library, symbol);
    if (!refs.contains(ref)) {
      refs.add(ref);
    }
  }

  /**
   * Checks a signature for code at {@code address} (a function made from an alloc) against the
   * policy: the pins of every symbol the guest looked up at that address, or, for an address no
   * looked-up symbol has, the pinned-only rule.
   *
   * @throws dev.wasidl.ffm.PolicyException naming the rule
   */
  void checkCode(long address, Signature signature) {
    List<SymbolRef> refs = symbolsByAddress.get(address);
    if (refs == null) {
      policy.checkSignature(
          "<unknown library>", "<code at 0x" + Long.toHexString(address) + ">", signature);
      return;
    }
    for (SymbolRef r : refs) {
      policy.checkSignature(r.library(), r.symbol(), signature);
    }
  }

  boolean isClosed() {
    return closed;
  }

  void checkOpen() {
    if (closed) {
      throw new Trap("wasi:dl: the instance's DlCtx was closed");
    }
  }
}
