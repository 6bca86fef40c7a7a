package dev.wasidl.ffm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * This process's memory mappings as {@code /proc/self/maps} lists them, read afresh on each use: it
 * names why an access was refused ("not mapped", "read-only", ...) and pre-checks multi-page
 * writes. Only on cold paths (after a refusal, or before a write spanning pages): parsing costs
 * tens of microseconds, and the answer may be stale by the time it is used, so it never replaces
 * the kernel's own check.
 */
final class Mappings {
  private static final Path MAPS = Path.of("/proc/self/maps");

  private Mappings() {}

  /** The first address of {@code [address, address+size)} lacking the access, if any. */
  record Denial(long address) {}

  /** Why {@code address} cannot be read (or written): a short reason for a message. */
  static String reason(long address, boolean write) {
    @Nullable Entry e = find(address);
    if (e == null) {
      return Files.isReadable(MAPS) ? "not mapped" : "inaccessible";
    }
    if (!e.read && !e.write && !e.exec) {
      return "no access, PROT_NONE";
    }
    if (write && !e.write) {
      return e.exec ? "read-only code" : "read-only";
    }
    if (!write && !e.read) {
      return "no read permission";
    }
    return "inaccessible to the kernel's checked copy";
  }

  /** Checks every page of the range against the mappings; null if all allow the access. */
  static @Nullable Denial check(long address, long size, boolean write) {
    List<Entry> entries = entries();
    if (entries == null) {
      return null; // no maps: the kernel's check alone decides
    }
    long at = address;
    long end = address + size;
    while (Long.compareUnsigned(at, end) < 0) {
      Entry e = find(entries, at);
      if (e == null || !(write ? e.write : e.read)) {
        return new Denial(at);
      }
      at = e.end;
    }
    return null;
  }

  private record Entry(long start, long end, boolean read, boolean write, boolean exec) {}

  private static @Nullable Entry find(long address) {
    List<Entry> entries = entries();
    return entries == null ? null : find(entries, address);
  }

  private static @Nullable Entry find(List<Entry> entries, long address) {
    for (Entry e : entries) {
      if (Long.compareUnsigned(address, e.start) >= 0 && Long.compareUnsigned(address, e.end) < 0) {
        return e;
      }
    }
    return null;
  }

  private static @Nullable List<Entry> entries() {
    try {
      return Files.readAllLines(MAPS, StandardCharsets.ISO_8859_1).stream()
          .map(Mappings::parse)
          .toList();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  // "7f4fd15db000-7f4fd15dc000 rw-p 00000000 00:00 0   [name]"
  private static Entry parse(String line) {
    int dash = line.indexOf('-');
    int space = line.indexOf(' ', dash);
    String perms = line.substring(space + 1, space + 5);
    return new Entry(
        Long.parseUnsignedLong(line.substring(0, dash), 16),
        Long.parseUnsignedLong(line.substring(dash + 1, space), 16),
        perms.charAt(0) == 'r',
        perms.charAt(1) == 'w',
        perms.charAt(2) == 'x');
  }
}
