package dev.wasidl.abi;

import dev.wasidl.types.BorrowType;
import dev.wasidl.types.EnumType;
import dev.wasidl.types.FlagsType;
import dev.wasidl.types.ListType;
import dev.wasidl.types.OptionType;
import dev.wasidl.types.OwnType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.RecordType;
import dev.wasidl.types.ResultType;
import dev.wasidl.types.TupleType;
import dev.wasidl.types.Type;
import dev.wasidl.types.U8List;
import dev.wasidl.types.Val;
import dev.wasidl.types.VariantType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The spec's "Loading" section: {@code load} and its helpers. */
final class Loading {
  private Loading() {}

  /** {@code load}; the caller has checked alignment and bounds of {@code [ptr, ptr+size)}. */
  static Val load(LiftLowerContext cx, long ptr, Type t) {
    Memory m = cx.memory();
    int p = (int) ptr;
    return switch (t) {
      case Primitive pr ->
          switch (pr) {
            case BOOL -> new Val.Bool(m.loadI8(p) != 0);
            case S8 -> new Val.S8(m.loadI8(p));
            case U8 -> new Val.U8(Byte.toUnsignedInt(m.loadI8(p)));
            case S16 -> new Val.S16(m.loadI16(p));
            case U16 -> new Val.U16(Short.toUnsignedInt(m.loadI16(p)));
            case S32 -> new Val.S32(m.loadI32(p));
            case U32 -> new Val.U32(Integer.toUnsignedLong(m.loadI32(p)));
            case S64 -> new Val.S64(m.loadI64(p));
            case U64 -> new Val.U64(m.loadI64(p));
            case F32 -> new Val.F32(Values.decodeF32(m.loadI32(p)));
            case F64 -> new Val.F64(Values.decodeF64(m.loadI64(p)));
            case CHAR -> Values.convertI32ToChar(m.loadI32(p));
            case STRING -> new Val.Str(Strings.loadString(cx, ptr));
          };
      case ListType l -> loadList(cx, ptr, l.element());
      case RecordType r -> Values.fieldsVal(t, loadRecord(cx, ptr, cx.facts().get(t).fieldTypes()));
      case TupleType tt -> Values.fieldsVal(t, loadRecord(cx, ptr, cx.facts().get(t).fieldTypes()));
      case VariantType v -> loadVariant(cx, ptr, t);
      case EnumType e -> loadVariant(cx, ptr, t);
      case OptionType o -> loadVariant(cx, ptr, t);
      case ResultType r -> loadVariant(cx, ptr, t);
      case FlagsType f -> loadFlags(cx, ptr, f);
      case OwnType o -> new Val.Own(Handles.liftOwn(cx, m.loadI32(p), o.resource()));
      case BorrowType b -> new Val.Borrow(Handles.liftBorrow(cx, m.loadI32(p), b.resource()));
    };
  }

  static Val.ListVal loadList(LiftLowerContext cx, long ptr, Type elemType) {
    Memory m = cx.memory();
    long begin = Integer.toUnsignedLong(m.loadI32((int) ptr));
    long length = Integer.toUnsignedLong(m.loadI32((int) (ptr + 4)));
    return loadListFromRange(cx, begin, length, elemType);
  }

  /** {@code load_list_from_range} of a {@code list<u8>}, as Java bytes. */
  static byte[] loadBytesFromRange(LiftLowerContext cx, long ptr, long length) {
    checkListRange(cx, ptr, length, 1, 1);
    return readBytes(cx, ptr, length);
  }

  /**
   * {@code load_list_from_range}'s checks: the byte length within the maximum, the range aligned
   * and in bounds.
   */
  static void checkListRange(
      LiftLowerContext cx, long ptr, long length, long elemSize, int alignment) {
    long byteLength = length * elemSize;
    if (byteLength > CanonicalAbi.MAX_LIST_BYTE_LENGTH) {
      throw new Trap(
          "list of "
              + length
              + " elements of "
              + elemSize
              + " bytes exceeds the maximum list byte length "
              + CanonicalAbi.MAX_LIST_BYTE_LENGTH);
    }
    Strings.checkRange(cx, "list", ptr, byteLength, alignment);
  }

