package dev.wasidl.bindings;

import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * WIT's {@code result<T, E>}. A side without a type carries {@link Void} and a null value ({@code
 * result<_, E>} is {@code Result<Void, E>}).
 */
public sealed interface Result<T, E> {
  /** The success case. */
  record Ok<T, E>(@Nullable T value) implements Result<T, E> {}

  /** The error case. */
  record Err<T, E>(@Nullable E error) implements Result<T, E> {}

  static <T, E> Result<T, E> ok(@Nullable T value) {
    return new Ok<>(value);
  }

  static <T, E> Result<T, E> err(@Nullable E error) {
    return new Err<>(error);
  }

  /** {@code ok} without a payload (one shared value: records compare by value). */
  @SuppressWarnings("unchecked")
  static <E> Result<Void, E> ok() {
    return (Result<Void, E>) Empty.OK;
  }

  /** {@code err} without a payload (one shared value). */
  @SuppressWarnings("unchecked")
  static <T> Result<T, Void> err() {
    return (Result<T, Void>) Empty.ERR;
  }

  default boolean isOk() {
    return this instanceof Ok;
  }

  /** The ok value; throws if this is an error. */
  default @Nullable T unwrap() {
    return switch (this) {
      case Ok<T, E> ok -> ok.value();
      case Err<T, E> err -> throw new IllegalStateException("result is err(" + err.error() + ")");
    };
  }

  /** The ok value, or {@code onError} applied to the error. */
  default @Nullable T orElseGet(Function<@Nullable E, @Nullable T> onError) {
    Objects.requireNonNull(onError, "onError");
    return switch (this) {
      case Ok<T, E> ok -> ok.value();
      case Err<T, E> err -> onError.apply(err.error());
    };
  }
}
