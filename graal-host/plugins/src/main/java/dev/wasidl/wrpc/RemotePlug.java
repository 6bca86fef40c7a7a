package dev.wasidl.wrpc;

import dev.wasidl.abi.Trap;
import dev.wasidl.component.Definition;
import dev.wasidl.component.ExternName;
import dev.wasidl.component.Import;
import dev.wasidl.component.Sort;
import dev.wasidl.runtime.Component;
import dev.wasidl.runtime.Linker;
import dev.wasidl.runtime.LinkerInstance;
import dev.wasidl.types.FuncType;
import dev.wasidl.types.OwnType;
import dev.wasidl.types.Primitive;
import dev.wasidl.types.ResourceType;
import dev.wasidl.types.ResultType;
import dev.wasidl.types.Type;
import dev.wasidl.types.TypeResolver;
import dev.wasidl.types.Val;
import dev.wasidl.types.VariantType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Forwards a component's imported interfaces to a wRPC server over TCP: each imported function
 * becomes a host function that opens a connection, sends the invocation (instance = the import's
 * name, the function's wire name, the parameters) and decodes the results; each imported resource
 * type becomes a host resource whose handles stand for the server's opaque handle bytes (dropping
 * the last one sends {@code [resource-drop]R}, see {@link WireNames}).
 *
 * <p>A failed call never hangs (connect and read timeouts) and never crashes the app: if the
 * function returns {@code result<_, E>} it returns an error, {@code other("...")} when {@code E} is
 * a variant with an {@code other(string)} case (wasi:keyvalue's), the message itself when {@code E}
 * is a string; any other function traps with the message.
 */
public final class RemotePlug implements AutoCloseable {
  private final Endpoint endpoint;
  private final Map<Integer, RemoteHandle> handles = new ConcurrentHashMap<>();
  private final AtomicInteger nextRep = new AtomicInteger(1);

  /**
   * A server handle as this side holds it: which interface and resource, its bytes, and the
   * generation of the server that made it.
   */
  private static final class RemoteHandle {
    private final String instance;
    private final String resource;
    private final byte[] bytes;
    private final long generation;

    RemoteHandle(String instance, String resource, byte[] bytes, long generation) {
      this.instance = instance;
      this.resource = resource;
      this.bytes = bytes.clone();
      this.generation = generation;
    }

    String instance() {
      return instance;
    }

    String resource() {
      return resource;
    }

    byte[] bytes() {
      return bytes.clone();
    }
  }

  private RemotePlug(Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  /**
   * Defines on {@code linker}, for each interface {@code app} imports that {@code forward} accepts,
   * its functions and resource types as calls to {@code server}.
   *
   * @return the plug (its handle table), e.g. to count the handles still held
   */
  public static RemotePlug define(
      Linker linker,
      Component app,
      InetSocketAddress server,
      Duration timeout,
      Predicate<String> forward) {
    return define(linker, app, Endpoint.of(server, timeout), forward);
  }

  /**
   * Defines on {@code linker}, for each interface {@code app} imports that {@code forward} accepts,
   * its functions and resource types as calls to {@code endpoint}'s server.
   */
  public static RemotePlug define(
      Linker linker, Component app, Endpoint endpoint, Predicate<String> forward) {
    RemotePlug plug = new RemotePlug(endpoint);
    TypeResolver resolver = TypeResolver.of(app.model());
    List<Definition> instances = app.model().indexSpace(Sort.INSTANCE);
    for (Import i : app.model().imports()) {
      String name = i.name().text();
      if (i.type().sort() != Sort.INSTANCE
          || !(i.name() instanceof ExternName.Interface)
          || !forward.test(name)) {
        continue;
      }
      TypeResolver scope = resolver.instance(indexOf(instances, i));
      LinkerInstance li = linker.instance(name);
      scope
          .exports()
          .forEach(
              (item, sort) -> {
                if (sort == Sort.FUNC) {
                  FuncType type = scope.exportedFunc(item);
                  String wire = WireNames.of(item);
                  li.func(item, (cx, args) -> plug.call(name, wire, type, args));
                } else if (sort == Sort.TYPE
                    && scope.exportedTypeOrResource(item) instanceof ResourceType) {
                  li.resource(item, ResourceType.host(item), (cx, rep) -> plug.drop(rep));
                }
              });
    }
    return plug;
  }

  @SuppressWarnings("ReferenceEquality") // the import's own entry, not an equal one
  private static int indexOf(List<Definition> space, Import i) {
    for (int k = 0; k < space.size(); k++) {
      if (space.get(k) == i) {
        return k;
      }
    }
    throw new IllegalStateException("import not in its index space: " + i.name().text());
  }

  /** Handles the app holds now. */
  public int handleCount() {
    return handles.size();
  }

  /**
   * Drops, on the server, every handle the app still holds: call it once the app's instances are
   * closed (a guest that never drops its resources, e.g. a JS one, would leave them on the server).
   */
  @Override
  public void close() {
    for (Integer rep : List.copyOf(handles.keySet())) {
      drop(rep);
    }
  }

  private Optional<Val> call(String instance, String name, FuncType type, List<Val> args) {
    try {
      Endpoint.Target server = endpoint.target();
      ClientHandles h = new ClientHandles(instance, server.generation());
      List<Val> results =
          invoke(server, instance, name, type.paramTypes(), args, type.resultTypes(), h);
      Optional<Val> result = results.isEmpty() ? Optional.empty() : Optional.of(results.getFirst());
      endpoint.returned(new Endpoint.Call(instance, name, args), result);
      return result;
    } catch (IOException e) {
      String why = endpoint.failure(new Endpoint.Call(instance, name, args), e);
      return Optional.of(failure(type, instance + "#" + name + ": " + why));
    }
  }

  private void drop(int rep) {
    RemoteHandle r = handles.remove(rep);
    endpoint.dropped(rep);
    if (r == null || r.generation != endpoint.generation()) {
      return; // a replaced server's handles died with it
    }
    ResourceType type = ResourceType.host(r.resource());
    try {
      Endpoint.Target server = endpoint.target();
      if (server.generation() != r.generation) {
        return; // the server died meanwhile, and its successor must not get the old bytes
      }
      invoke(
          server,
          r.instance(),
          WireNames.drop(r.resource()),
          List.of(new OwnType(type)),
          List.of(new Val.Own(0)),
          List.of(),
          new WireHandles() {
            @Override
            public byte[] encode(ResourceType t, Val value) {
              return r.bytes();
            }

            @Override
            public Val decode(ResourceType t, boolean own, byte[] handle) throws WrpcException {
              throw new WrpcException("a drop has no results");
            }
          });
    } catch (IOException e) {
      // The server is gone or refused: its handle dies with it; nothing for the app to do.
    }
  }

  private List<Val> invoke(
      Endpoint.Target server,
      String instance,
      String name,
      List<Type> paramTypes,
      List<Val> args,
      List<Type> resultTypes,
      WireHandles h)
      throws IOException {
    byte[] params = Framing.encodeValues(paramTypes, args, h);
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(Framing.header(instance, name));
    request.writeBytes(Framing.frame(List.of(), params));
    try (InputStream in = endpoint.call(server.address(), request.toByteArray())) {
      List<Val> results = Framing.readValues(in, resultTypes, h);
      if (resultTypes.isEmpty()) {
        // Nothing to decode, but the call is done only when the server closes (e.g. a drop).
        while (Framing.readFrame(in) != null) {
          // an empty root frame, or none
        }
      }
      return results;
    }
  }

  /**
   * Handles of one call to {@code instance} on the server of {@code generation}: the app's reps to
   * and from the server's bytes.
   */
  private final class ClientHandles implements WireHandles {
    private final String instance;
    private final long generation;

    ClientHandles(String instance, long generation) {
      this.instance = instance;
      this.generation = generation;
    }

    @Override
    public byte[] encode(ResourceType type, Val value) throws WrpcException {
      int rep =
          switch (value) {
            case Val.Own o -> o.rep();
            case Val.Borrow b -> b.rep();
            default -> throw new WrpcException("not a handle: " + value);
          };
      RemoteHandle r = value instanceof Val.Own ? handles.remove(rep) : handles.get(rep);
      if (r == null) {
        throw new WrpcException("no remote " + type + " with rep " + rep);
      }
      if (r.generation != generation) {
        throw new WrpcException(
            "this " + r.resource() + " was made by a server that is gone; it is no longer valid");
      }
      return r.bytes();
    }

    @Override
    public Val decode(ResourceType type, boolean own, byte[] handle) throws WrpcException {
      if (!own) {
        throw new WrpcException("a result cannot borrow " + type);
      }
      int rep = nextRep.getAndIncrement();
      handles.put(rep, new RemoteHandle(instance, type.name(), handle, generation));
      return new Val.Own(rep);
    }
  }

  /** The error value a failed call returns, or a trap if the function cannot return one. */
  static Val failure(FuncType type, String message) {
    if (type.result().orElse(null) instanceof ResultType r && r.error().isPresent()) {
      Type err = r.error().get();
      if (err == Primitive.STRING) {
        return Val.ResultVal.err(new Val.Str(message));
      }
      if (err instanceof VariantType v
          && v.indexOf("other") >= 0
          && v.cases().get(v.indexOf("other")).type().orElse(null) == Primitive.STRING) {
        return Val.ResultVal.err(new Val.Variant("other", Optional.of(new Val.Str(message))));
      }
    }
    throw new Trap(message);
  }
}