  private static byte[] readBytes(LiftLowerContext cx, long ptr, long length) {
    cx.countLiftedBytes(length);
    byte[] bytes = new byte[(int) length];
    cx.memory().read((int) ptr, bytes, 0, bytes.length);
    return bytes;
  }

  static Val.ListVal loadListFromRange(LiftLowerContext cx, long ptr, long length, Type elemType) {
    TypeFacts.Of elem = cx.facts().get(elemType);
    long elemSize = elem.elemSize();
    checkListRange(cx, ptr, length, elemSize, elem.alignment());
    if (elemType != Primitive.U8) {
      cx.countListElements(length);
    }
    if (elemType == Primitive.U8) {
      return new Val.ListVal(U8List.copyOf(readBytes(cx, ptr, length)));
    }
    if (elemType instanceof Primitive p && PrimitiveLists.isBulk(p)) {
      return new Val.ListVal(
          PrimitiveLists.load(cx.memory(), ptr, length, p, Math.toIntExact(elemSize)));
    }
    List<Val> elements = new ArrayList<>((int) length);
    for (long i = 0; i < length; i++) {
      elements.add(load(cx, ptr + i * elemSize, elemType));
    }
    return new Val.ListVal(elements);
  }

  static List<Val> loadRecord(LiftLowerContext cx, long ptr, List<Type> types) {
    List<Val> values = new ArrayList<>(types.size());
    TypeFacts facts = cx.facts();
    for (Type f : types) {
      TypeFacts.Of ff = facts.get(f);
      ptr = Layout.alignTo(ptr, ff.alignment());
      values.add(load(cx, ptr, f));
      ptr += ff.elemSize();
    }
    return values;
  }

  static Val loadVariant(LiftLowerContext cx, long ptr, Type t) {
    TypeFacts.Of facts = cx.facts().get(t);
    List<Optional<Type>> cases = facts.cases();
    Memory m = cx.memory();
    long discSize = facts.discSize();
    long caseIndex =
        switch ((int) discSize) {
          case 1 -> Byte.toUnsignedLong(m.loadI8((int) ptr));
          case 2 -> Short.toUnsignedLong(m.loadI16((int) ptr));
          default -> Integer.toUnsignedLong(m.loadI32((int) ptr));
        };
    ptr += discSize;
    checkDiscriminant(caseIndex, cases.size(), t);
    Optional<Type> c = cases.get((int) caseIndex);
    ptr = Layout.alignTo(ptr, facts.maxCaseAlignment());
    Optional<Val> payload = c.isPresent() ? Optional.of(load(cx, ptr, c.get())) : Optional.empty();
    return Values.caseVal(t, (int) caseIndex, payload);
  }

  static void checkDiscriminant(long caseIndex, int caseCount, Type t) {
    if (caseIndex >= caseCount) {
      throw new Trap(
          "invalid discriminant "
              + caseIndex
              + " for "
              + t
              + ", which has "
              + caseCount
              + " case"
              + (caseCount == 1 ? "" : "s"));
    }
  }

  static Val.Flags loadFlags(LiftLowerContext cx, long ptr, FlagsType t) {
    Memory m = cx.memory();
    int n = t.names().size();
    int[] words = new int[SizeAlign.i32Flags(n)];
    if (n <= 8) {
      words[0] = Byte.toUnsignedInt(m.loadI8((int) ptr));
    } else if (n <= 16) {
      words[0] = Short.toUnsignedInt(m.loadI16((int) ptr));
    } else {
      for (int i = 0; i < words.length; i++) {
        words[i] = m.loadI32((int) (ptr + 4L * i));
      }
    }
    return Values.unpackFlags(words, t);
  }
}
