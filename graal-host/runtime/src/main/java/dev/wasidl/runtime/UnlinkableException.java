package dev.wasidl.runtime;

/**
 * A component cannot be instantiated against a linker: an import is missing or of the wrong kind,
 * or the component uses a feature this runtime does not run. Named after the spec's failure class.
 */
public final class UnlinkableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnlinkableException(String message) {
    super(message);
  }

  public UnlinkableException(String message, Throwable cause) {
    super(message, cause);
  }
}
