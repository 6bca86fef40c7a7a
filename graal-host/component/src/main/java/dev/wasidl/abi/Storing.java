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
import java.util.List;
import java.util.Optional;

/** The spec's "Storing" section: {@code store} and its helpers. */
final class Storing {
  private Storing() {}

  /** {@code store}; the caller has checked alignment and bounds of {@code [ptr, ptr+size)}. */
  static void store(LiftLowerContext cx, Val v, Type t, long ptr) {
    Memory m = cx.memory();
    int p = (int) ptr;
    switch (t) {
      case Primitive pr -> {
        switch (pr) {
          case BOOL -> m.storeI8(p, (byte) (Values.expect(v, Val.Bool.class, t).value() ? 1 : 0));
          case S8 -> m.storeI8(p, Values.expect(v, Val.S8.class, t).value());
          case U8 -> m.storeI8(p, (byte) Values.expect(v, Val.U8.class, t).value());
          case S16 -> m.storeI16(p, Values.expect(v, Val.S16.class, t).value());
          case U16 -> m.storeI16(p, (short) Values.expect(v, Val.U16.class, t).value());
          case S32 -> m.storeI32(p, Values.expect(v, Val.S32.class, t).value());
          case U32 -> m.storeI32(p, (int) Values.expect(v, Val.U32.class, t).value());
          case S64 -> m.storeI64(p, Values.expect(v, Val.S64.class, t).value());
          case U64 -> m.storeI64(p, Values.expect(v, Val.U64.class, t).value());
          case F32 -> m.storeI32(p, Values.encodeF32(Values.expect(v, Val.F32.class, t).value()));
          case F64 -> m.storeI64(p, Values.encodeF64(Values.expect(v, Val.F64.class, t).value()));
          case CHAR -> m.storeI32(p, Values.expect(v, Val.Char.class, t).codePoint());
          case STRING -> Strings.storeString(cx, Values.expect(v, Val.Str.class, t).value(), ptr);
        }
      }
      case ListType l -> storeList(cx, v, ptr, l);
      case RecordType r ->
          storeRecord(cx, Values.fieldValues(v, t), ptr, cx.facts().get(t).fieldTypes());
      case TupleType tt ->
          storeRecord(cx, Values.fieldValues(v, t), ptr, cx.facts().get(t).fieldTypes());
      case VariantType vt -> storeVariant(cx, v, ptr, t);
      case EnumType e -> storeVariant(cx, v, ptr, t);
      case OptionType o -> storeVariant(cx, v, ptr, t);
      case ResultType r -> storeVariant(cx, v, ptr, t);
      case FlagsType f -> storeFlags(cx, v, ptr, f);
      case OwnType o ->
          m.storeI32(
              p, Handles.lowerOwn(cx, Values.expect(v, Val.Own.class, t).rep(), o.resource()));
      case BorrowType b ->
          m.storeI32(
              p,
              Handles.lowerBorrow(cx, Values.expect(v, Val.Borrow.class, t).rep(), b.resource()));
    }
  }

  static void storeList(LiftLowerContext cx, Val v, long ptr, ListType t) {
    if (t.element() == Primitive.U8
        && v instanceof Val.ListVal l
        && l.elements() instanceof U8List u8s
        && u8s.size() <= AllocationQueue.MAX_BYTES) {
      storeBytes(cx, u8s.toByteArray(), ptr);
      return;
    }
    CanonicalAbi.Range r = storeListIntoRange(cx, v, t);
    cx.memory().storeI32((int) ptr, (int) r.ptr());
    cx.memory().storeI32((int) (ptr + 4), (int) r.length());
  }

  /**
   * {@code store_list} of a {@code list<u8>} given as Java bytes: its (pointer, length) stored at
   * {@code ptr}, the allocation and copy queued when the memory can wait for them.
   */
  static void storeBytes(LiftLowerContext cx, byte[] bytes, long ptr) {
    if (cx.memory() instanceof AllocationQueue q
        && q.queueCopy(cx, "list", 1, bytes, bytes.length, (int) ptr)) {
      return;
    }
    CanonicalAbi.Range r = storeBytesIntoRange(cx, bytes);
    cx.memory().storeI32((int) ptr, (int) r.ptr());
    cx.memory().storeI32((int) (ptr + 4), (int) r.length());
  }

