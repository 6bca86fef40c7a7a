package dev.wasidl.wasi;

import dev.wasidl.wasi.bindings.wasi.clocks.WallClock.Datetime;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.DescriptorStat;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.DescriptorType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@code stat} reports of one filesystem object, read without following a link ({@code
 * lstat}): from the {@code unix:} attribute view where the platform has it (file type from the
 * mode, link count, status-change time, device and inode), else from the basic view.
 */
record FsMetadata(
    DescriptorType type,
    long linkCount,
    long size,
    @Nullable FileTime accessed,
    @Nullable FileTime modified,
    @Nullable FileTime changed,
    @Nullable Object fileKey) {

  private static final String UNIX = "unix:mode,nlink,size,lastAccessTime,lastModifiedTime,ctime";

  static FsMetadata of(Path path) throws FsError {
    try {
      BasicFileAttributes b =
          Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      Map<String, Object> u;
      try {
        u = Files.readAttributes(path, UNIX, LinkOption.NOFOLLOW_LINKS);
      } catch (UnsupportedOperationException | IllegalArgumentException e) {
        return new FsMetadata(
            typeOf(b), 1, b.size(), b.lastAccessTime(), b.lastModifiedTime(), null, b.fileKey());
      }
      return new FsMetadata(
          typeOf((Integer) u.get("mode")),
          ((Number) u.get("nlink")).longValue(),
          b.size(),
          b.lastAccessTime(),
          b.lastModifiedTime(),
          (FileTime) u.get("ctime"),
          b.fileKey());
    } catch (IOException | RuntimeException e) {
      throw FsError.of(e);
    }
  }

  static DescriptorType typeOf(BasicFileAttributes a) {
    if (a.isDirectory()) {
      return DescriptorType.DIRECTORY;
    } else if (a.isRegularFile()) {
      return DescriptorType.REGULAR_FILE;
    } else if (a.isSymbolicLink()) {
      return DescriptorType.SYMBOLIC_LINK;
    }
    return DescriptorType.UNKNOWN;
  }

  /** The type in a POSIX {@code st_mode}. */
  static DescriptorType typeOf(int mode) {
    return switch (mode & 0170000) {
      case 0140000 -> DescriptorType.SOCKET;
      case 0120000 -> DescriptorType.SYMBOLIC_LINK;
      case 0100000 -> DescriptorType.REGULAR_FILE;
      case 0060000 -> DescriptorType.BLOCK_DEVICE;
      case 0040000 -> DescriptorType.DIRECTORY;
      case 0020000 -> DescriptorType.CHARACTER_DEVICE;
      case 0010000 -> DescriptorType.FIFO;
      default -> DescriptorType.UNKNOWN;
    };
  }

  DescriptorStat toStat() {
    return new DescriptorStat(
        type, linkCount, size, datetime(accessed), datetime(modified), datetime(changed));
  }

  static Optional<Datetime> datetime(@Nullable FileTime t) {
    if (t == null) {
      return Optional.empty();
    }
    Instant i = t.toInstant();
    return Optional.of(new Datetime(i.getEpochSecond(), i.getNano()));
  }
}
