// kv-bench: loops of wasi:keyvalue@0.2.0-draft2 calls (see bench.wit), hand-written canonical ABI.
// wasi-libc for malloc/free only, linked with no WASI adapter: it imports nothing but keyvalue.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define STORE "wasi:keyvalue/store@0.2.0-draft2"
#define ATOMICS "wasi:keyvalue/atomics@0.2.0-draft2"
#define IMPORT(m, n) __attribute__((import_module(m), import_name(n)))
#define EXPORT(n) __attribute__((export_name("test:kv-bench/bench@0.1.0#" n)))

// Return areas: result<own<bucket>, error> / result<option<list<u8>>, error> / result<_, error>
// (case at 0, payload at 4; an error's string at 8), result<s64, error> (payload at 8).
typedef union {
  uint8_t b[24];
  uint32_t w[6];
  int64_t d[3];
} __attribute__((aligned(8))) area;

IMPORT(STORE, "open") void kv_open(const char *p, size_t n, area *ret);
IMPORT(STORE, "[method]bucket.get") void kv_get(int32_t self, const char *k, size_t kn, area *ret);
IMPORT(STORE, "[method]bucket.set")
void kv_set(int32_t self, const char *k, size_t kn, const uint8_t *v, size_t vn, area *ret);
IMPORT(STORE, "[resource-drop]bucket") void kv_drop_bucket(int32_t self);
IMPORT(ATOMICS, "increment") void kv_increment(int32_t bucket, const char *k, size_t kn, int64_t delta, area *ret);

__attribute__((export_name("cabi_realloc")))
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
  (void)old_size;
  if (new_size == 0) return (void *)align;
  void *p = realloc(old, new_size);
  if (!p) abort();
  return p;
}

// An error result traps (the benchmark's set-up is wrong).
static void check(const area *r) {
  if (r->b[0] != 0) __builtin_trap();
}

static int32_t open_bucket(const char *p, size_t n) {
  area r;
  kv_open(p, n, &r);
  check(&r);
  return (int32_t)r.w[1];
}

static void release(const char *b, size_t bn, const char *k, size_t kn) {
  if (bn) free((void *)b);
  if (kn) free((void *)k);
}

EXPORT("get-loop") uint32_t get_loop(const char *b, size_t bn, const char *k, size_t kn, uint32_t n) {
  int32_t bucket = open_bucket(b, bn);
  uint32_t total = 0;
  for (uint32_t i = 0; i < n; i++) {
    area r;
    kv_get(bucket, k, kn, &r);
    check(&r);
    if (r.b[4]) {  // some(value): ours to free
      total += r.w[3];
      if (r.w[3]) free((void *)(uintptr_t)r.w[2]);
    }
  }
  kv_drop_bucket(bucket);
  release(b, bn, k, kn);
  return total;
}

EXPORT("set-loop") uint32_t set_loop(const char *b, size_t bn, const char *k, size_t kn, uint32_t n) {
  int32_t bucket = open_bucket(b, bn);
  for (uint32_t i = 0; i < n; i++) {
    uint64_t v = i;  // little endian
    area r;
    kv_set(bucket, k, kn, (const uint8_t *)&v, 8, &r);
    check(&r);
  }
  kv_drop_bucket(bucket);
  release(b, bn, k, kn);
  return n;
}

EXPORT("increment-loop") int64_t increment_loop(const char *b, size_t bn, const char *k, size_t kn, uint32_t n) {
  int32_t bucket = open_bucket(b, bn);
  int64_t last = 0;
  for (uint32_t i = 0; i < n; i++) {
    area r;
    kv_increment(bucket, k, kn, 1, &r);
    check(&r);
    last = r.d[1];
  }
  kv_drop_bucket(bucket);
  release(b, bn, k, kn);
  return last;
}
