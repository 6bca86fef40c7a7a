package dev.wasidl.component.binary;

import static dev.wasidl.component.binary.ComponentReader.readIndex;

import dev.wasidl.abi.CanonicalAbi;
import dev.wasidl.abi.FlatFuncType;
import dev.wasidl.abi.FlatType;
import dev.wasidl.component.CanonOptions;
import dev.wasidl.component.CanonicalFunction;
import dev.wasidl.component.CoreType;
import dev.wasidl.component.CoreValType;
import dev.wasidl.component.Sort;
import dev.wasidl.component.StringEncoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads canonical definitions ({@code canon}): lift, lower and the resource built-ins, with their
 * options, validated as CanonicalABI.md's "Canonical Definitions" says (sync, preview 2).
 */
final class CanonReader {
  private CanonReader() {}

  /** Reads one {@code canon} definition and adds the function it defines to {@code scope}. */
  static CanonicalFunction read(BinaryReader s, ValidationScope scope) {
    int at = s.pos();
    int op = s.u8();
    CanonicalFunction canon;
    Facts info;
    switch (op) {
      case 0x00 -> {
        expectByte(s, 0x00, "canon lift (core func sort)");
        int coreFuncAt = s.pos();
        int coreFunc = readIndex(s, scope, Sort.CORE_FUNC);
        CanonOptions opts = canonOptions(s, scope, true);
        int typeAt = s.pos();
        int type = readIndex(s, scope, Sort.TYPE);
        info = scope.info(Sort.TYPE, type);
        if (!(info instanceof Facts.Func) && !(info instanceof Facts.Unknown)) {
          throw s.invalid("canon lift type " + type + " is not a function type", typeAt);
        }
        if (info instanceof Facts.Func f) {
          checkLift(s, scope, f, coreFunc, opts, coreFuncAt, at);
        }
        canon = new CanonicalFunction.Lift(coreFunc, opts, type);
      }
      case 0x01 -> {
        expectByte(s, 0x00, "canon lower (func sort)");
        int func = readIndex(s, scope, Sort.FUNC);
        CanonOptions opts = canonOptions(s, scope, false);
        info = Facts.UNKNOWN;
        if (scope.info(Sort.FUNC, func) instanceof Facts.Func f) {
          info = checkLower(s, f, opts, at);
        }
        canon = new CanonicalFunction.Lower(func, opts);
      }
      case 0x02, 0x03, 0x04 -> {
        int typeAt = s.pos();
        int type = readIndex(s, scope, Sort.TYPE);
        Facts t = scope.info(Sort.TYPE, type);
        if (!(t instanceof Facts.Resource) && !(t instanceof Facts.Unknown)) {
          throw s.invalid("type " + type + " is not a resource type", typeAt);
        }
        if (op != 0x03 && t instanceof Facts.Resource res && !res.local()) {
          throw s.invalid(
              "resource."
                  + (op == 0x02 ? "new" : "rep")
                  + " needs a resource type defined by this"
                  + " component; type "
                  + type
                  + " is imported",
              typeAt);
        }
        CoreValType i32 = CoreValType.I32;
        canon =
            switch (op) {
              case 0x02 -> new CanonicalFunction.ResourceNew(type);
              case 0x03 -> new CanonicalFunction.ResourceDrop(type);
              default -> new CanonicalFunction.ResourceRep(type);
            };
        info =
            new Facts.CoreFunc(
                new CoreType.Func(List.of(i32), op == 0x03 ? List.of() : List.of(i32)));
      }
      default -> {
        String feature = CanonBuiltins.unsupportedName(op);
        if (feature != null) {
          throw s.unsupported("canon " + feature, at);
        }
        throw s.malformed("invalid canonical function opcode 0x" + Integer.toHexString(op), at);
      }
    }
    scope.add(canon.sort(), info, canon);
    return canon;
  }

