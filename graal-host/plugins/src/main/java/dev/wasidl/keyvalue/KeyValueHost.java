package dev.wasidl.keyvalue;

import dev.wasidl.bindings.HostTable;
import dev.wasidl.bindings.Resource;
import dev.wasidl.bindings.Result;
import dev.wasidl.bindings.Tuple2;
import dev.wasidl.keyvalue.bindings.wasi.keyvalue.Atomics;
import dev.wasidl.keyvalue.bindings.wasi.keyvalue.AtomicsBindings;
import dev.wasidl.keyvalue.bindings.wasi.keyvalue.Batch;
import dev.wasidl.keyvalue.bindings.wasi.keyvalue.BatchBindings;
import dev.wasidl.keyvalue.bindings.wasi.keyvalue.Store;
import dev.wasidl.keyvalue.bindings.wasi.keyvalue.StoreBindings;
import dev.wasidl.runtime.Linker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Provider 1 of wasi:keyvalue@0.2.0-draft2: the built-in host, on the interfaces generated from the
 * WIT. One {@code KeyValueHost} per instance (its handle table holds that instance's buckets and
 * CAS handles); the data lives in an {@link InMemoryKeyValue} that any number of hosts share.
 */
public final class KeyValueHost implements Store, Atomics, Batch {
  /** An instance's data that carries its keyvalue host. */
  public interface View {
    KeyValueHost keyValue();
  }

  private final InMemoryKeyValue data;
  private final HostTable table = new HostTable();

  public KeyValueHost(InMemoryKeyValue data) {
    this.data = data;
  }

  /** Defines store, atomics and batch on {@code linker}; each instance's data is a {@link View}. */
  public static void add(Linker linker) {
    StoreBindings.add(linker, d -> view(d));
    AtomicsBindings.add(linker, d -> view(d));
    BatchBindings.add(linker, d -> view(d));
  }

  private static KeyValueHost view(@Nullable Object data) {
    if (data instanceof View v) {
      return v.keyValue();
    }
    throw new IllegalStateException("the instance's data is not a KeyValueHost.View");
  }

  /** A CAS handle: the bucket, the key and its value when the handle was made (null: absent). */
  private static final class CasState {
    final InMemoryKeyValue.Bucket bucket;
    final String key;
    final byte @Nullable [] expected;

    CasState(InMemoryKeyValue.Bucket bucket, String key, byte @Nullable [] expected) {
      this.bucket = bucket;
      this.key = key;
      this.expected = expected;
    }
  }

  private InMemoryKeyValue.Bucket bucket(Resource<Bucket> self) {
    return table.get(self, InMemoryKeyValue.Bucket.class);
  }

  private static <T> Result<T, Error> other(String message) {
    return Result.err(new Error.Other(message));
  }

  // wasi:keyvalue/store

  @Override
  public Result<Resource<Bucket>, Error> open(String identifier) {
    if (identifier.isEmpty()) {
      return Result.err(new Error.NoSuchStore());
    }
    return Result.ok(table.push(data.bucket(identifier)));
  }

  @Override
  public Result<Optional<byte[]>, Error> bucketGet(Resource<Bucket> self, String key) {
    return Result.ok(Optional.ofNullable(bucket(self).get(key)));
  }

  @Override
  public Result<Void, Error> bucketSet(Resource<Bucket> self, String key, byte[] value) {
    bucket(self).set(key, value);
    return Result.ok();
  }

  @Override
  public Result<Void, Error> bucketDelete(Resource<Bucket> self, String key) {
    bucket(self).delete(key);
    return Result.ok();
  }

  @Override
  public Result<Boolean, Error> bucketExists(Resource<Bucket> self, String key) {
    return Result.ok(bucket(self).exists(key));
  }

  @Override
  public Result<KeyResponse, Error> bucketListKeys(Resource<Bucket> self, Optional<String> cursor) {
    InMemoryKeyValue.Page page = bucket(self).listKeys(cursor);
    return Result.ok(new KeyResponse(page.keys(), page.cursor()));
  }

  @Override
  public void dropBucket(Resource<Bucket> self) {
    table.delete(self);
  }

  // wasi:keyvalue/atomics

  @Override
  public Result<Resource<Cas>, Error> casNew(Resource<Bucket> bucket, String key) {
    InMemoryKeyValue.Bucket b = bucket(bucket);
    return Result.ok(table.push(new CasState(b, key, b.get(key))));
  }

  @Override
  public Result<Optional<byte[]>, Error> casCurrent(Resource<Cas> self) {
    byte[] expected = table.get(self, CasState.class).expected;
    return Result.ok(Optional.ofNullable(expected == null ? null : expected.clone()));
  }

  @Override
  public Result<Long, Error> increment(Resource<Bucket> bucket, String key, long delta) {
    try {
      return Result.ok(bucket(bucket).increment(key, delta));
    } catch (IllegalStateException e) {
      return other(e.getMessage());
    }
  }

  @Override
  public Result<Void, CasError> swap(Resource<Cas> cas, byte[] value) {
    CasState state = (CasState) table.delete(cas); // the guest gave its handle away
    if (state.bucket.compareAndSet(state.key, state.expected, value)) {
      return Result.ok();
    }
    return Result.err(new CasError.CasFailed(table.push(state))); // handed back to the guest
  }

  @Override
  public void dropCas(Resource<Cas> self) {
    table.delete(self);
  }

  // wasi:keyvalue/batch

  @Override
  public Result<List<Optional<Tuple2<String, byte[]>>>, Error> getMany(
      Resource<Bucket> bucket, List<String> keys) {
    InMemoryKeyValue.Bucket b = bucket(bucket);
    List<Optional<Tuple2<String, byte[]>>> out = new ArrayList<>(keys.size());
    for (String k : keys) {
      byte[] v = b.get(k);
      out.add(v == null ? Optional.empty() : Optional.of(new Tuple2<>(k, v)));
    }
    return Result.ok(out);
  }

  @Override
  public Result<Void, Error> setMany(
      Resource<Bucket> bucket, List<Tuple2<String, byte[]>> keyValues) {
    InMemoryKeyValue.Bucket b = bucket(bucket);
    for (Tuple2<String, byte[]> kv : keyValues) {
      b.set(kv.v0(), kv.v1());
    }
    return Result.ok();
  }

  @Override
  public Result<Void, Error> deleteMany(Resource<Bucket> bucket, List<String> keys) {
    InMemoryKeyValue.Bucket b = bucket(bucket);
    for (String k : keys) {
      b.delete(k);
    }
    return Result.ok();
  }
}
