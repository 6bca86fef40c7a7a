package dev.wasidl.component.binary;

import dev.wasidl.component.CoreExport;
import dev.wasidl.component.CoreExternType;
import dev.wasidl.component.CoreImport;
import dev.wasidl.component.CoreModule;
import dev.wasidl.component.CoreType;
import dev.wasidl.component.CoreValType;
import dev.wasidl.component.Limits;
import dev.wasidl.component.Sort;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads what a component needs from an embedded core module: its function types, imports, function
 * type indices and exports. Everything else (code, data, ...) is only framed and left to GraalWasm.
 */
final class CoreModuleReader {
  private CoreModuleReader() {}

  /** Order of the known core section ids (custom sections, id 0, may appear anywhere). */
  private static int order(int id) {
    return switch (id) {
      case 1 -> 1; // type
      case 2 -> 2; // import
      case 3 -> 3; // function
      case 4 -> 4; // table
      case 5 -> 5; // memory
      case 13 -> 6; // tag
      case 6 -> 7; // global
      case 7 -> 8; // export
      case 8 -> 9; // start
      case 9 -> 10; // element
      case 12 -> 11; // data count
      case 10 -> 12; // code
      case 11 -> 13; // data
      default -> -1;
    };
  }

  private static String sectionName(int id) {
    return switch (id) {
      case 0 -> "core custom section";
      case 1 -> "core type section";
      case 2 -> "core import section";
      case 3 -> "core function section";
      case 4 -> "core table section";
      case 5 -> "core memory section";
      case 6 -> "core global section";
      case 7 -> "core export section";
      case 8 -> "core start section";
      case 9 -> "core element section";
      case 10 -> "core code section";
      case 11 -> "core data section";
      case 12 -> "core data count section";
      case 13 -> "core tag section";
      default -> "core section " + id;
    };
  }

  static CoreModule read(BinaryReader r) {
    int start = r.pos();
    if (r.remaining() < 8) {
      throw r.malformed("unexpected end: core module preamble", r.pos());
    }
    if (r.u8() != 0x00 || r.u8() != 0x61 || r.u8() != 0x73 || r.u8() != 0x6d) {
      throw r.malformed("magic header not detected: core module must start with \\0asm", start);
    }
    int v0 = r.u8();
    int v1 = r.u8();
    int l0 = r.u8();
    int l1 = r.u8();
    if (l0 != 0 || l1 != 0) {
      throw r.malformed(
          "a core module section must hold a core module (layer 0), found layer " + l0, start + 6);
    }
    if (v0 != 1 || v1 != 0) {
      throw r.unsupported("core module version " + (v0 | v1 << 8), start + 4);
    }
    List<CoreType.Func> types = new ArrayList<>();
    List<CoreImport> imports = new ArrayList<>();
    List<Integer> functionTypes = new ArrayList<>();
    List<CoreExport> exports = new ArrayList<>();
    List<CoreExternType.Table> tables = new ArrayList<>();
    List<CoreExternType.Memory> memories = new ArrayList<>();
    List<CoreExternType.Global> globals = new ArrayList<>();
    boolean globalsKnown = true;
    int lastOrder = 0;
    while (!r.atEnd()) {
      int idAt = r.pos();
      int id = r.u8();
      int ord = order(id);
      if (id != 0 && ord < 0) {
        throw r.malformed("malformed section id " + id + " in core module", idAt);
      }
      if (id != 0) {
        if (ord <= lastOrder) {
          throw r.malformed(
              "unexpected section: "
                  + sectionName(id)
                  + " out of order or duplicated in core module",
              idAt);
        }
        lastOrder = ord;
      }
      int size = r.u32();
      BinaryReader s = r.window(size, sectionName(id));
      switch (id) {
        case 1 -> readTypes(s, types);
        case 2 -> {
          readImports(s, imports, functionTypes);
          for (CoreImport imp : imports) {
            switch (imp.type()) {
              case CoreExternType.Table t -> tables.add(t);
              case CoreExternType.Memory m -> memories.add(m);
              case CoreExternType.Global g -> globals.add(g);
              case CoreExternType.Func f -> {}
              case CoreExternType.Tag t -> {}
            }
          }
        }
        case 4 -> {
          int n = s.vecLength();
          for (int i = 0; i < n; i++) {
            boolean withInit = s.peek() == 0x40;
            if (withInit) {
              s.u8();
              s.u8();
            }
            CoreValType elem = valType(s);
            tables.add(new CoreExternType.Table(elem, limits(s, true)));
            if (withInit && !skipConstExpr(s)) {
              s.skip(s.remaining());
              break;
            }
          }
        }
        case 5 -> {
          int n = s.vecLength();
          for (int i = 0; i < n; i++) {
            memories.add(memoryType(s));
          }
        }
        case 6 -> {
          int n = s.vecLength();
          for (int i = 0; i < n && globalsKnown; i++) {
            CoreValType t = valType(s);
            int mutAt = s.pos();
            int mut = s.u8();
            if (mut > 1) {
              throw s.malformed("malformed mutability 0x" + Integer.toHexString(mut), mutAt);
            }
            globals.add(new CoreExternType.Global(t, mut == 1));
            globalsKnown = skipConstExpr(s);
          }
          s.skip(s.remaining());
        }
        case 3 -> {
          int n = s.vecLength();
          for (int i = 0; i < n; i++) {
            functionTypes.add(s.index());
          }
        }
        case 7 -> readExports(s, exports);
        default -> s.skip(s.remaining());
      }
      s.expectEnd();
    }
    for (int t : functionTypes) {
      if (t >= types.size()) {
        throw r.invalid(
            "core type index " + t + " out of range (" + types.size() + " types)", start);
      }
    }
    for (CoreExport e : exports) {
      if (e.sort() == Sort.CORE_FUNC && e.index() >= functionTypes.size()) {
        throw r.invalid(
            "core export `"
                + e.name()
                + "` names core func "
                + e.index()
                + " of "
                + functionTypes.size(),
            start);
      }
    }
    return new CoreModule(
        start,
        r.slice(start, r.limit()),
        types,
        imports,
        functionTypes,
        exports,
        tables,
        memories,
        globalsKnown ? globals : List.of());
  }

