package dev.wasidl.dl;

import dev.wasidl.ffm.Alloc;
import dev.wasidl.ffm.FfiType;
import dev.wasidl.ffm.IncomingStruct;
import dev.wasidl.ffm.Signature;
import dev.wasidl.ffm.StructType;
import java.util.IdentityHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What one instance's wasi:dl holds against its {@link DlLimits}: bytes of owned allocs and fields
 * of struct types (and of the allocs, functions and incoming structs holding them), charged when a
 * handle is given out and released when the guest drops it or passes it back to the host. A struct
 * type passed to a constructor (an {@code own} handle) moves its charge to the new owner, so memory
 * kept alive inside another object stays counted.
 */
final class Usage {
  private final DlLimits limits;
  private final IdentityHashMap<Object, Charge> charges = new IdentityHashMap<>();
  private long bytes;
  private long fields;

  Usage(DlLimits limits) {
    this.limits = limits;
  }

  private record Charge(long bytes, long fields) {}

  /** Charges {@code value}, or throws a {@link DlError} naming the limit it would exceed. */
  void charge(Object value) {
    if (!chargeable(value)) {
      return; // as release: primitives are charged nothing, and the type switch costs
    }
    Charge c = of(value);
    if (c != null) {
      reserve(c.bytes, c.fields);
      charges.put(value, c);
    }
  }

  /** Releases what {@code value} was charged, if anything. */
  void release(Object value) {
    if (!chargeable(value)) {
      return; // the common case (outgoing and incoming primitives): no map lookup
    }
    Charge c = charges.remove(value);
    if (c != null) {
      bytes -= c.bytes;
      fields -= c.fields;
    }
  }

  /** Checks that an owned alloc may grow to {@code size} bytes. */
  void checkGrowth(Alloc alloc, long size) {
    Charge c = charges.get(alloc);
    long now = c == null ? 0 : c.bytes;
    if (size > now) {
      checkBytes(size - now);
    }
  }

  /** Charges an owned alloc again after it grew or shrank. */
  void recharge(Alloc alloc) {
    if (charges.containsKey(alloc)) {
      release(alloc);
      Charge c = of(alloc);
      if (c != null) {
        bytes += c.bytes;
        fields += c.fields;
        charges.put(alloc, c);
      }
    }
  }

  void clear() {
    charges.clear();
    bytes = 0;
    fields = 0;
  }

  private void reserve(long moreBytes, long moreFields) {
    checkBytes(moreBytes);
    if (moreFields > limits.maxTotalFields() - fields) {
      throw new DlError(
          (fields + moreFields)
              + " fields held at once would exceed the limit of "
              + limits.maxTotalFields()
              + " fields across the instance's struct types and values (--dl-max-total-fields)");
    }
    bytes += moreBytes;
    fields += moreFields;
  }

  private void checkBytes(long more) {
    if (more > limits.maxMemory() - bytes) {
      throw new DlError(
          (bytes + more)
              + " bytes of allocs live at once would exceed the limit of "
              + limits.maxMemory()
              + " bytes (--dl-max-memory)");
    }
  }

  /** The per-struct-type cap, checked before the type is built. */
  void checkStruct(long flatFields) {
    if (flatFields > limits.maxFields()) {
      throw new DlError(
          "a struct type of "
              + flatFields
              + " fields (nested structs flattened) exceeds the limit of "
              + limits.maxFields()
              + " fields per struct type (--dl-max-fields)");
    }
  }

  /** Whether {@link #of} charges values of this kind at all. */
  private static boolean chargeable(Object value) {
    return value instanceof Alloc
        || value instanceof StructType
        || value instanceof IncomingStruct
        || value instanceof FunctionEntry;
  }

  private static @Nullable Charge of(Object value) {
    return switch (value) {
      case Alloc a -> new Charge(a.isOwned() ? a.byteSize() : 0, fields(a.type()));
      case StructType st -> new Charge(0, st.treeFieldCount());
      case IncomingStruct s -> new Charge(0, s.type().flatFieldCount());
      case FunctionEntry.Callable c -> new Charge(0, fields(c.function().signature()));
      case FunctionEntry.Refused r -> new Charge(0, fields(r.signature()));
      default -> null;
    };
  }

  private static long fields(Signature signature) {
    long n = signature.result().map(Usage::fields).orElse(0L);
    for (FfiType t : signature.params()) {
      n += fields(t);
    }
    return n;
  }

  private static long fields(FfiType type) {
    return type instanceof StructType st ? st.treeFieldCount() : 0;
  }
}
