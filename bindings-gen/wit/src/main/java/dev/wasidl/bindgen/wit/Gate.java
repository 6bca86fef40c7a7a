package dev.wasidl.bindgen.wit;

import java.util.Optional;

/**
 * The feature gates on an item: {@code @since(version = ...)} or {@code @unstable(feature = ...)},
 * and {@code @deprecated(version = ...)}. {@link #NONE} is an ungated item.
 */
public record Gate(Optional<String> since, Optional<String> unstable, Optional<String> deprecated) {
  public static final Gate NONE = new Gate(Optional.empty(), Optional.empty(), Optional.empty());

  public static Gate since(String version) {
    return new Gate(Optional.of(version), Optional.empty(), Optional.empty());
  }

  public static Gate unstable(String feature) {
    return new Gate(Optional.empty(), Optional.of(feature), Optional.empty());
  }

  public Gate withDeprecated(String version) {
    return new Gate(since, unstable, Optional.of(version));
  }

  public boolean isNone() {
    return since.isEmpty() && unstable.isEmpty() && deprecated.isEmpty();
  }
}
