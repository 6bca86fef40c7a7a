package dev.wasidl.component.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasidl.component.CoreExternType;
import dev.wasidl.component.CoreModule;
import dev.wasidl.component.Limits;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * {@link LimitsCap} on hand-made core modules: the maximum it writes, the ones it keeps, what it
 * leaves alone, and the refusal of a memory that starts above the cap. Each rewritten module is
 * decoded again, so it must stay a valid module with the same other sections.
 */
class LimitsCapTest {
  private static final byte[] PREAMBLE = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
  // a type section, (func), then the code section after the memory section must survive as is
  private static final byte[] TYPES = {0x01, 0x04, 0x01, 0x60, 0x00, 0x00};
  private static final byte[] FUNCS = {0x03, 0x02, 0x01, 0x00};
  private static final byte[] CODE = {0x0a, 0x04, 0x01, 0x02, 0x00, 0x0b};

  /** A module with one function and the given memory section entries (limits bytes each). */
  private static CoreModule module(byte[]... memories) {
    BinaryWriter memorySection = new BinaryWriter().u32(memories.length);
    for (byte[] m : memories) {
      memorySection.bytes(m);
    }
    byte[] section = memorySection.toByteArray();
    BinaryWriter w = new BinaryWriter().bytes(PREAMBLE).bytes(TYPES).bytes(FUNCS);
    w.u8(5).u32(section.length).bytes(section).bytes(CODE);
    return decode(w.toByteArray());
  }

  private static CoreModule decode(byte[] bytes) {
    return CoreModuleReader.read(new BinaryReader(bytes, 0, bytes.length, "core module"));
  }

  private static CoreModule decode(ByteBuffer bytes) {
    byte[] copy = new byte[bytes.remaining()];
    bytes.duplicate().get(copy);
    return decode(copy);
  }

  private static List<Limits> limits(CoreModule m) {
    return m.memories().stream().map(CoreExternType.Memory::limits).toList();
  }

  @Test
  void aMemoryWithoutMaximumGetsTheCap() {
    CoreModule m = module(new byte[] {0x00, 0x01});
    CoreModule capped = decode(new LimitsCap(16, LimitsCap.MAX_ELEMENTS).apply(m));
    assertEquals(List.of(new Limits(1, OptionalLong.of(16))), limits(capped));
    assertEquals(m.functionTypes(), capped.functionTypes());
  }

  @Test
  void aLargerMaximumIsLoweredAndASmallerOneKept() {
    CoreModule m =
        module(new byte[] {0x01, 0x02, (byte) 0x80, 0x02}, new byte[] {0x01, 0x00, 0x08});
    CoreModule capped = decode(new LimitsCap(16, LimitsCap.MAX_ELEMENTS).apply(m));
    assertEquals(
        List.of(new Limits(2, OptionalLong.of(16)), new Limits(0, OptionalLong.of(8))),
        limits(capped));
  }

  @Test
  void nothingToCapLeavesTheBytes() {
    CoreModule m = module(new byte[] {0x01, 0x00, 0x08});
    assertEquals(m.bytes(), new LimitsCap(16, LimitsCap.MAX_ELEMENTS).apply(m));
    // no maximum means wasm's 4 GiB: a cap of that changes nothing
    CoreModule open = module(new byte[] {0x00, 0x01});
    assertEquals(
        open.bytes(), new LimitsCap(LimitsCap.MAX_PAGES, LimitsCap.MAX_ELEMENTS).apply(open));
    CoreModule none = module();
    assertEquals(none.bytes(), new LimitsCap(1, LimitsCap.MAX_ELEMENTS).apply(none));
  }

  @Test
  void aMemoryThatStartsAboveTheCapIsRefusedNamingIt() {
    CoreModule m = module(new byte[] {0x00, 0x00}, new byte[] {0x00, 0x20});
    LimitsCap.TooLarge e =
        assertThrows(
            LimitsCap.TooLarge.class, () -> new LimitsCap(16, LimitsCap.MAX_ELEMENTS).apply(m));
    assertEquals(
        "memory 1 starts at 32 pages (2 MiB), more than the limit of 16 pages (1 MiB) per memory",
        e.getMessage());
  }

  /** A module with one function and the given table section entries (bytes each). */
  private static CoreModule withTables(byte[]... tables) {
    BinaryWriter tableSection = new BinaryWriter().u32(tables.length);
    for (byte[] t : tables) {
      tableSection.bytes(t);
    }
    byte[] section = tableSection.toByteArray();
    BinaryWriter w = new BinaryWriter().bytes(PREAMBLE).bytes(TYPES).bytes(FUNCS);
    w.u8(4).u32(section.length).bytes(section).bytes(CODE);
    return decode(w.toByteArray());
  }

  private static List<Limits> tableLimits(CoreModule m) {
    return m.tables().stream().map(CoreExternType.Table::limits).toList();
  }

  @Test
  void tablesAreCappedToo() {
    // funcref without maximum; externref with 1000; a funcref with an initializer (ref.null func)
    CoreModule m =
        withTables(
            new byte[] {0x70, 0x00, 0x01},
            new byte[] {0x6f, 0x01, 0x00, (byte) 0xe8, 0x07},
            new byte[] {0x40, 0x00, 0x70, 0x00, 0x02, (byte) 0xd0, 0x70, 0x0b});
    CoreModule capped = decode(new LimitsCap(1, 100).apply(m));
    assertEquals(
        List.of(
            new Limits(1, OptionalLong.of(100)),
            new Limits(0, OptionalLong.of(100)),
            new Limits(2, OptionalLong.of(100))),
        tableLimits(capped));
    assertEquals(m.functionTypes(), capped.functionTypes());
    assertEquals(m.bytes(), LimitsCap.NONE.apply(m));
    LimitsCap.TooLarge e =
        assertThrows(LimitsCap.TooLarge.class, () -> new LimitsCap(1, 1).apply(m));
    assertEquals(
        "table 2 starts at 2 elements, more than the limit of 1 per table", e.getMessage());
    assertFalse(e.memory());
  }

  @Test
  void sizesAreSaidInPagesAndBytes() {
    assertEquals("1 page (64 KiB)", LimitsCap.pages(1));
    assertEquals("16 pages (1 MiB)", LimitsCap.pages(16));
    assertTrue(LimitsCap.pages(65_536).endsWith("(4096 MiB)"));
  }
}
