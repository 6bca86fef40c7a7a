package dev.wasidl.wasi;

import dev.wasidl.wasi.bindings.wasi.filesystem.Types.DescriptorFlags;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A {@code descriptor}: a directory or an open file below a preopen. {@code components} is where it
 * is below the root, already resolved (no {@code .}, {@code ..} or links), so {@link #hostPath} is
 * inside the root. A directory is held by path (java.nio has no portable directory handle), so
 * every use re-checks that path ({@link #verifiedPath}); a file holds its open channel.
 */
final class FsDescriptor {
  private final FsRoot root;
  private final List<String> components;
  private final Set<DescriptorFlags> flags;
  private final @Nullable SharedChannel file;
  private final @Nullable Object fileKey;

  private FsDescriptor(
      FsRoot root,
      List<String> components,
      Set<DescriptorFlags> flags,
      @Nullable SharedChannel file,
      @Nullable Object fileKey) {
    this.root = root;
    this.components = List.copyOf(components);
    this.flags = flags.isEmpty() ? Set.of() : java.util.EnumSet.copyOf(flags);
    this.file = file;
    this.fileKey = fileKey;
  }

  /** A directory, {@code fileKey} the identity it had when opened. */
  static FsDescriptor directory(
      FsRoot root, List<String> components, Set<DescriptorFlags> flags, @Nullable Object fileKey) {
    return new FsDescriptor(root, components, flags, null, fileKey);
  }

  /** An open file, {@code fileKey} the identity it had when opened. */
  static FsDescriptor file(
      FsRoot root,
      List<String> components,
      Set<DescriptorFlags> flags,
      SharedChannel file,
      @Nullable Object fileKey) {
    return new FsDescriptor(root, components, flags, file, fileKey);
  }

  /** The identity (device and inode) of what was opened, if the platform has one. */
  @Nullable Object fileKey() {
    return fileKey;
  }

  FsRoot root() {
    return root;
  }

  List<String> components() {
    return components;
  }

  Set<DescriptorFlags> flags() {
    return flags;
  }

  boolean isDirectory() {
    return file == null;
  }

  boolean has(DescriptorFlags flag) {
    return flags.contains(flag);
  }

  /** The open file; only for a file descriptor. */
  SharedChannel file() {
    if (file == null) {
      throw new IllegalStateException("a directory has no channel");
    }
    return file;
  }

  /**
   * The host path, unchecked: only for where the descriptor's own path was checked this call
   * ({@link #verifiedPath}).
   */
  Path hostPath() {
    return root.resolve(components);
  }

  /**
   * The host path after checking it still leads to what was opened ({@link PathResolver#verify}):
   * every directory on it is still a directory, not a link, and the object is the same one.
   */
  Path verifiedPath() throws FsError {
    PathResolver.verify(this);
    return hostPath();
  }

  /** Closes the file (once no stream made from it is open any more). */
  void close() {
    if (file != null) {
      file.release();
    }
  }
}
