package dev.wasidl.ffm;

/**
 * The one unchecked root of every bridge-ffm failure. The set is closed, so a host can map each
 * case to a WIT {@code result} error or a trap with an exhaustive switch.
 */
public abstract sealed class FfiException extends RuntimeException
    permits DlOpenException,
        SymbolNotFoundException,
        PolicyException,
        TypeMismatchException,
        ValueRangeException,
        OutOfBoundsException,
        ClosedException,
        InvalidStringException,
        CallbackException {
  private static final long serialVersionUID = 1L;

  FfiException(String message) {
    super(message);
  }

  FfiException(String message, Throwable cause) {
    super(message, cause);
  }
}
