package dev.wasidl.types;

import java.util.Objects;
import java.util.Optional;

/** {@code result<ok?, error?>}. */
public record ResultType(Optional<Type> ok, Optional<Type> error) implements Type {
  public ResultType {
    Objects.requireNonNull(ok, "ok");
    Objects.requireNonNull(error, "error");
  }

  /** {@code result<ok, error>}. */
  public static ResultType of(Type ok, Type error) {
    return new ResultType(Optional.of(ok), Optional.of(error));
  }

  @Override
  public String toString() {
    if (ok.isEmpty() && error.isEmpty()) {
      return "result";
    }
    if (error.isEmpty()) {
      return "result<" + ok.get() + ">";
    }
    return "result<" + ok.map(Type::toString).orElse("_") + ", " + error.get() + ">";
  }
}
