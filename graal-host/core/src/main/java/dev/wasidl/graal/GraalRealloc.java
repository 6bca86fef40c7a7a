package dev.wasidl.graal;

import dev.wasidl.abi.Realloc;
import dev.wasidl.abi.Trap;

/**
 * The canonical ABI's {@link Realloc} over a guest's exported {@code cabi_realloc} ({@code (param
 * i32 i32 i32 i32) (result i32)}): traps of the guest's allocator come back as {@link Trap}s.
 */
public final class GraalRealloc implements Realloc {
  private final GraalFunction cabiRealloc;

  private GraalRealloc(GraalFunction cabiRealloc) {
    this.cabiRealloc = cabiRealloc;
  }

  public static GraalRealloc of(GraalFunction cabiRealloc) {
    return new GraalRealloc(cabiRealloc);
  }

  @Override
  public int realloc(int originalPtr, int originalSize, int alignment, int newSize) {
    var result = cabiRealloc.call(originalPtr, originalSize, alignment, newSize);
    if (!result.fitsInInt()) {
      throw new Trap(cabiRealloc.name() + " returned " + result + ", not an i32");
    }
    return result.asInt();
  }
}
