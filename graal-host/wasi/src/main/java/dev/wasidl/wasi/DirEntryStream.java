package dev.wasidl.wasi;

import dev.wasidl.wasi.bindings.wasi.filesystem.Types.DescriptorType;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.DirectoryEntry;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.Optional;

/**
 * A {@code directory-entry-stream}: the entries of one directory, read lazily from a {@link
 * DirectoryStream} of its own ({@code .} and {@code ..} are never listed), each entry's type read
 * without following links (and {@code unknown} once the directory's path no longer leads to it).
 * Closed when exhausted or dropped.
 */
final class DirEntryStream {
  private final FsDescriptor dir;
  private final DirectoryStream<Path> stream;
  private final Iterator<Path> entries;
  private boolean closed;

  @SuppressWarnings("StreamResourceLeak") // held open until exhausted or dropped: close()
  DirEntryStream(FsDescriptor dir) throws FsError {
    this.dir = dir;
    try {
      this.stream = Files.newDirectoryStream(dir.verifiedPath());
    } catch (IOException | RuntimeException e) {
      throw FsError.of(e);
    }
    this.entries = stream.iterator();
  }

  Optional<DirectoryEntry> next() throws FsError {
    if (closed) {
      return Optional.empty();
    }
    try {
      if (!entries.hasNext()) {
        close();
        return Optional.empty();
      }
      Path p = entries.next();
      DescriptorType type;
      try {
        // The entry's type is read by path: only while that path still leads to this directory.
        PathResolver.verify(dir);
        type =
            FsMetadata.typeOf(
                Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        if (type == DescriptorType.UNKNOWN) {
          type = FsMetadata.of(p).type();
        }
      } catch (IOException e) {
        type = DescriptorType.UNKNOWN; // removed since it was listed, or the directory moved
      }
      return Optional.of(new DirectoryEntry(type, p.getFileName().toString()));
    } catch (DirectoryIteratorException e) {
      throw FsError.of(e.getCause());
    }
  }

  void close() {
    if (!closed) {
      closed = true;
      try {
        stream.close();
      } catch (IOException e) {
        // Nothing to report to: the guest dropped its handle.
      }
    }
  }
}
