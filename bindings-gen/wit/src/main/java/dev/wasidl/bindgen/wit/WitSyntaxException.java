package dev.wasidl.bindgen.wit;

import dev.wasidl.bindgen.wit.ast.Span;

/** The text is not WIT: a lexical or grammar error at {@link #span()}. */
public final class WitSyntaxException extends WitException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial")
  private final Span span;

  public WitSyntaxException(Span span, String message) {
    super(span + ": " + message);
    this.span = span;
  }

  public Span span() {
    return span;
  }
}
