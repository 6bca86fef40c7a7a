package dev.wasidl.ffm;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * The typed path of one signature without structs: {@code (target, outgoing primitives) ->
 * canonical bits}, each argument's bits read straight from the list (its shape already checked).
 */
interface ListCall {
  long call(MemorySegment target, List<?> args) throws Throwable;
}
