package dev.wasidl.ffm.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where glibc's dynamic loader finds a library named without a {@code /}: the directories of {@code
 * LD_LIBRARY_PATH}, then {@code /etc/ld.so.cache}, then the default directories. The policy matches
 * (and bridge-ffm then opens) the file found here, so what is loaded is what was matched. A
 * caller's {@code DT_RUNPATH} and {@code glibc-hwcaps} variants are not consulted: a name only they
 * would find is not found.
 */
public final class LoaderSearch {
  private static final Path CACHE = Path.of("/etc/ld.so.cache");
  private static final String CACHE_MAGIC = "glibc-ld.so.cache1.1";
  private static final int CACHE_HEADER = 48; // magic[20], nlibs, len_strings, flags, pad, ext, 3
  private static final int CACHE_ENTRY = 24; // flags, key, value, osversion, hwcap (u64)
  private static final int X86_64_LIBC6 = 0x0303; // FLAG_ELF_LIBC6 | FLAG_X8664_LIB64
  private static final List<String> DEFAULT_DIRS =
      List.of(
          "/lib/x86_64-linux-gnu",
          "/usr/lib/x86_64-linux-gnu",
          "/lib64",
          "/usr/lib64",
          "/lib",
          "/usr/lib");

  private static @Nullable FileTime cacheTime;
  private static Map<String, String> cache = Map.of();

  private LoaderSearch() {}

  /**
   * The absolute path the loader would open for {@code name} (no {@code /}), before symbolic links
   * are resolved; null if no search directory has it.
   */
  public static @Nullable String find(String name) {
    if (name.isEmpty() || name.indexOf('/') >= 0 || name.equals(".") || name.equals("..")) {
      return null;
    }
    String env = System.getenv("LD_LIBRARY_PATH");
    if (env != null) {
      for (String dir : env.split("[:;]", -1)) {
        String found = regularFile(Path.of(dir.isEmpty() ? "." : dir).resolve(name));
        if (found != null) {
          return found;
        }
      }
    }
    String cached = cached().get(name);
    if (cached != null && regularFile(Path.of(cached)) != null) {
      return cached;
    }
    for (String dir : DEFAULT_DIRS) {
      String found = regularFile(Path.of(dir, name));
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static @Nullable String regularFile(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    return Files.isRegularFile(abs) ? abs.toString() : null;
  }

  /** The cache's name-to-path map for this platform, re-read when the file changes. */
  private static synchronized Map<String, String> cached() {
    try {
      FileTime time = Files.getLastModifiedTime(CACHE);
      if (!time.equals(cacheTime)) {
        cache = readCache(Files.readAllBytes(CACHE));
        cacheTime = time;
      }
    } catch (IOException | RuntimeException e) {
      cache = Map.of(); // no (readable, well-formed) cache: the loader falls back to the dirs too
      cacheTime = null;
    }
    return cache;
  }

  /** Parses the "new format" cache: entries whose strings are offsets from the file's start. */
  static Map<String, String> readCache(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
    if (bytes.length < CACHE_HEADER
        || !new String(bytes, 0, CACHE_MAGIC.length(), StandardCharsets.US_ASCII)
            .equals(CACHE_MAGIC)) {
      return Map.of();
    }
    int count = b.getInt(20);
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < count; i++) {
      int at = CACHE_HEADER + i * CACHE_ENTRY;
      if (at + CACHE_ENTRY > bytes.length) {
        break;
      }
      int flags = b.getInt(at);
      long hwcap = b.getLong(at + 16);
      if (flags != X86_64_LIBC6 || hwcap != 0) {
        continue;
      }
      String key = string(bytes, b.getInt(at + 4));
      String value = string(bytes, b.getInt(at + 8));
      if (key != null && value != null && !map.containsKey(key)) {
        map.put(key, value);
      }
    }
    return Map.copyOf(map);
  }

  private static @Nullable String string(byte[] bytes, int offset) {
    if (offset < 0 || offset >= bytes.length) {
      return null;
    }
    int end = offset;
    while (end < bytes.length && bytes[end] != 0) {
      end++;
    }
    return end == bytes.length
        ? null
        : new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
  }
}
