package dev.wasidl.bindings;

/**
 * A handle to a resource of WIT type {@code T} ({@code own<T>} or {@code borrow<T>}) as generated
 * bindings see it: the representation its implementation gave out ({@code rep}). {@code T} is the
 * generated marker class of the resource type, so handles of different types do not mix.
 */
@SuppressWarnings(
    "UnusedTypeParameter") // a phantom type: it keeps handles of different types apart
public record Resource<T>(int rep) {
  @Override
  public String toString() {
    return "resource rep " + Integer.toUnsignedString(rep);
  }
}
