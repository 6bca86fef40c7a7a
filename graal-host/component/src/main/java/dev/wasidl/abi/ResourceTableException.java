package dev.wasidl.abi;

/** A trap caused by handle misuse; {@link #error()} says which kind. */
public final class ResourceTableException extends Trap {
  private static final long serialVersionUID = 1L;

  private final ResourceTableError error;

  public ResourceTableException(ResourceTableError error, String message) {
    super(message);
    this.error = error;
  }

  public ResourceTableError error() {
    return error;
  }
}
