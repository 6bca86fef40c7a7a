package dev.wasidl.component;

/** An index into the index space of one sort ({@code sortidx} / {@code core:sortidx}). */
public record SortIndex(Sort sort, int index) {
  @Override
  public String toString() {
    return "(" + sort + " " + index + ")";
  }
}
