package dev.wasidl.types;

import java.util.Objects;

/** {@code borrow<R>}: a handle borrowing a resource of type {@code resource} for one call. */
public record BorrowType(ResourceType resource) implements Type {
  public BorrowType {
    Objects.requireNonNull(resource, "resource");
  }

  @Override
  public String toString() {
    return "borrow<" + resource + ">";
  }
}