  /** {@code store_list_into_range} of a {@code list<u8>} given as Java bytes. */
  static CanonicalAbi.Range storeBytesIntoRange(LiftLowerContext cx, byte[] bytes) {
    long ptr = allocateList(cx, bytes.length, 1, 1);
    cx.memory().write((int) ptr, bytes, 0, bytes.length);
    return new CanonicalAbi.Range(ptr, bytes.length);
  }

  /**
   * {@code store_list_into_range}'s allocation: the byte length within the maximum, realloc, and
   * the new range checked; returns its address.
   */
  static long allocateList(LiftLowerContext cx, long length, long elemSize, int alignment) {
    long byteLength = length * elemSize;
    if (byteLength > CanonicalAbi.MAX_LIST_BYTE_LENGTH) {
      throw new Trap(
          "list of "
              + byteLength
              + " bytes exceeds the maximum list byte length "
              + CanonicalAbi.MAX_LIST_BYTE_LENGTH);
    }
    long ptr = cx.allocate(alignment, byteLength);
    Strings.checkRange(cx, "list", ptr, byteLength, alignment);
    return ptr;
  }

  static CanonicalAbi.Range storeListIntoRange(LiftLowerContext cx, Val v, ListType t) {
    List<Val> elements = Values.expect(v, Val.ListVal.class, t).elements();
    Type elemType = t.element();
    TypeFacts.Of elem = cx.facts().get(elemType);
    long elemSize = elem.elemSize();
    long ptr = allocateList(cx, elements.size(), elemSize, elem.alignment());
    if (elemType == Primitive.U8 && elements instanceof U8List u8s) {
      byte[] bytes = u8s.toByteArray();
      cx.memory().write((int) ptr, bytes, 0, bytes.length);
    } else if (elemType instanceof Primitive p && PrimitiveLists.isBulk(p)) {
      PrimitiveLists.store(cx.memory(), ptr, elements, p, Math.toIntExact(elemSize));
    } else {
      for (int i = 0; i < elements.size(); i++) {
        store(cx, elements.get(i), elemType, ptr + i * elemSize);
      }
    }
    return new CanonicalAbi.Range(ptr, elements.size());
  }

  static void storeRecord(LiftLowerContext cx, List<Val> values, long ptr, List<Type> types) {
    TypeFacts facts = cx.facts();
    for (int i = 0; i < types.size(); i++) {
      Type f = types.get(i);
      TypeFacts.Of ff = facts.get(f);
      ptr = Layout.alignTo(ptr, ff.alignment());
      store(cx, values.get(i), f, ptr);
      ptr += ff.elemSize();
    }
  }

  static void storeVariant(LiftLowerContext cx, Val v, long ptr, Type t) {
    TypeFacts.Of facts = cx.facts().get(t);
    List<Optional<Type>> cases = facts.cases();
    Values.CaseVal c = Values.matchCase(v, t, cases);
    Memory m = cx.memory();
    long discSize = facts.discSize();
    switch ((int) discSize) {
      case 1 -> m.storeI8((int) ptr, (byte) c.index());
      case 2 -> m.storeI16((int) ptr, (short) c.index());
      default -> m.storeI32((int) ptr, c.index());
    }
    ptr += discSize;
    ptr = Layout.alignTo(ptr, facts.maxCaseAlignment());
    Optional<Type> caseType = cases.get(c.index());
    if (caseType.isPresent()) {
      store(cx, c.payload().orElseThrow(), caseType.get(), ptr);
    }
  }

  static void storeFlags(LiftLowerContext cx, Val v, long ptr, FlagsType t) {
    int[] words = Values.packFlags(v, t);
    Memory m = cx.memory();
    int n = t.names().size();
    if (n <= 8) {
      m.storeI8((int) ptr, (byte) words[0]);
    } else if (n <= 16) {
      m.storeI16((int) ptr, (short) words[0]);
    } else {
      for (int i = 0; i < words.length; i++) {
        m.storeI32((int) (ptr + 4L * i), words[i]);
      }
    }
  }
}
