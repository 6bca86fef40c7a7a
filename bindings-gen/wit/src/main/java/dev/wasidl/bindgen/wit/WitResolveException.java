package dev.wasidl.bindgen.wit;

import dev.wasidl.bindgen.wit.ast.Span;
import java.util.Optional;

/**
 * Well-formed WIT that does not resolve: an unknown or duplicate name, a recursive type, a cycle
 * between interfaces, worlds or packages, a conflicting {@code include}.
 */
public final class WitResolveException extends WitException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial")
  private final Optional<Span> span;

  public WitResolveException(Span span, String message) {
    super(span + ": " + message);
    this.span = Optional.of(span);
  }

  public WitResolveException(String message) {
    super(message);
    this.span = Optional.empty();
  }

  public Optional<Span> span() {
    return span;
  }
}
