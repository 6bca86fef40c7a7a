package dev.wasidl.wasi;

import dev.wasidl.wasi.bindings.wasi.filesystem.Types.DescriptorFlags;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A {@code descriptor}: a directory or an open file below a preopen. {@code components} is where it
 * is below the root, already resolved (no {@code .}, {@code ..} or links), so {@link #hostPath} is
 * inside the root. A directory is held by path (java.nio has no portable directory handle); a file
 * holds its open channel.
 */
final class FsDescriptor {
  private final FsRoot root;
  private final List<String> components;
  private final Set<DescriptorFlags> flags;
  private final @Nullable SharedChannel file;

  private FsDescriptor(
      FsRoot root,
      List<String> components,
      Set<DescriptorFlags> flags,
      @Nullable SharedChannel file) {
    this.root = root;
    this.components = List.copyOf(components);
    this.flags = flags.isEmpty() ? Set.of() : java.util.EnumSet.copyOf(flags);
    this.file = file;
  }

  static FsDescriptor directory(FsRoot root, List<String> components, Set<DescriptorFlags> flags) {
    return new FsDescriptor(root, components, flags, null);
  }

  static FsDescriptor file(
      FsRoot root, List<String> components, Set<DescriptorFlags> flags, SharedChannel file) {
    return new FsDescriptor(root, components, flags, file);
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

  Path hostPath() {
    return root.resolve(components);
  }

  /** Closes the file (once no stream made from it is open any more). */
  void close() {
    if (file != null) {
      file.release();
    }
  }
}
