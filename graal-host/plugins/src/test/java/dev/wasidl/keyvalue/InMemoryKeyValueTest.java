package dev.wasidl.keyvalue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The in-memory store behind the built-in keyvalue provider: pages, counters, CAS, threads. */
class InMemoryKeyValueTest {
  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void sameIdentifierSameBucket() {
    InMemoryKeyValue kv = new InMemoryKeyValue(2);
    assertSame(kv.bucket("x"), kv.bucket("x"));
    kv.bucket("x").set("k", b("v"));
    assertArrayEquals(b("v"), kv.bucket("x").get("k"));
    assertEquals(null, kv.bucket("y").get("k"));
  }

  @Test
  void listKeysPagesInOrderWithExactPages() {
    InMemoryKeyValue.Bucket bucket = new InMemoryKeyValue(2).bucket("p");
    assertEquals(
        new InMemoryKeyValue.Page(List.of(), Optional.empty()), bucket.listKeys(Optional.empty()));
    for (String k : List.of("d", "b", "a", "c")) {
      bucket.set(k, b(k));
    }
    InMemoryKeyValue.Page first = bucket.listKeys(Optional.empty());
    assertEquals(new InMemoryKeyValue.Page(List.of("a", "b"), Optional.of("b")), first);
    // exactly a page left: no further cursor
    assertEquals(
        new InMemoryKeyValue.Page(List.of("c", "d"), Optional.empty()),
        bucket.listKeys(first.cursor()));
    // a key added behind the cursor is not seen again; one ahead of it is
    bucket.set("bb", b("x"));
    assertEquals(
        new InMemoryKeyValue.Page(List.of("bb", "c"), Optional.of("c")),
        bucket.listKeys(first.cursor()));
  }

  @Test
  void incrementChecksTheValue() {
    InMemoryKeyValue.Bucket bucket = new InMemoryKeyValue(2).bucket("n");
    assertEquals(-3, bucket.increment("n", -3));
    assertEquals(Long.MAX_VALUE - 3, bucket.increment("n", Long.MAX_VALUE));
    assertThrows(IllegalStateException.class, () -> bucket.increment("n", 4));
    bucket.set("s", b("abc"));
    assertThrows(IllegalStateException.class, () -> bucket.increment("s", 1));
  }

  @Test
  void concurrentIncrementsAndSwapsLoseNothing() throws Exception {
    InMemoryKeyValue.Bucket bucket = new InMemoryKeyValue(2).bucket("c");
    int threads = 8;
    int each = 2000;
    AtomicInteger swaps = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < each; i++) {
                    bucket.increment("counter", 1);
                    // a CAS loop: read, then swap only if unchanged
                    while (true) {
                      byte[] seen = bucket.get("cas");
                      int n =
                          seen == null
                              ? 0
                              : Integer.parseInt(new String(seen, StandardCharsets.UTF_8));
                      if (bucket.compareAndSet("cas", seen, b(Integer.toString(n + 1)))) {
                        swaps.incrementAndGet();
                        break;
                      }
                    }
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertEquals((long) threads * each, bucket.increment("counter", 0));
    assertEquals(threads * each, swaps.get());
    assertArrayEquals(b(Integer.toString(threads * each)), bucket.get("cas"));
  }
}
