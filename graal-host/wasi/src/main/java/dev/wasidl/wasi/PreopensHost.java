package dev.wasidl.wasi;

import dev.wasidl.bindings.Resource;
import dev.wasidl.bindings.Tuple2;
import dev.wasidl.wasi.bindings.wasi.filesystem.Preopens;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * The host side of {@code wasi:filesystem/preopens}: each call hands out a new descriptor for every
 * preopen of the config (read, and mutate-directory when the preopen is writable), with its guest
 * path.
 */
final class PreopensHost implements Preopens {
  private final WasiCtx ctx;

  PreopensHost(WasiCtx ctx) {
    this.ctx = ctx;
  }

  @Override
  public List<Tuple2<Resource<Descriptor>, String>> getDirectories() {
    FilesystemHost fs = ctx.filesystemHost;
    List<Tuple2<Resource<Descriptor>, String>> out = new ArrayList<>();
    for (FsRoot root : fs.roots()) {
      out.add(new Tuple2<>(fs.openPreopen(root), root.guestPath()));
    }
    return out;
  }
}
