package dev.wasidl.ffm;

/** Options of a dynamic C call beyond its signature, as values (not booleans). */
public enum CallOption {
  /** Save {@code errno} right after the call, for {@link Function#callCapturingErrno}. */
  CAPTURE_ERRNO,
  /**
   * {@link java.lang.foreign.Linker.Option#critical}: a cheaper transition for short functions that
   * never call back into Java and never block.
   */
  CRITICAL
}
