package dev.wasidl.dl;

import dev.wasidl.abi.Trap;
import dev.wasidl.bindings.Resource;
import dev.wasidl.bindings.Result;
import dev.wasidl.dl.bindings.wasi.dl.Ffi;
import dev.wasidl.ffm.CanonicalBits;
import dev.wasidl.ffm.FfiException;
import dev.wasidl.ffm.PolicyException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code wasi:dl/ffi} for one instance, over bridge-ffm: allocs are bridge-ffm's {@code Alloc}s,
 * struct types its {@code StructType}s, incoming values bridge-ffm's, and an outgoing-primitive a
 * mutable slot holding the last value set. Failures become the WIT's error result (their cause in
 * {@link DlCtx#lastError()}); where the WIT has no result they trap.
 */
public final class FfiHost implements Ffi {
  private final DlCtx ctx;

  FfiHost(DlCtx ctx) {
    this.ctx = ctx;
  }

  // --- alloc ---

  @Override
  public Result<Resource<Alloc>, Void> allocNew(FfiType ty) {
    var type = Types.type(ctx, ty);
    return attempt("alloc.new", () -> ctx.push(Types.allocate(type)));
  }

  @Override
  public Result<Void, Void> allocWritePrimitive(
      Resource<Alloc> self, Resource<OutgoingPrimitive> v) {
    var alloc = ctx.alloc(self);
    OutgoingSlot value = ctx.take(v, OutgoingSlot.class);
    return run("alloc.write-primitive", () -> alloc.writePrimitive(value.value()));
  }

  @Override
  public Result<Void, Void> allocWriteStruct(Resource<Alloc> self, Resource<OutgoingStruct> v) {
    var alloc = ctx.alloc(self);
    OutgoingFields value = ctx.take(v, OutgoingFields.class);
    return run("alloc.write-struct", () -> alloc.writeStruct(value.value()));
  }

  @Override
  public Result<Void, Void> allocWriteString(Resource<Alloc> self, String v) {
    var alloc = ctx.alloc(self);
    return run(
        "alloc.write-string",
        () -> {
          if (!alloc.isOwned()) {
            alloc.writeString(v);
            return;
          }
          // an owned region grows to fit: that growth counts against --dl-max-memory
          ctx.usage().checkGrowth(alloc, utf8Length(v) + 1);
          try {
            alloc.writeString(v);
          } finally {
            ctx.usage().recharge(alloc);
          }
        });
  }

  @Override
  public Result<Resource<IncomingPrimitive>, Void> allocReadPrimitive(Resource<Alloc> self) {
    var alloc = ctx.alloc(self);
    return attempt("alloc.read-primitive", () -> ctx.push(alloc.readPrimitive()));
  }

  @Override
  public Result<Resource<IncomingStruct>, Void> allocReadStruct(Resource<Alloc> self) {
    var alloc = ctx.alloc(self);
    return attempt("alloc.read-struct", () -> ctx.push(alloc.readStruct()));
  }

  @Override
  public Result<String, Void> allocReadString(Resource<Alloc> self) {
    var alloc = ctx.alloc(self);
    return attempt("alloc.read-string", alloc::readString);
  }

  // --- struct-type ---

  @Override
  public Resource<StructType> newStructType(List<FfiType> fields) {
    var types = Types.types(ctx, fields);
    long flatFields = Types.flatFieldCount(types);
    orTrap(
        "struct-type",
        () -> {
          ctx.usage().checkStruct(flatFields);
          return null;
        });
    return ctx.pushOrTrap("struct-type", orTrap("struct-type", () -> Types.struct(types)));
  }

  // --- outgoing-primitive ---

  @Override
  public Resource<OutgoingPrimitive> newOutgoingPrimitive(PrimitiveType ty) {
    return ctx.pushOrTrap("outgoing-primitive", new OutgoingSlot(Types.primitive(ty)));
  }

  @Override
  public Result<Void, Void> outgoingPrimitiveSetS8(Resource<OutgoingPrimitive> self, byte v) {
    return setSigned(self, "outgoing-primitive.set-s8", v);
  }

  @Override
  public Result<Void, Void> outgoingPrimitiveSetS16(Resource<OutgoingPrimitive> self, short v) {
    return setSigned(self, "outgoing-primitive.set-s16", v);
  }

  @Override
  public Result<Void, Void> outgoingPrimitiveSetS32(Resource<OutgoingPrimitive> self, int v) {
    return setSigned(self, "outgoing-primitive.set-s32", v);
  }

  @Override
  public Result<Void, Void> outgoingPrimitiveSetS64(Resource<OutgoingPrimitive> self, long v) {
    return setSigned(self, "outgoing-primitive.set-s64", v);
  }

  @Override
  public Result<Void, Void> outgoingPrimitiveSetU8(Resource<OutgoingPrimitive> self, byte v) {
    return setUnsigned(self, "outgoing-primitive.set-u8", Byte.toUnsignedLong(v));
  }

  @Override
  public Result<Void, Void> outgoingPrimitiveSetU16(Resource<OutgoingPrimitive> self, short v) {
    return setUnsigned(self, "outgoing-primitive.set-u16", Short.toUnsignedLong(v));
  }

  @Override
  public Result<Void, Void> outgoingPrimitiveSetU32(Resource<OutgoingPrimitive> self, int v) {
    return setUnsigned(self, "outgoing-primitive.set-u32", Integer.toUnsignedLong(v));
  }

  @Override
  public Result<Void, Void> outgoingPrimitiveSetU64(Resource<OutgoingPrimitive> self, long v) {
    return setUnsigned(self, "outgoing-primitive.set-u64", v);
  }

  @Override
  public Result<Void, Void> outgoingPrimitiveSetF32(Resource<OutgoingPrimitive> self, float v) {
    OutgoingSlot slot = slot(self);
    try {
      slot.setBits(CanonicalBits.ofFloat(slot.type, v));
      return Result.ok();
    } catch (FfiException | DlError e) {
      return failed("outgoing-primitive.set-f32", e);
    }
  }

  @Override
  public Result<Void, Void> outgoingPrimitiveSetF64(Resource<OutgoingPrimitive> self, double v) {
    OutgoingSlot slot = slot(self);
    try {
      slot.setBits(CanonicalBits.ofDouble(slot.type, v));
      return Result.ok();
    } catch (FfiException | DlError e) {
      return failed("outgoing-primitive.set-f64", e);
    }
  }

  @Override
  public Result<Void, Void> outgoingPrimitiveSetAddr(
      Resource<OutgoingPrimitive> self, Resource<Alloc> v) {
    OutgoingSlot slot = slot(self);
    var alloc = ctx.alloc(v);
    return run(
        "outgoing-primitive.set-addr",
        () -> {
          if (!slot.isPointer()) {
            throw OutgoingSlot.notPointer(slot.type);
          }
          // The alloc is borrowed: its address is taken when the value is used, so a guest that
          // drops the alloc first gets an error from that use, never a dangling pointer.
          slot.setAlloc(alloc);
        });
  }

  // The setters check the value against the slot's type once, here, and keep its canonical bits:
  // function.call passes them on unchecked. No lambda, no message unless the setter fails.
  private Result<Void, Void> setSigned(Resource<OutgoingPrimitive> self, String op, long v) {
    OutgoingSlot slot = slot(self);
    try {
      slot.setBits(CanonicalBits.ofSigned(slot.type, v));
      return Result.ok();
    } catch (FfiException | DlError e) {
      return failed(op, e);
    }
  }

  private Result<Void, Void> setUnsigned(Resource<OutgoingPrimitive> self, String op, long v) {
    OutgoingSlot slot = slot(self);
    try {
      slot.setBits(CanonicalBits.ofUnsigned(slot.type, v));
      return Result.ok();
    } catch (FfiException | DlError e) {
      return failed(op, e);
    }
  }

  // --- outgoing-struct ---

  @Override
  public Resource<OutgoingStruct> newOutgoingStruct(List<OutgoingValue> fields) {
    return ctx.pushOrTrap("outgoing-struct", outgoingFields(ctx, fields));
  }

  /** Takes over the guest's outgoing values (owned handles) as the host's field list. */
  static OutgoingFields outgoingFields(DlCtx ctx, List<OutgoingValue> values) {
    List<Object> fields = new ArrayList<>(values.size());
    for (OutgoingValue v : values) {
      fields.add(outgoing(ctx, v));
    }
    return new OutgoingFields(fields);
  }

  /** Takes over one outgoing value: an {@link OutgoingSlot} or an {@link OutgoingFields}. */
  static Object outgoing(DlCtx ctx, OutgoingValue value) {
    return switch (value) {
      case OutgoingValue.Primitive p -> ctx.take(p.value(), OutgoingSlot.class);
      case OutgoingValue.Struct s -> ctx.take(s.value(), OutgoingFields.class);
    };
  }

  // --- incoming-primitive ---

  @Override
  public Result<Byte, Void> incomingPrimitiveGetS8(Resource<IncomingPrimitive> self) {
    var p = ctx.incomingPrimitive(self);
    try {
      return Result.ok(p.getS8());
    } catch (FfiException | DlError e) {
      return failed("incoming-primitive.get-s8", e);
    }
  }

  @Override
  public Result<Short, Void> incomingPrimitiveGetS16(Resource<IncomingPrimitive> self) {
    var p = ctx.incomingPrimitive(self);
    try {
      return Result.ok(p.getS16());
    } catch (FfiException | DlError e) {
      return failed("incoming-primitive.get-s16", e);
    }
  }

  @Override
  public Result<Integer, Void> incomingPrimitiveGetS32(Resource<IncomingPrimitive> self) {
    var p = ctx.incomingPrimitive(self);
    try {
      return Result.ok(p.getS32());
    } catch (FfiException | DlError e) {
      return failed("incoming-primitive.get-s32", e);
    }
  }

  @Override
  public Result<Long, Void> incomingPrimitiveGetS64(Resource<IncomingPrimitive> self) {
    var p = ctx.incomingPrimitive(self);
    try {
      return Result.ok(p.getS64());
    } catch (FfiException | DlError e) {
      return failed("incoming-primitive.get-s64", e);
    }
  }

  @Override
  public Result<Byte, Void> incomingPrimitiveGetU8(Resource<IncomingPrimitive> self) {
    var p = ctx.incomingPrimitive(self);
    try {
      return Result.ok((byte) p.getU8());
    } catch (FfiException | DlError e) {
      return failed("incoming-primitive.get-u8", e);
    }
  }

  @Override
  public Result<Short, Void> incomingPrimitiveGetU16(Resource<IncomingPrimitive> self) {
    var p = ctx.incomingPrimitive(self);
    try {
      return Result.ok((short) p.getU16());
    } catch (FfiException | DlError e) {
      return failed("incoming-primitive.get-u16", e);
    }
  }

  @Override
  public Result<Integer, Void> incomingPrimitiveGetU32(Resource<IncomingPrimitive> self) {
    var p = ctx.incomingPrimitive(self);
    try {
      return Result.ok((int) p.getU32());
    } catch (FfiException | DlError e) {
      return failed("incoming-primitive.get-u32", e);
    }
  }

  @Override
  public Result<Long, Void> incomingPrimitiveGetU64(Resource<IncomingPrimitive> self) {
    var p = ctx.incomingPrimitive(self);
    try {
      return Result.ok(p.getU64());
    } catch (FfiException | DlError e) {
      return failed("incoming-primitive.get-u64", e);
    }
  }

  @Override
  public Result<Float, Void> incomingPrimitiveGetF32(Resource<IncomingPrimitive> self) {
    var p = ctx.incomingPrimitive(self);
    try {
      return Result.ok(p.getF32());
    } catch (FfiException | DlError e) {
      return failed("incoming-primitive.get-f32", e);
    }
  }

  @Override
  public Result<Double, Void> incomingPrimitiveGetF64(Resource<IncomingPrimitive> self) {
    var p = ctx.incomingPrimitive(self);
    try {
      return Result.ok(p.getF64());
    } catch (FfiException | DlError e) {
      return failed("incoming-primitive.get-f64", e);
    }
  }

  @Override
  public Result<Resource<Alloc>, Void> incomingPrimitiveGetAlloc(Resource<IncomingPrimitive> self) {
    var p = ctx.incomingPrimitive(self);
    return attempt("incoming-primitive.get-alloc", () -> allocAt(ctx, p));
  }

  /**
   * {@code get-alloc}: the guest's new handle to the foreign region at pointer {@code p}, which the
   * policy must allow reading.
   *
   * @throws FfiException or {@link DlError} for the error result
   */
  static <T> Resource<T> allocAt(DlCtx ctx, dev.wasidl.ffm.IncomingPrimitive p) {
    try {
      var region = p.getAlloc();
      try {
        ctx.policy().checkAddress(region.address(), false);
      } catch (PolicyException e) {
        region.close();
        throw e;
      }
      return ctx.push(region);
    } catch (IllegalStateException e) {
      // The pointer came from a library that has been unloaded since.
      throw new DlError("the library this pointer came from was unloaded: " + e.getMessage());
    }
  }

  // --- incoming-struct ---

  @Override
  public List<IncomingValue> incomingStructFields(Resource<IncomingStruct> self) {
    var s = ctx.incomingStruct(self);
    List<IncomingValue> out = new ArrayList<>(s.fields().size());
    return orTrap(
        "incoming-struct.fields",
        () -> {
          for (var f : s.fields()) {
            out.add(ctx.pushIncoming(f));
          }
          return out;
        });
  }

  // --- free functions ---

  @Override
  public byte sizeof(PrimitiveType ty) {
    return (byte) Types.sizeof(ty);
  }

  // --- drops ---

  @Override
  public void dropAlloc(Resource<Alloc> self) {
    ctx.dropAlloc(self);
  }

  @Override
  public void dropStructType(Resource<StructType> self) {
    ctx.dropStructType(self);
  }

  @Override
  public void dropOutgoingPrimitive(Resource<OutgoingPrimitive> self) {
    ctx.drop(self, OutgoingSlot.class);
  }

  @Override
  public void dropOutgoingStruct(Resource<OutgoingStruct> self) {
    ctx.drop(self, OutgoingFields.class);
  }

  @Override
  public void dropIncomingPrimitive(Resource<IncomingPrimitive> self) {
    ctx.dropIncomingPrimitive(self);
  }

  @Override
  public void dropIncomingStruct(Resource<IncomingStruct> self) {
    ctx.dropIncomingStruct(self);
  }

  // --- helpers ---

  private OutgoingSlot slot(Resource<OutgoingPrimitive> handle) {
    return ctx.get(handle, OutgoingSlot.class);
  }

  private static long utf8Length(String v) {
    long n = 0;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return n;
  }

  private Result<Void, Void> run(String op, Runnable body) {
    try {
      body.run();
      return Result.ok();
    } catch (FfiException | DlError e) {
      return failed(op, e);
    }
  }

  private <T> Result<T, Void> failed(String op, RuntimeException e) {
    return failed(ctx, op, e);
  }

  /** The error result of a failed wasi:dl operation (its cause kept in the ctx). */
  static <T> Result<T, Void> failed(DlCtx ctx, String op, RuntimeException e) {
    ctx.failed(op, e.getMessage());
    return Result.err();
  }

  private <T> Result<T, Void> attempt(String op, Supplier<T> body) {
    return attempt(ctx, op, body);
  }

  /** {@code body}'s value as ok, or its wasi:dl failure as an error (the cause kept in the ctx). */
  static <T> Result<T, Void> attempt(DlCtx ctx, String op, Supplier<T> body) {
    try {
      return Result.ok(body.get());
    } catch (FfiException | DlError e) {
      return failed(ctx, op, e);
    }
  }

  /** {@code body}'s value, or a trap naming the failure (for functions without a result). */
  static <T> T orTrap(String op, Supplier<T> body) {
    try {
      return body.get();
    } catch (FfiException | DlError e) {
      throw new Trap("wasi:dl " + op + ": " + e.getMessage(), e);
    }
  }
}
