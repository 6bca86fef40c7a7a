package dev.wasidl.dl;

/**
 * A wasi:dl failure found by the host itself rather than by bridge-ffm (e.g. an outgoing value that
 * was never set). Like an {@link dev.wasidl.ffm.FfiException}, it becomes the WIT's error result
 * where the function has one and a trap otherwise.
 */
final class DlError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DlError(String message) {
    super(message);
  }
}