  /** The validation of {@code canon lift} in CanonicalABI.md, for sync functions. */
  private static void checkLift(
      BinaryReader s,
      ValidationScope scope,
      Facts.Func f,
      int coreFunc,
      CanonOptions opts,
      int coreFuncAt,
      int at) {
    Optional<Flat> flat = Flat.of(f);
    if (flat.isEmpty()) {
      return;
    }
    Flat fl = flat.get();
    CoreType.Func expected = fl.core(FlatFuncType.Context.LIFT);
    checkCoreFuncType(s, scope, coreFunc, expected, "canon lift callee", coreFuncAt);
    if ((fl.paramsNeedMemory() || fl.params().size() > CanonicalAbi.MAX_FLAT_PARAMS)
        && opts.realloc().isEmpty()) {
      throw s.invalid(
          "canon lift of a function whose parameters hold lists or strings (or more than "
              + CanonicalAbi.MAX_FLAT_PARAMS
              + " flat values) needs the realloc option",
          at);
    }
    if ((fl.resultNeedsMemory() || fl.results().size() > CanonicalAbi.MAX_FLAT_RESULTS)
        && opts.memory().isEmpty()) {
      throw s.invalid(
          "canon lift of a function whose result holds lists or strings (or more than "
              + CanonicalAbi.MAX_FLAT_RESULTS
              + " flat value) needs the memory option",
          at);
    }
    if (opts.postReturn().isPresent()) {
      checkCoreFuncType(
          s,
          scope,
          opts.postReturn().getAsInt(),
          new CoreType.Func(expected.results(), List.of()),
          "post-return",
          at);
    }
  }

  /** The validation of {@code canon lower}; returns the facts of the defined core func. */
  private static Facts checkLower(BinaryReader s, Facts.Func f, CanonOptions opts, int at) {
    Optional<Flat> flat = Flat.of(f);
    if (flat.isEmpty()) {
      return Facts.UNKNOWN;
    }
    Flat fl = flat.get();
    boolean needsMemory =
        fl.paramsNeedMemory()
            || fl.resultNeedsMemory()
            || fl.params().size() > CanonicalAbi.MAX_FLAT_PARAMS
            || fl.results().size() > CanonicalAbi.MAX_FLAT_RESULTS;
    if (needsMemory && opts.memory().isEmpty()) {
      throw s.invalid(
          "canon lower of a function passing lists, strings or more than "
              + CanonicalAbi.MAX_FLAT_PARAMS
              + " flat parameters or "
              + CanonicalAbi.MAX_FLAT_RESULTS
              + " flat result needs the memory option",
          at);
    }
    if (fl.resultNeedsMemory() && opts.realloc().isEmpty()) {
      throw s.invalid(
          "canon lower of a function whose result holds lists or strings needs the realloc option",
          at);
    }
    return new Facts.CoreFunc(fl.core(FlatFuncType.Context.LOWER));
  }

  /** A function type's flat parameters and result, and whether they need memory. */
  private record Flat(
      List<FlatType> params,
      List<FlatType> results,
      boolean paramsNeedMemory,
      boolean resultNeedsMemory) {

    /** The flattening of {@code f}, if all its types are tracked. */
    static Optional<Flat> of(Facts.Func f) {
      List<FlatType> params = new ArrayList<>();
      boolean paramsNeedMemory = false;
      for (Facts p : f.params()) {
        if (!(p instanceof Facts.ValueType v) || v.flat() == null) {
          return Optional.empty();
        }
        params.addAll(v.flat());
        paramsNeedMemory |= v.needsMemory();
      }
      List<FlatType> results = List.of();
      boolean resultNeedsMemory = false;
      if (f.result() != null) {
        if (!(f.result() instanceof Facts.ValueType v) || v.flat() == null) {
          return Optional.empty();
        }
        results = v.flat();
        resultNeedsMemory = v.needsMemory();
      }
      return Optional.of(new Flat(params, results, paramsNeedMemory, resultNeedsMemory));
    }

    /** {@code flatten_functype(opts, ft, context)} (sync, 32-bit memory) as a core type. */
    CoreType.Func core(FlatFuncType.Context context) {
      FlatFuncType f = FlatFuncType.of(params, results, context);
      return new CoreType.Func(
          f.params().stream().map(FlatType::core).toList(),
          f.results().stream().map(FlatType::core).toList());
    }
  }

