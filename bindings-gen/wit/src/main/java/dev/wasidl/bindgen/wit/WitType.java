package dev.wasidl.bindgen.wit;

import dev.wasidl.types.Primitive;
import java.util.List;
import java.util.Optional;

/**
 * A WIT type as written where a type is expected: a primitive, a reference to a named type, or an
 * anonymous constructed type. Values compare structurally.
 */
public sealed interface WitType
    permits WitType.PrimitiveType,
        WitType.Named,
        WitType.ListType,
        WitType.FixedListType,
        WitType.TupleType,
        WitType.OptionType,
        WitType.ResultType,
        WitType.MapType,
        WitType.FutureType,
        WitType.StreamType,
        WitType.Handle {

  /** {@code u8}, {@code string}, ...: the component model's own primitive value types. */
  record PrimitiveType(Primitive primitive) implements WitType {}

  /** The primitive type {@code p}. */
  static WitType of(Primitive p) {
    return new PrimitiveType(p);
  }

  /** A named type ({@code record}, {@code variant}, alias, ...); a resource named here is owned. */
  record Named(TypeRef ref) implements WitType {}

  /** {@code list<T>}. */
  record ListType(WitType element) implements WitType {}

  /** {@code list<T, N>}. */
  record FixedListType(WitType element, int size) implements WitType {}

  /** {@code tuple<T...>}. */
  record TupleType(List<WitType> types) implements WitType {
    public TupleType {
      types = List.copyOf(types);
    }
  }

  /** {@code option<T>}. */
  record OptionType(WitType type) implements WitType {}

  /** {@code result<ok, err>}; {@code result}, {@code result<T>}, {@code result<_, E>}. */
  record ResultType(Optional<WitType> ok, Optional<WitType> err) implements WitType {}

  /** {@code map<K, V>}. */
  record MapType(WitType key, WitType value) implements WitType {}

  /** {@code future<T>} or {@code future}. */
  record FutureType(Optional<WitType> type) implements WitType {}

  /** {@code stream<T>} or {@code stream}. */
  record StreamType(Optional<WitType> type) implements WitType {}

  /** {@code borrow<r>} or {@code own<r>}. */
  record Handle(HandleKind kind, TypeRef resource) implements WitType {}

  /** Own or borrow. */
  enum HandleKind {
    OWN,
    BORROW
  }
}
