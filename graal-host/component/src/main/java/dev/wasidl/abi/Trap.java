package dev.wasidl.abi;

/**
 * A WebAssembly trap raised by the host side of the component model (canonical ABI violations,
 * resource misuse, a failing host function): the guest's call is aborted with this message and the
 * JVM goes on.
 */
public class Trap extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Trap(String message) {
    super(message);
  }

  public Trap(String message, Throwable cause) {
    super(message, cause);
  }
}
