package dev.wasidl.dl;

import dev.wasidl.ffm.Symbol;

/**
 * The host side of a {@code symbol} resource: the bridge-ffm symbol and the name its library is
 * known by to the policy (the name it was opened with, or {@code @self}).
 */
record SymbolEntry(Symbol symbol, String library) implements AutoCloseable {
  @Override
  public void close() {
    symbol.close();
  }
}