  private static void expectByte(BinaryReader s, int expected, String what) {
    int at = s.pos();
    int b = s.u8();
    if (b != expected) {
      throw s.malformed(
          "expected 0x"
              + Integer.toHexString(expected)
              + " in "
              + what
              + ", found 0x"
              + Integer.toHexString(b),
          at);
    }
  }

  private static CanonOptions canonOptions(BinaryReader s, ValidationScope scope, boolean lift) {
    int start = s.pos();
    StringEncoding encoding = null;
    OptionalInt memory = OptionalInt.empty();
    OptionalInt realloc = OptionalInt.empty();
    OptionalInt postReturn = OptionalInt.empty();
    int n = s.vecLength();
    for (int i = 0; i < n; i++) {
      int at = s.pos();
      int op = s.u8();
      switch (op) {
        case 0x00, 0x01, 0x02 -> {
          if (encoding != null) {
            throw s.invalid("canonical option string-encoding given more than once", at);
          }
          encoding =
              switch (op) {
                case 0x00 -> StringEncoding.UTF8;
                case 0x01 -> StringEncoding.UTF16;
                default -> StringEncoding.LATIN1_UTF16;
              };
        }
        case 0x03 -> {
          if (memory.isPresent()) {
            throw s.invalid("canonical option memory given more than once", at);
          }
          memory = OptionalInt.of(readIndex(s, scope, Sort.CORE_MEMORY));
        }
        case 0x04 -> {
          if (realloc.isPresent()) {
            throw s.invalid("canonical option realloc given more than once", at);
          }
          int fAt = s.pos();
          int f = readIndex(s, scope, Sort.CORE_FUNC);
          checkCoreFuncType(
              s,
              scope,
              f,
              new CoreType.Func(
                  List.of(CoreValType.I32, CoreValType.I32, CoreValType.I32, CoreValType.I32),
                  List.of(CoreValType.I32)),
              "realloc",
              fAt);
          realloc = OptionalInt.of(f);
        }
        case 0x05 -> {
          if (postReturn.isPresent()) {
            throw s.invalid("canonical option post-return given more than once", at);
          }
          if (!lift) {
            throw s.invalid("canonical option post-return is only allowed on canon lift", at);
          }
          postReturn = OptionalInt.of(readIndex(s, scope, Sort.CORE_FUNC));
        }
        case 0x06 -> throw s.unsupported("canonical option async (🔀)", at);
        case 0x07 -> throw s.unsupported("canonical option callback (🔀)", at);
        default -> throw s.malformed("invalid canonical option 0x" + Integer.toHexString(op), at);
      }
    }
    if (realloc.isPresent() && memory.isEmpty()) {
      throw s.invalid("canonical option realloc needs the memory option", start);
    }
    return new CanonOptions(
        encoding == null ? StringEncoding.UTF8 : encoding, memory, realloc, postReturn);
  }

  static void checkCoreFuncType(
      BinaryReader s,
      ValidationScope scope,
      int func,
      CoreType.Func expected,
      String what,
      int at) {
    if (scope.info(Sort.CORE_FUNC, func) instanceof Facts.CoreFunc f
        && !f.type().equals(expected)) {
      throw s.invalid(
          what
              + " core func "
              + func
              + " has type "
              + f.type().params()
              + " -> "
              + f.type().results()
              + ", expected "
              + expected.params()
              + " -> "
              + expected.results(),
          at);
    }
  }
}