  private static void readTypes(BinaryReader s, List<CoreType.Func> types) {
    int n = s.vecLength();
    for (int i = 0; i < n; i++) {
      int at = s.pos();
      int form = s.u8();
      if (form != 0x60) {
        throw unsupportedTypeForm(s, form, at);
      }
      types.add(funcTypeBody(s));
    }
  }

  static RuntimeException unsupportedTypeForm(BinaryReader s, int form, int at) {
    return switch (form) {
      case 0x4e, 0x4f, 0x50, 0x5f, 0x5e ->
          s.unsupported(
              "core GC type form 0x" + Integer.toHexString(form) + " (WebAssembly 3.0 types)", at);
      default -> s.malformed("invalid core type form 0x" + Integer.toHexString(form), at);
    };
  }

  static CoreType.Func funcTypeBody(BinaryReader s) {
    List<CoreValType> params = valTypes(s);
    List<CoreValType> results = valTypes(s);
    return new CoreType.Func(params, results);
  }

  private static List<CoreValType> valTypes(BinaryReader s) {
    int n = s.vecLength();
    List<CoreValType> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(valType(s));
    }
    return list;
  }

  static CoreValType valType(BinaryReader s) {
    int at = s.pos();
    int b = s.u8();
    return switch (b) {
      case 0x7f -> CoreValType.I32;
      case 0x7e -> CoreValType.I64;
      case 0x7d -> CoreValType.F32;
      case 0x7c -> CoreValType.F64;
      case 0x7b -> CoreValType.V128;
      case 0x70 -> CoreValType.FUNCREF;
      case 0x6f -> CoreValType.EXTERNREF;
      case 0x63, 0x64, 0x6e, 0x6d, 0x6c, 0x6b, 0x6a, 0x71, 0x72, 0x73, 0x74, 0x69 ->
          throw s.unsupported("core reference type 0x" + Integer.toHexString(b) + " (GC)", at);
      default -> throw s.malformed("invalid core value type 0x" + Integer.toHexString(b), at);
    };
  }

  private static void readImports(
      BinaryReader s, List<CoreImport> imports, List<Integer> functionTypes) {
    Set<String> names = new HashSet<>();
    int n = s.vecLength();
    for (int i = 0; i < n; i++) {
      int at = s.pos();
      String module = s.name();
      String name = s.name();
      CoreExternType type = externType(s);
      checkUniqueImport(s, names, module, name, at);
      if (type instanceof CoreExternType.Func f) {
        functionTypes.add(f.typeIndex());
      }
      imports.add(new CoreImport(module, name, type));
    }
  }

  /** Components forbid duplicate core imports: they mangle to one name. */
  static void checkUniqueImport(
      BinaryReader s, Set<String> names, String module, String name, int at) {
    if (!names.add(module + ":" + name)) {
      throw s.invalid("duplicate import name `" + module + ":" + name + "`", at);
    }
  }

  /** A {@code core:externtype} (an import description). */
  static CoreExternType externType(BinaryReader s) {
    int at = s.pos();
    int kind = s.u8();
    return switch (kind) {
      case 0x00 -> new CoreExternType.Func(s.index());
      case 0x01 -> {
        CoreValType elem = valType(s);
        yield new CoreExternType.Table(elem, limits(s, true));
      }
      case 0x02 -> memoryType(s);
      case 0x03 -> {
        CoreValType t = valType(s);
        int mutAt = s.pos();
        int mut = s.u8();
        if (mut > 1) {
          throw s.malformed("malformed mutability 0x" + Integer.toHexString(mut), mutAt);
        }
        yield new CoreExternType.Global(t, mut == 1);
      }
      case 0x04 -> {
        int attrAt = s.pos();
        if (s.u8() != 0) {
          throw s.malformed("malformed tag attribute", attrAt);
        }
        yield new CoreExternType.Tag(s.index());
      }
      default -> throw s.malformed("malformed import kind 0x" + Integer.toHexString(kind), at);
    };
  }

  private static CoreExternType.Memory memoryType(BinaryReader s) {
    int flagsAt = s.pos();
    int flags = s.peek();
    Limits limits = limits(s, false);
    if ((flags & 0x08) != 0) {
      throw s.unsupported("custom page sizes", flagsAt);
    }
    boolean memory64 = (flags & 0x04) != 0;
    long maxPages = memory64 ? 1L << 48 : 1L << 16;
    if (limits.min() > maxPages
        || (limits.max().isPresent()
            && Long.compareUnsigned(limits.max().getAsLong(), maxPages) > 0)) {
      throw s.invalid(
          "memory size must be at most "
              + maxPages
              + " pages ("
              + (memory64 ? "256 TiB" : "4 GiB")
              + ")",
          flagsAt);
    }
    return new CoreExternType.Memory(limits, (flags & 0x02) != 0, memory64);
  }

  /**
   * Skips a constant expression (a table or global initializer); false if it uses an instruction
   * this reader does not know, leaving the reader where it stopped.
   */
  static boolean skipConstExpr(BinaryReader s) {
    while (true) {
      int op = s.u8();
      switch (op) {
        case 0x0b -> {
          return true;
        }
        case 0x41, 0x42 -> skipLeb(s);
        case 0x43 -> s.skip(4);
        case 0x44 -> s.skip(8);
        case 0x23, 0xd2 -> s.u32();
        case 0xd0 -> s.s33();
        case 0x6a, 0x6b, 0x6c, 0x7c, 0x7d, 0x7e -> {}
        case 0xfd -> {
          if (s.u32() != 0x0c) {
            return false;
          }
          s.skip(16);
        }
        default -> {
          return false;
        }
      }
    }
  }

  private static void skipLeb(BinaryReader s) {
    for (int i = 0; i < 10; i++) {
      if ((s.u8() & 0x80) == 0) {
        return;
      }
    }
    throw s.malformed("integer representation too long");
  }

  private static Limits limits(BinaryReader s, boolean table) {
    int at = s.pos();
    int flags = s.u8();
    int allowed = table ? 0x05 : 0x0f;
    if ((flags & ~allowed) != 0) {
      throw s.malformed("malformed limits flags 0x" + Integer.toHexString(flags), at);
    }
    boolean wide = (flags & 0x04) != 0;
    long min = wide ? s.u64() : Integer.toUnsignedLong(s.u32());
    OptionalLong max = OptionalLong.empty();
    if ((flags & 0x01) != 0) {
      max = OptionalLong.of(wide ? s.u64() : Integer.toUnsignedLong(s.u32()));
    }
    if ((flags & 0x08) != 0) {
      s.u32(); // page size exponent; rejected by the caller
    }
    if (max.isPresent() && Long.compareUnsigned(max.getAsLong(), min) < 0) {
      throw s.invalid("size minimum must not be greater than maximum", at);
    }
    return new Limits(min, max);
  }

  private static void readExports(BinaryReader s, List<CoreExport> exports) {
    int n = s.vecLength();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < n; i++) {
      int at = s.pos();
      String name = s.name();
      int kindAt = s.pos();
      int kind = s.u8();
      Sort sort =
          switch (kind) {
            case 0 -> Sort.CORE_FUNC;
            case 1 -> Sort.CORE_TABLE;
            case 2 -> Sort.CORE_MEMORY;
            case 3 -> Sort.CORE_GLOBAL;
            case 4 -> Sort.CORE_TAG;
            default ->
                throw s.malformed("malformed export kind 0x" + Integer.toHexString(kind), kindAt);
          };
      if (!names.add(name)) {
        throw s.invalid("duplicate export name `" + name + "` in core module", at);
      }
      exports.add(new CoreExport(name, sort, s.index()));
    }
  }
}
