package dev.wasidl.component.binary;

import dev.wasidl.component.CoreExternType;
import dev.wasidl.component.CoreModule;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Caps the linear memories a core module defines at {@code maxPages} 64 KiB pages by rewriting the
 * maximum in its memory section, so a {@code memory.grow} past the cap returns -1 as the core spec
 * says of any maximum: the engine needs no limiter of its own. Imported memories are left alone
 * (their definer is capped); 64-bit memories too (GraalWasm does not run them).
 */
public final class MemoryCap {
  /** The most pages a 32-bit memory may have: 4 GiB. */
  public static final long MAX_PAGES = 1L << 16;

  private static final int MEMORY_SECTION = 5;

  private MemoryCap() {}

  /**
   * The module (validated already: a component's embedded module) with every memory it defines
   * capped at {@code maxPages}; {@code module} itself when none declares more.
   *
   * @throws IllegalArgumentException when a memory needs more than {@code maxPages} to start (its
   *     minimum), naming the memory and its size
   */
  public static ByteBuffer apply(CoreModule module, long maxPages) {
    byte[] bytes = module.toByteArray();
    BinaryReader r = new BinaryReader(bytes, 8, bytes.length, "core module");
    // imported memories come first in the memory index space
    int memoryIndex =
        (int)
            module.imports().stream()
                .filter(i -> i.type() instanceof CoreExternType.Memory)
                .count();
    while (!r.atEnd()) {
      int start = r.pos();
      int id = r.u8();
      int size = r.u32();
      int payload = r.pos();
      r.skip(size);
      if (id != MEMORY_SECTION) {
        continue;
      }
      BinaryReader s = new BinaryReader(bytes, payload, payload + size, "memory section");
      BinaryWriter w = new BinaryWriter();
      int n = s.vecLength();
      w.u32(n);
      boolean changed = false;
      for (int i = 0; i < n; i++, memoryIndex++) {
        int flags = s.u8();
        boolean wide = (flags & 0x04) != 0;
        long min = wide ? s.u64() : Integer.toUnsignedLong(s.u32());
        long max = (flags & 0x01) == 0 ? -1 : wide ? s.u64() : Integer.toUnsignedLong(s.u32());
        if (wide) {
          w.u8(flags).uleb(min);
          if (max >= 0) {
            w.uleb(max);
          }
          continue;
        }
        if (min > maxPages) {
          throw new IllegalArgumentException(
              "memory "
                  + memoryIndex
                  + " starts at "
                  + describe(min)
                  + ", more than the limit of "
                  + describe(maxPages));
        }
        // no maximum is wasm's own 4 GiB: a cap of that changes nothing
        long capped =
            max < 0 && maxPages >= MAX_PAGES ? -1 : Math.min(max < 0 ? MAX_PAGES : max, maxPages);
        changed |= capped != max;
        if (capped < 0) {
          w.u8(flags).u32(min);
        } else {
          w.u8(flags | 0x01).u32(min).u32(capped);
        }
      }
      if (!changed) {
        return module.bytes();
      }
      byte[] section = w.toByteArray();
      BinaryWriter out = new BinaryWriter();
      out.bytes(Arrays.copyOfRange(bytes, 0, start));
      out.u8(MEMORY_SECTION).u32(section.length).bytes(section);
      out.bytes(Arrays.copyOfRange(bytes, payload + size, bytes.length));
      return ByteBuffer.wrap(out.toByteArray()).asReadOnlyBuffer();
    }
    return module.bytes();
  }

  /** {@code pages} in pages and MiB (or KiB). */
  public static String describe(long pages) {
    long kib = pages * 64;
    return pages
        + (pages == 1 ? " page (" : " pages (")
        + (kib % 1024 == 0 ? kib / 1024 + " MiB)" : kib + " KiB)");
  }
}
