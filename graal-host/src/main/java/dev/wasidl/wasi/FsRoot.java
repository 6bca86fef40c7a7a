package dev.wasidl.wasi;

import java.nio.file.Path;
import java.util.List;

/**
 * A granted preopen as the filesystem host enforces it: {@code realPath} is the host directory with
 * every symbolic link resolved (fixed when the instance first asks for its preopens), the boundary
 * no guest path may leave.
 */
record FsRoot(Path realPath, String guestPath, boolean writable) {
  /** The host path of {@code components} (already resolved, free of links) below the root. */
  Path resolve(List<String> components) {
    Path p = realPath;
    for (String c : components) {
      p = p.resolve(c);
    }
    return p;
  }
}
