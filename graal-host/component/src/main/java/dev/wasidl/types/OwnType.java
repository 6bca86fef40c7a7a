package dev.wasidl.types;

import java.util.Objects;

/** {@code own<R>}: a handle owning a resource of type {@code resource}. */
public record OwnType(ResourceType resource) implements Type {
  public OwnType {
    Objects.requireNonNull(resource, "resource");
  }

  @Override
  public String toString() {
    return "own<" + resource + ">";
  }
}
