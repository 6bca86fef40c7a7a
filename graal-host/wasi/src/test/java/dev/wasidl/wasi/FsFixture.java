package dev.wasidl.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wasidl.bindings.Resource;
import dev.wasidl.bindings.Result;
import dev.wasidl.bindings.Tuple2;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.Descriptor;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.DescriptorFlags;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.ErrorCode;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.OpenFlags;
import dev.wasidl.wasi.bindings.wasi.filesystem.Types.PathFlags;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A real {@link WasiCtx} over temporary preopens, driven through the generated {@link Types} and
 * {@code Preopens} interfaces as the bindings would call them.
 */
final class FsFixture {
  static final Set<PathFlags> FOLLOW = EnumSet.of(PathFlags.SYMLINK_FOLLOW);
  static final Set<PathFlags> NOFOLLOW = EnumSet.noneOf(PathFlags.class);
  static final Set<OpenFlags> NONE = EnumSet.noneOf(OpenFlags.class);
  static final Set<OpenFlags> CREATE = EnumSet.of(OpenFlags.CREATE);
  static final Set<DescriptorFlags> R = EnumSet.of(DescriptorFlags.READ);
  static final Set<DescriptorFlags> W = EnumSet.of(DescriptorFlags.WRITE);
  static final Set<DescriptorFlags> RW = EnumSet.of(DescriptorFlags.READ, DescriptorFlags.WRITE);

  final WasiCtx ctx;
  final Types fs;
  final List<Tuple2<Resource<Descriptor>, String>> preopens;

  FsFixture(WasiConfig config) {
    this.ctx = new WasiCtx(config);
    this.fs = ctx.filesystemHost;
    this.preopens = ctx.preopensHost.getDirectories();
  }

  /** The descriptor of the {@code i}th preopen. */
  Resource<Descriptor> root(int i) {
    return preopens.get(i).v0();
  }

  Resource<Descriptor> root() {
    return root(0);
  }

  Resource<Descriptor> open(String path, Set<OpenFlags> open, Set<DescriptorFlags> flags) {
    return ok(fs.descriptorOpenAt(root(), FOLLOW, path, open, flags));
  }

  static <T> T ok(Result<T, ErrorCode> r) {
    return switch (r) {
      case Result.Ok<T, ErrorCode> o -> o.value();
      case Result.Err<T, ErrorCode> e -> fail("expected ok, got error " + e.error());
    };
  }

  static void assertErr(ErrorCode expected, Result<?, ErrorCode> r) {
    switch (r) {
      case Result.Ok<?, ErrorCode> o ->
          fail("expected error " + expected + ", got ok " + o.value());
      case Result.Err<?, ErrorCode> e -> assertEquals(expected, e.error());
    }
  }
}
