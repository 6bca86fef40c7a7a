package dev.wasidl.component;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A core module embedded in a component. Its bytes are kept as they are (GraalWasm parses them);
 * only what instantiation needs is decoded: function types, imports and exports.
 *
 * @param offset offset of the module's first byte in the outermost binary
 * @param bytes the module binary, a read-only slice of the component's bytes
 * @param types the module's function types (type section), in order
 * @param imports the module's imports, in order
 * @param functionTypes the type index of every function (imported first, then defined)
 * @param exports the module's exports, in order
 * @param tables the type of every table (imported first, then defined)
 * @param memories the type of every memory (imported first, then defined)
 * @param globals the type of every global (imported first, then defined), or empty when a global
 *     initializer uses an instruction this decoder does not skip
 */
public record CoreModule(
    long offset,
    ByteBuffer bytes,
    List<CoreType.Func> types,
    List<CoreImport> imports,
    List<Integer> functionTypes,
    List<CoreExport> exports,
    List<CoreExternType.Table> tables,
    List<CoreExternType.Memory> memories,
    List<CoreExternType.Global> globals)
    implements Definition {
  public CoreModule {
    bytes = bytes.asReadOnlyBuffer();
    types = List.copyOf(types);
    imports = List.copyOf(imports);
    functionTypes = List.copyOf(functionTypes);
    exports = List.copyOf(exports);
    tables = List.copyOf(tables);
    memories = List.copyOf(memories);
    globals = List.copyOf(globals);
  }

  /** A copy of the module binary. */
  public byte[] toByteArray() {
    byte[] copy = new byte[bytes.remaining()];
    bytes.duplicate().get(copy);
    return copy;
  }

  /** The type of the core function at {@code funcIndex} in the module's function space. */
  public CoreType.Func functionType(int funcIndex) {
    return types.get(functionTypes.get(funcIndex));
  }

  @Override
  public ByteBuffer bytes() {
    return bytes.duplicate();
  }
}
