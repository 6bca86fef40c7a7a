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
