package dev.wasidl.bindgen.wit.ast;

/** A place in a WIT source: file, 1-based line and column. */
public record Span(String file, int line, int column) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
