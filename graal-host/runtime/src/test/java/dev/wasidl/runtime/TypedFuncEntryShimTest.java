package dev.wasidl.runtime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link TypedFuncDirectTest}'s every case with each call through the entry shim ({@code
 * EntryCall}: byte strings copied and results pushed in wasm, one polyglot call), which must agree
 * with the Val path exactly as the direct path does: results, traps and their messages,
 * post-return, may_leave and reentrance.
 */
class TypedFuncEntryShimTest extends TypedFuncDirectTest {
  @BeforeAll
  static void throughTheShim() {
    DirectExport.entryAfter = 1;
  }

  @AfterAll
  static void asBefore() {
    DirectExport.entryAfter = DirectExport.ENTRY_AFTER;
  }
}
