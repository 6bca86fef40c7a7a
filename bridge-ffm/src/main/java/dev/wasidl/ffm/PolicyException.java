package dev.wasidl.ffm;

/** A {@link DlPolicy} refused an open or a signature; the message names the rule. */
public final class PolicyException extends FfiException {
  private static final long serialVersionUID = 1L;

  /** An exception with this message. */
  public PolicyException(String message) {
    super(message);
  }
}
