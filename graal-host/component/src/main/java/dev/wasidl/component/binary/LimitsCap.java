package dev.wasidl.component.binary;

import dev.wasidl.component.CoreExternType;
import dev.wasidl.component.CoreModule;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Caps the linear memories and tables a core module defines by rewriting the maximum in its memory
 * and table sections: {@code memory.grow} and {@code table.grow} past the cap return -1 as the core
 * spec says of any maximum, so the engine needs no limiter of its own. Imported memories and tables
 * are left alone (their definer is capped), and so are 64-bit ones (GraalWasm does not run them).
 *
 * @param maxPages the most 64 KiB pages of each memory
 * @param maxElements the most elements of each table
 */
public record LimitsCap(long maxPages, long maxElements) {
  /** The most pages a 32-bit memory may have: 4 GiB. */
  public static final long MAX_PAGES = 1L << 16;

  /** The most elements a 32-bit table may have. */
  public static final long MAX_ELEMENTS = (1L << 32) - 1;

  private static final int TABLE_SECTION = 4;
  private static final int MEMORY_SECTION = 5;

  public LimitsCap {
    if (maxPages < 1 || maxPages > MAX_PAGES || maxElements < 1 || maxElements > MAX_ELEMENTS) {
      throw new IllegalArgumentException("caps out of range: " + maxPages + ", " + maxElements);
    }
  }

  /** No cap beyond wasm's own limits. */
  public static final LimitsCap NONE = new LimitsCap(MAX_PAGES, MAX_ELEMENTS);

  /**
   * The module (validated already: a component's embedded module) with every memory and table it
   * defines capped; {@code module}'s own bytes when none declares more.
   *
   * @throws TooLarge when a memory or table needs more than the cap to start (its minimum), naming
   *     it and its size
   */
  public ByteBuffer apply(CoreModule module) {
    byte[] bytes = module.toByteArray();
    boolean changed = false;
    BinaryWriter out = new BinaryWriter().bytes(Arrays.copyOfRange(bytes, 0, 8));
    BinaryReader r = new BinaryReader(bytes, 8, bytes.length, "core module");
    while (!r.atEnd()) {
      int start = r.pos();
      int id = r.u8();
      int size = r.u32();
      int payload = r.pos();
      r.skip(size);
      byte[] section =
          switch (id) {
            case MEMORY_SECTION -> memories(module, bytes, payload, size);
            case TABLE_SECTION -> tables(module, bytes, payload, size);
            default -> null;
          };
      if (section == null) {
        out.bytes(Arrays.copyOfRange(bytes, start, payload + size));
      } else {
        out.u8(id).u32(section.length).bytes(section);
        changed = true;
      }
    }
    return changed ? ByteBuffer.wrap(out.toByteArray()).asReadOnlyBuffer() : module.bytes();
  }

  /** The memory section capped, or null when nothing changes. */
  private byte[] memories(CoreModule module, byte[] bytes, int at, int size) {
    BinaryReader s = new BinaryReader(bytes, at, at + size, "memory section");
    BinaryWriter w = new BinaryWriter();
    int n = s.vecLength();
    w.u32(n);
    boolean changed = false;
    int index = imported(module, CoreExternType.Memory.class);
    for (int i = 0; i < n; i++, index++) {
      int from = s.pos();
      Read l = Read.limits(s);
      int flags = l.flags();
      long min = l.min();
      long max = l.max();
      if (l.wide()) {
        w.bytes(Arrays.copyOfRange(bytes, from, s.pos()));
        continue;
      }
      if (min > maxPages) {
        throw new TooLarge(
            true,
            "memory "
                + index
                + " starts at "
                + pages(min)
                + ", more than the limit of "
                + pages(maxPages)
                + " per memory");
      }
      long capped = cap(max, maxPages, MAX_PAGES);
      changed |= capped != max;
      limits(w, flags, min, capped);
    }
    return changed ? w.toByteArray() : null;
  }

  /** The table section capped, or null when nothing changes (or a table's form is unknown). */
  private byte[] tables(CoreModule module, byte[] bytes, int at, int size) {
    BinaryReader s = new BinaryReader(bytes, at, at + size, "table section");
    BinaryWriter w = new BinaryWriter();
    int n = s.vecLength();
    w.u32(n);
    boolean changed = false;
    int index = imported(module, CoreExternType.Table.class);
    for (int i = 0; i < n; i++, index++) {
      int typeAt = s.pos();
      boolean withInit = s.peek() == 0x40;
      if (withInit) {
        s.u8();
        s.u8();
      }
      int ref = s.u8();
      if (ref == 0x63 || ref == 0x64) {
        s.s33(); // a typed reference's heap type
      }
      int refEnd = s.pos();
      Read l = Read.limits(s);
      int flags = l.flags();
      long min = l.min();
      long max = l.max();
      int limitsEnd = s.pos();
      if (withInit && !CoreModuleReader.skipConstExpr(s)) {
        return null; // an initializer this reader cannot delimit: the section is left as it is
      }
      int end = s.pos();
      w.bytes(Arrays.copyOfRange(bytes, typeAt, refEnd));
      if (l.wide()) {
        w.bytes(Arrays.copyOfRange(bytes, refEnd, limitsEnd));
      } else {
        if (min > maxElements) {
          throw new TooLarge(
              false,
              "table "
                  + index
                  + " starts at "
                  + min
                  + " elements, more than the limit of "
                  + maxElements
                  + " per table");
        }
        long capped = cap(max, maxElements, MAX_ELEMENTS);
        changed |= capped != max;
        limits(w, flags, min, capped);
      }
      w.bytes(Arrays.copyOfRange(bytes, limitsEnd, end));
    }
    return changed ? w.toByteArray() : null;
  }

  /** A memory ({@code memory}) or table that starts larger than its cap. */
  public static final class TooLarge extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final boolean memory;

    TooLarge(boolean memory, String message) {
      super(message);
      this.memory = memory;
    }

    /** A memory's, not a table's. */
    public boolean memory() {
      return memory;
    }
  }

  /** Limits as read: flags, minimum, maximum (-1: none); 64-bit ones are left alone. */
  private record Read(int flags, long min, long max) {
    static Read limits(BinaryReader s) {
      int flags = s.u8();
      boolean wide = (flags & 0x04) != 0;
      long min = wide ? s.u64() : Integer.toUnsignedLong(s.u32());
      long max = (flags & 0x01) == 0 ? -1 : wide ? s.u64() : Integer.toUnsignedLong(s.u32());
      return new Read(flags, min, max);
    }

    boolean wide() {
      return (flags & 0x04) != 0;
    }
  }

  /** The new maximum: none stays none when the cap is the type's own limit. */
  private static long cap(long max, long cap, long typeLimit) {
    if (max < 0) {
      return cap >= typeLimit ? -1 : cap;
    }
    return Math.min(max, cap);
  }

  private static void limits(BinaryWriter w, int flags, long min, long max) {
    if (max < 0) {
      w.u8(flags).u32(min);
    } else {
      w.u8(flags | 0x01).u32(min).u32(max);
    }
  }

  private static int imported(CoreModule module, Class<? extends CoreExternType> kind) {
    return (int) module.imports().stream().filter(i -> kind.isInstance(i.type())).count();
  }

  /** {@code pages} in pages and MiB (or KiB). */
  public static String pages(long pages) {
    long kib = pages * 64;
    return pages
        + (pages == 1 ? " page (" : " pages (")
        + (kib % 1024 == 0 ? kib / 1024 + " MiB)" : kib + " KiB)");
  }
}
