package dev.wasidl.component;

/**
 * A feature past WASI preview 2 (async, streams, futures, error-context, threads, values, GC
 * types).
 */
public final class UnsupportedFeatureException extends ComponentException {
  private static final long serialVersionUID = 1L;

  /** A failure with its detail, the section being read and the byte offset. */
  public UnsupportedFeatureException(String detail, String section, long offset) {
    super("unsupported", detail, section, offset);
  }
}
