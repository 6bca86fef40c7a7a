package dev.wasidl.ffm;

import java.lang.foreign.MemorySegment;

/** The raw fast path of one signature: {@code (target, canonical bits) -> canonical bits}. */
interface RawCall {
  long call(MemorySegment target, long[] args) throws Throwable;
}
