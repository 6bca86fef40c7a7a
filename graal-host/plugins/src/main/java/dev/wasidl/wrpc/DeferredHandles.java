package dev.wasidl.wrpc;

import dev.wasidl.types.ResourceType;
import dev.wasidl.types.U8List;
import dev.wasidl.types.Val;
import java.util.ArrayList;
import java.util.List;

/**
 * Handles read while values are still arriving: each becomes a placeholder (its index as the rep)
 * and is given meaning by the real {@link WireHandles} only once every value has arrived, so a
 * message cut short never takes ownership of anything.
 */
final class DeferredHandles implements WireHandles {
  private static final class Pending {
    final ResourceType type;
    final boolean own;
    final byte[] handle;

    Pending(ResourceType type, boolean own, byte[] handle) {
      this.type = type;
      this.own = own;
      this.handle = handle;
    }
  }

  private final List<Pending> pending = new ArrayList<>();

  @Override
  public byte[] encode(ResourceType type, Val value) throws WrpcException {
    throw new WrpcException("deferred handles only decode");
  }

  @Override
  public Val decode(ResourceType type, boolean own, byte[] handle) {
    int i = pending.size();
    pending.add(new Pending(type, own, handle));
    return own ? new Val.Own(i) : new Val.Borrow(i);
  }

  /** {@code values} with their placeholders resolved by {@code handles}, in the order read. */
  List<Val> resolve(List<Val> values, WireHandles handles) throws WrpcException {
    if (pending.isEmpty()) {
      return values;
    }
    List<Val> real = new ArrayList<>(pending.size());
    for (Pending p : pending) {
      real.add(handles.decode(p.type, p.own, p.handle));
    }
    List<Val> out = new ArrayList<>(values.size());
    for (Val v : values) {
      out.add(substitute(v, real));
    }
    return out;
  }

  private static Val substitute(Val v, List<Val> real) {
    return switch (v) {
      case Val.Own o -> real.get(o.rep());
      case Val.Borrow b -> real.get(b.rep());
      case Val.ListVal l when l.elements() instanceof U8List -> l;
      case Val.ListVal l -> new Val.ListVal(all(l.elements(), real));
      case Val.RecordVal r -> {
        List<Val.Field> fields = new ArrayList<>(r.fields().size());
        for (Val.Field f : r.fields()) {
          fields.add(new Val.Field(f.name(), substitute(f.value(), real)));
        }
        yield new Val.RecordVal(fields);
      }
      case Val.Tuple t -> new Val.Tuple(all(t.values(), real));
      case Val.Variant x ->
          new Val.Variant(x.caseName(), x.payload().map(p -> substitute(p, real)));
      case Val.OptionVal o -> new Val.OptionVal(o.value().map(p -> substitute(p, real)));
      case Val.ResultVal r ->
          new Val.ResultVal(r.isOk(), r.payload().map(p -> substitute(p, real)));
      default -> v;
    };
  }

  private static List<Val> all(List<Val> values, List<Val> real) {
    List<Val> out = new ArrayList<>(values.size());
    for (Val v : values) {
      out.add(substitute(v, real));
    }
    return out;
  }
}
