package dev.wasidl.ffm;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A C struct, wasi:dl's {@code struct-type}: fields laid out in order by the C rules (each field at
 * the next multiple of its alignment, the struct aligned to its most aligned field and padded to a
 * multiple of that). Immutable; equal when the field types are equal.
 */
public final class StructType implements FfiType {
  private final List<FfiType> fields;
  private final StructLayout layout;
  private final long[] offsets;
  private final long flatFieldCount;
  private final long treeFieldCount;
  private final boolean hasPadding;
  // The field types when none is a struct (the common case), for typed calls' loops: an array
  // index, not an interface call and a recursion per field. Null when a field is a struct.
  private final PrimitiveType @Nullable [] primitiveFields;

  private StructType(List<FfiType> fields) {
    if (fields.isEmpty()) {
      throw new TypeMismatchException(
          "a struct-type needs at least one field (C has no empty structs)");
    }
    this.fields = List.copyOf(fields);
    this.offsets = new long[this.fields.size()];
    long flat = 0;
    long tree = this.fields.size();
    for (FfiType f : this.fields) {
      flat += f instanceof StructType st ? st.flatFieldCount : 1;
      tree += f instanceof StructType st ? st.treeFieldCount : 0;
    }
    this.flatFieldCount = flat;
    this.treeFieldCount = tree;
    List<MemoryLayout> members = new ArrayList<>();
    boolean gaps = false;
    for (FfiType f : this.fields) {
      gaps |= f instanceof StructType st && st.hasPadding;
    }
    long offset = 0;
    long align = 1;
    for (int i = 0; i < this.fields.size(); i++) {
      MemoryLayout field = this.fields.get(i).layout();
      long a = field.byteAlignment();
      long padded = alignUp(offset, a);
      if (padded > offset) {
        members.add(MemoryLayout.paddingLayout(padded - offset));
        gaps = true;
      }
      offsets[i] = padded;
      members.add(field.withName("f" + i));
      offset = padded + field.byteSize();
      align = Math.max(align, a);
    }
    long size = alignUp(offset, align);
    if (size > offset) {
      members.add(MemoryLayout.paddingLayout(size - offset));
      gaps = true;
    }
    this.hasPadding = gaps;
    this.primitiveFields =
        this.fields.stream().allMatch(PrimitiveType.class::isInstance)
            ? this.fields.toArray(PrimitiveType[]::new)
            : null;
    this.layout = MemoryLayout.structLayout(members.toArray(MemoryLayout[]::new));
  }

  /** A struct with these fields, in order. */
  public static StructType of(List<? extends FfiType> fields) {
    return new StructType(List.copyOf(fields));
  }

  /** A struct with these fields, in order. */
  public static StructType of(FfiType... fields) {
    return new StructType(List.of(fields));
  }

  /** The field types, in declaration order. */
  public List<FfiType> fields() {
    return fields;
  }

  /**
   * The primitive fields once nested structs are flattened: what a {@code read-struct} yields and
   * what a C compiler would count.
   */
  public long flatFieldCount() {
    return flatFieldCount;
  }

  /**
   * The fields of this struct type and of every struct type nested in it, each counted where it
   * appears: a measure of the memory the type holds.
   */
  public long treeFieldCount() {
    return treeFieldCount;
  }

  /** True if some byte, here or in a nested struct, belongs to no field. */
  boolean hasPadding() {
    return hasPadding;
  }

  /**
   * The field types if every field is a primitive (shared, not to be modified), else null: typed
   * calls' fast path.
   */
  PrimitiveType @Nullable [] primitiveFields() {
    return primitiveFields;
  }

  /** The byte offsets of the fields (shared, not to be modified). */
  long[] offsets() {
    return offsets;
  }

  /** The byte offset of field {@code index}, as {@code offsetof} gives it. */
  public long offset(int index) {
    return offsets[index];
  }

  @Override
  public StructLayout layout() {
    return layout;
  }

  @Override
  public String witName() {
    return fields.stream().map(FfiType::witName).collect(Collectors.joining(", ", "struct{", "}"));
  }

  private static long alignUp(long value, long alignment) {
    return (value + alignment - 1) & -alignment;
  }

  @Override
  public boolean equals(Object o) {
    // identity first: typed calls compare a struct result's type with an alloc's on every call
    return o == this || (o instanceof StructType other && fields.equals(other.fields));
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return witName();
  }
}
