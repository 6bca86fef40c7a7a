package dev.wasidl.wasi;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A granted preopen as the filesystem host enforces it: {@code realPath} is the host directory with
 * every symbolic link resolved (fixed when the instance first asks for its preopens), the boundary
 * no guest path may leave; {@code fileKey} identifies that directory (device and inode), so a
 * directory moved or replaced since is noticed.
 */
record FsRoot(Path realPath, String guestPath, boolean writable, @Nullable Object fileKey) {
  /** The host path of {@code components} (already resolved, free of links) below the root. */
  Path resolve(List<String> components) {
    Path p = realPath;
    for (String c : components) {
      p = p.resolve(c);
    }
    return p;
  }
}
