package dev.wasidl.bindgen.c;

import dev.wasidl.ffm.StructType;
import java.util.List;
import java.util.Optional;

/**
 * A C struct mapped to a wasi:dl {@link StructType}, with clang's size, alignment and member
 * offsets (checked equal to the C layout rules that {@code StructType} applies).
 *
 * @param name the tag name ({@code struct CI} is {@code CI}), or the typedef name of an anonymous
 *     struct
 * @param fields the members in order, arrays expanded element by element
 * @param size {@code sizeof}, from clang
 * @param alignment {@code _Alignof}, from clang
 * @param location {@code file:line:column} of the definition
 */
public record CStruct(
    String name, List<CField> fields, long size, long alignment, String location) {

  /** Copies the list. */
  public CStruct {
    fields = List.copyOf(fields);
  }

  /** The wasi:dl struct type: the member types in order. */
  public StructType type() {
    return StructType.of(fields.stream().map(CField::type).toList());
  }

  /** The byte offset of C field {@code field} (of its first element for an array). */
  public Optional<Long> offsetOf(String field) {
    return fields.stream()
        .filter(f -> f.name().equals(field) || f.name().equals(field + "[0]"))
        .map(CField::offset)
        .findFirst();
  }
}
