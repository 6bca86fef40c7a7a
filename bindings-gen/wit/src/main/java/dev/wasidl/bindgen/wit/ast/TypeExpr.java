package dev.wasidl.bindgen.wit.ast;

import dev.wasidl.types.Primitive;
import java.util.List;
import java.util.Optional;

/** A type as written. */
public sealed interface TypeExpr {
  /** {@code u8}, {@code string}, ... */
  record Prim(Primitive primitive) implements TypeExpr {}

  /** A name in scope. */
  record Named(Ident name) implements TypeExpr {}

  /** {@code list<T>} or {@code list<T, N>}. */
  record ListOf(TypeExpr element, Optional<Integer> size) implements TypeExpr {}

  /** {@code tuple<...>}. */
  record TupleOf(List<TypeExpr> types) implements TypeExpr {
    public TupleOf {
      types = List.copyOf(types);
    }
  }

  /** {@code option<T>}. */
  record OptionOf(TypeExpr type) implements TypeExpr {}

  /** {@code result<...>}. */
  record ResultOf(Optional<TypeExpr> ok, Optional<TypeExpr> err) implements TypeExpr {}

  /** {@code map<K, V>}. */
  record MapOf(TypeExpr key, TypeExpr value) implements TypeExpr {}

  /** {@code future<T>}. */
  record FutureOf(Optional<TypeExpr> type) implements TypeExpr {}

  /** {@code stream<T>}. */
  record StreamOf(Optional<TypeExpr> type) implements TypeExpr {}

  /** {@code borrow<r>}. */
  record Borrow(Ident resource) implements TypeExpr {}

  /** {@code own<r>}. */
  record Own(Ident resource) implements TypeExpr {}
}
