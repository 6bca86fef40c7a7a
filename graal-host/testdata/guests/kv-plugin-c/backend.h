// The storage behind the wasi:keyvalue@0.2.0-draft2 exports of kv.c: a small interface that each
// backend implements (backend_memory.c, backend_sqlite.c), and the helpers kv.c gives them.
// Semantics are those of graal-host's built-in provider (dev.wasidl.keyvalue.InMemoryKeyValue):
// keys sorted by their UTF-8 bytes, values copied in and out, counters 8-byte little-endian s64,
// compare-and-swap against the value seen when the cas was made (absent = none).
#ifndef KV_BACKEND_H
#define KV_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// A string or list<u8> as the canonical ABI lays it out in memory (ptr, len): 8 bytes on wasm32.
typedef struct {
  const char *ptr;
  size_t len;
} kv_str;

// A value that may be absent (option<list<u8>>).
typedef struct {
  bool present;
  const uint8_t *ptr;
  size_t len;
} kv_value;

// The WIT error variant: tag 0 no-such-store, 1 access-denied, 2 other(msg).
typedef struct {
  uint8_t tag;
  const char *msg;
  size_t len;
} kv_error;

enum { KV_NO_SUCH_STORE = 0, KV_ACCESS_DENIED = 1, KV_OTHER = 2 };

// A bucket of a backend: lives as long as the instance (the bucket resource's rep points at it,
// and cas handles keep using it after the bucket handle is dropped).
typedef struct kv_bucket kv_bucket;

// ---- given by kv.c -------------------------------------------------------------------------
// Memory that lives until the current export call's post-return (results, messages).
void *kv_scratch(size_t n);
// other(a + b[0..blen] + c), in scratch memory.
kv_error *kv_other(const char *a, const char *b, size_t blen, const char *c);
// The increment rule: *old (absent = 0) must be 8 bytes; writes the sum to *sum and its bytes to out.
kv_error *kv_add(kv_str key, const kv_value *old, int64_t delta, int64_t *sum, uint8_t out[8]);
// Same presence and bytes.
bool kv_same(const kv_value *a, const kv_value *b);

// ---- given by the backend -------------------------------------------------------------------
// Every function returns NULL on success, else the error (in scratch memory). Data a backend
// returns (values, keys) stays valid until the export's post-return.
kv_error *kvb_open(kv_str identifier, kv_bucket **out);  // identifier is never empty
kv_error *kvb_get(kv_bucket *b, kv_str key, kv_value *out);
kv_error *kvb_set(kv_bucket *b, kv_str key, const uint8_t *value, size_t len);
kv_error *kvb_delete(kv_bucket *b, kv_str key);
kv_error *kvb_exists(kv_bucket *b, kv_str key, bool *out);
// Up to max keys greater than *after (all keys when after is NULL), in order, into keys[].
kv_error *kvb_list_keys(kv_bucket *b, const kv_str *after, size_t max, kv_str *keys, size_t *n);
// Atomically: kv_add on the current value, then store the sum.
kv_error *kvb_increment(kv_bucket *b, kv_str key, int64_t delta, int64_t *sum);
// Atomically: if the current value is *expected (kv_same), store value; *swapped says whether.
kv_error *kvb_compare_and_set(kv_bucket *b, kv_str key, const kv_value *expected,
                              const uint8_t *value, size_t len, bool *swapped);

#endif
