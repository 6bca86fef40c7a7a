package dev.wasidl.graal;

import dev.wasidl.component.CoreType;
import dev.wasidl.component.CoreValType;
import dev.wasidl.component.binary.BinaryWriter;

/** What the core modules graal-host writes at run time (store adapters, entry shims) share. */
final class SpunModules {
  private SpunModules() {}

  /** A function type in the type section: {@code 0x60}, the parameters, the results. */
  static void funcType(BinaryWriter w, CoreType.Func f) {
    w.u8(0x60).u32(f.params().size());
    f.params().forEach(t -> w.u8(valType(t)));
    w.u32(f.results().size());
    f.results().forEach(t -> w.u8(valType(t)));
  }

  private static int valType(CoreValType t) {
    return switch (t) {
      case I32 -> 0x7f;
      case I64 -> 0x7e;
      case F32 -> 0x7d;
      case F64 -> 0x7c;
      default -> throw new IllegalArgumentException("a spun module's function does not take " + t);
    };
  }

  /**
   * Code copying the {@code len} bytes at {@code ptr} (i32 locals) from the words function {@code
   * source} returns, one per call: whole words stored as i64, then the last word's bytes one at a
   * time, never past {@code len}. Uses i32 local {@code i} (set to 0 first) and i64 local {@code
   * w}.
   */
  static void copyWordsIn(BinaryWriter b, int ptr, int len, int i, int w, int source) {
    b.u8(0x41).u8(0).u8(0x21).u32(i);
    // whole words
    b.u8(0x02).u8(0x40).u8(0x03).u8(0x40);
    b.u8(0x20).u32(i).u8(0x41).u8(8).u8(0x6a).u8(0x20).u32(len).u8(0x4b).u8(0x0d).u32(1);
    b.u8(0x20).u32(ptr).u8(0x20).u32(i).u8(0x6a).u8(0x10).u32(source).u8(0x37).u32(0).u32(0);
    b.u8(0x20).u32(i).u8(0x41).u8(8).u8(0x6a).u8(0x21).u32(i);
    b.u8(0x0c).u32(0).u8(0x0b).u8(0x0b);
    // the last bytes, one at a time
    b.u8(0x02).u8(0x40);
    b.u8(0x20).u32(i).u8(0x20).u32(len).u8(0x4f).u8(0x0d).u32(0);
    b.u8(0x10).u32(source).u8(0x21).u32(w);
    b.u8(0x03).u8(0x40);
    b.u8(0x20).u32(ptr).u8(0x20).u32(i).u8(0x6a).u8(0x20).u32(w).u8(0xa7).u8(0x3a).u32(0).u32(0);
    b.u8(0x20).u32(w).u8(0x42).u8(8).u8(0x88).u8(0x21).u32(w);
    b.u8(0x20).u32(i).u8(0x41).u8(1).u8(0x6a).u8(0x22).u32(i);
    b.u8(0x20).u32(len).u8(0x49).u8(0x0d).u32(0);
    b.u8(0x0b).u8(0x0b);
  }

  /**
   * The module: the header, then the type, import, function, export and code sections in that
   * order.
   */
  static byte[] module(
      BinaryWriter types,
      BinaryWriter imports,
      BinaryWriter functions,
      BinaryWriter exports,
      BinaryWriter code) {
    BinaryWriter module =
        new BinaryWriter().bytes(new byte[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00});
    module.u8(1).sized(types);
    module.u8(2).sized(imports);
    module.u8(3).sized(functions);
    module.u8(7).sized(exports);
    module.u8(10).sized(code);
    return module.toByteArray();
  }
}
