package dev.wasidl.wrpc;

import dev.wasidl.types.ResourceType;
import dev.wasidl.types.Val;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's resource handles: each {@code own} the plugin hands out becomes 16 random bytes (the
 * length wrpc-wasmtime uses for its guest resources), unguessable, so a client can only name
 * handles it was given. Borrowing looks a handle up; passing it as {@code own} or dropping it
 * removes it. Thread-safe: connections decode and encode concurrently.
 */
final class HandleTable {
  /** A resource the plugin owns, as the runtime names it. */
  record Entry(ResourceType type, int rep) {}

  private final Map<ByteBuffer, Entry> entries = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final int max;

  HandleTable(int max) {
    this.max = max;
  }

  int size() {
    return entries.size();
  }

  /** Handles of one call: the ones its results created, to drop if they never reach the client. */
  final class CallHandles implements WireHandles {
    final List<Entry> created = new ArrayList<>();

    @Override
    public byte[] encode(ResourceType type, Val value) throws WrpcException {
      if (!(value instanceof Val.Own own)) {
        throw new WrpcException("a result cannot borrow " + type);
      }
      if (entries.size() >= max) {
        throw new WrpcException("the server holds " + max + " handles already");
      }
      byte[] handle = new byte[16];
      random.nextBytes(handle);
      Entry e = new Entry(type, own.rep());
      entries.put(ByteBuffer.wrap(handle), e);
      created.add(e);
      return handle;
    }

    @Override
    public Val decode(ResourceType type, boolean own, byte[] handle) throws WrpcException {
      ByteBuffer key = ByteBuffer.wrap(handle);
      Entry e = own ? entries.remove(key) : entries.get(key);
      if (e == null) {
        throw new WrpcException("unknown " + type + " handle");
      }
      if (!e.type().name().equals(type.name())) {
        if (own) {
          entries.put(key, e);
        }
        throw new WrpcException("a " + e.type() + " handle where a " + type + " is expected");
      }
      return own ? new Val.Own(e.rep()) : new Val.Borrow(e.rep());
    }
  }

  /** Forgets every handle: the instance they were for is gone. */
  void clear() {
    entries.clear();
  }

  CallHandles call() {
    return new CallHandles();
  }

  /** Removes the entries of {@code created} that are still there (the client never saw them). */
  List<Entry> forget(List<Entry> created) {
    List<Entry> gone = new ArrayList<>();
    entries
        .entrySet()
        .removeIf(
            e -> {
              for (Entry c : created) {
                if (c.equals(e.getValue())) {
                  gone.add(c);
                  return true;
                }
              }
              return false;
            });
    return gone;
  }
}
