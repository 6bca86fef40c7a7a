// The wasi:keyvalue@0.2.0-draft2 exports (store, atomics, batch) with a hand-written canonical ABI,
// on a storage backend (backend.h). C with wasi-libc for malloc and the string functions, linked
// without a WASI adapter: the component imports nothing but its own resources' intrinsics (and
// whatever the backend imports).
//
// Memory: the arguments the caller lowers into this instance (cabi_realloc outside a call) and the
// results an export returns live in a per-call scratch arena that the export's post-return frees;
// what the backend keeps it copies with malloc. Inside a call, cabi_realloc is plain realloc (the
// results of the backend's own imports, which it frees itself).
#include <stdlib.h>
#include <string.h>

#include "backend.h"

#define EXPORT(name) __attribute__((export_name(name)))
#define STORE "wasi:keyvalue/store@0.2.0-draft2"
#define ATOMICS "wasi:keyvalue/atomics@0.2.0-draft2"
#define BATCH "wasi:keyvalue/batch@0.2.0-draft2"
#define RESOURCE(iface, name) __attribute__((import_module("[export]" iface), import_name(name)))

// The keys per list-keys page (as the built-in provider's tests use).
#define KV_PAGE 2

RESOURCE(STORE, "[resource-new]bucket") int32_t bucket_new_handle(int32_t rep);
RESOURCE(ATOMICS, "[resource-new]cas") int32_t cas_new_handle(int32_t rep);
RESOURCE(ATOMICS, "[resource-rep]cas") int32_t cas_rep(int32_t handle);
RESOURCE(ATOMICS, "[resource-drop]cas") void cas_drop_handle(int32_t handle);

// ---- per-call scratch memory ------------------------------------------------------------------
typedef struct chunk {
  struct chunk *next;
  size_t size, used;
  _Alignas(8) unsigned char data[];
} chunk;

#define CHUNK 65536
static chunk *arena;  // newest first; the last one (CHUNK bytes) is kept across calls
static int in_call;   // set while an export runs

static void *scratch(size_t n, size_t align) {
  if (arena) {
    size_t at = (arena->used + align - 1) & ~(align - 1);
    if (at + n <= arena->size) {
      arena->used = at + n;
      return arena->data + at;
    }
  }
  size_t size = n > CHUNK ? n : CHUNK;
  chunk *c = malloc(sizeof(chunk) + size);
  if (!c) abort();
  c->next = arena;
  c->size = size;
  c->used = n;
  arena = c;
  return c->data;
}

void *kv_scratch(size_t n) { return scratch(n, 8); }

static void scratch_reset(void) {
  while (arena && arena->next) {
    chunk *next = arena->next;
    free(arena);
    arena = next;
  }
  if (arena && arena->size != CHUNK) {
    free(arena);
    arena = NULL;
  }
  if (arena) arena->used = 0;
}

EXPORT("cabi_realloc")
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
  if (new_size == 0) return (void *)align;
  if (in_call) {
    void *p = realloc(old, new_size);
    if (!p) abort();
    return p;
  }
  void *p = scratch(new_size, align);
  if (old) memcpy(p, old, old_size < new_size ? old_size : new_size);
  return p;
}

// ---- helpers for backends ---------------------------------------------------------------------
kv_error *kv_other(const char *a, const char *b, size_t blen, const char *c) {
  size_t al = strlen(a), cl = strlen(c);
  char *m = kv_scratch(al + blen + cl);
  memcpy(m, a, al);
  memcpy(m + al, b, blen);
  memcpy(m + al + blen, c, cl);
  kv_error *e = kv_scratch(sizeof *e);
  *e = (kv_error){KV_OTHER, m, al + blen + cl};
  return e;
}

kv_error *kv_add(kv_str key, const kv_value *old, int64_t delta, int64_t *sum, uint8_t out[8]) {
  uint64_t v = 0;
  if (old->present) {
    if (old->len != 8) return kv_other("the value of ", key.ptr, key.len, " is not a 64-bit integer");
    for (int i = 7; i >= 0; i--) v = (v << 8) | old->ptr[i];
  }
  if (__builtin_add_overflow((int64_t)v, delta, sum))
    return kv_other("incrementing ", key.ptr, key.len, " overflows s64");
  for (int i = 0; i < 8; i++) out[i] = (uint8_t)((uint64_t)*sum >> (8 * i));
  return NULL;
}

bool kv_same(const kv_value *a, const kv_value *b) {
  if (!a->present || !b->present) return a->present == b->present;
  return a->len == b->len && (a->len == 0 || memcmp(a->ptr, b->ptr, a->len) == 0);
}

// ---- return area ------------------------------------------------------------------------------
static _Alignas(8) uint8_t ret[32];

static void put32(size_t off, uint32_t v) { memcpy(ret + off, &v, 4); }
static void put_str(size_t off, const void *p, size_t n) {
  put32(off, (uint32_t)(uintptr_t)p);
  put32(off + 4, (uint32_t)n);
}
// result<T, error> with the payload at off: case 1, the error variant at off.
static uint8_t *err_at(size_t off, const kv_error *e) {
  ret[0] = 1;
  ret[off] = e->tag;
  put_str(off + 4, e->msg, e->len);
  return ret;
}
// option<list<u8>> at off
static void put_value(size_t off, const kv_value *v) {
  ret[off] = v->present;
  put_str(off + 4, v->present ? v->ptr : NULL, v->present ? v->len : 0);
}

#define BEGIN in_call = 1
#define END(r) \
  do {         \
    in_call = 0; \
    return (r); \
  } while (0)
// Every export with results frees the call's scratch memory in its post-return.
#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)
#define POST(iface, fn)                                                         \
  EXPORT("cabi_post_" iface "#" fn) void CAT(kv_post_, __COUNTER__)(uint8_t * r) { \
    (void)r;                                                                    \
    scratch_reset();                                                            \
  }

static kv_bucket *B(int32_t rep) { return (kv_bucket *)(uintptr_t)rep; }
static kv_str S(const char *p, size_t n) { return (kv_str){p, n}; }

// ---- wasi:keyvalue/store ----------------------------------------------------------------------
// open(identifier) -> result<bucket, error>: case at 0, handle or error at 4
EXPORT(STORE "#open") uint8_t *kv_open(const char *id, size_t len) {
  BEGIN;
  if (len == 0) {
    ret[0] = 1;
    ret[4] = KV_NO_SUCH_STORE;
    END(ret);
  }
  kv_bucket *b;
  kv_error *e = kvb_open(S(id, len), &b);
  if (e) END(err_at(4, e));
  ret[0] = 0;
  put32(4, (uint32_t)bucket_new_handle((int32_t)(uintptr_t)b));
  END(ret);
}

// The bucket rep is the backend's bucket, which outlives its handles.
EXPORT(STORE "#[dtor]bucket") void kv_bucket_dtor(int32_t rep) { (void)rep; }

// get(key) -> result<option<list<u8>>, error>
EXPORT(STORE "#[method]bucket.get") uint8_t *kv_get(int32_t self, const char *k, size_t kn) {
  BEGIN;
  kv_value v;
  kv_error *e = kvb_get(B(self), S(k, kn), &v);
  if (e) END(err_at(4, e));
  ret[0] = 0;
  put_value(4, &v);
  END(ret);
}

EXPORT(STORE "#[method]bucket.set")
uint8_t *kv_set(int32_t self, const char *k, size_t kn, const uint8_t *v, size_t vn) {
  BEGIN;
  kv_error *e = kvb_set(B(self), S(k, kn), v, vn);
  if (e) END(err_at(4, e));
  ret[0] = 0;
  END(ret);
}

EXPORT(STORE "#[method]bucket.delete") uint8_t *kv_delete(int32_t self, const char *k, size_t kn) {
  BEGIN;
  kv_error *e = kvb_delete(B(self), S(k, kn));
  if (e) END(err_at(4, e));
  ret[0] = 0;
  END(ret);
}

EXPORT(STORE "#[method]bucket.exists") uint8_t *kv_exists(int32_t self, const char *k, size_t kn) {
  BEGIN;
  bool found;
  kv_error *e = kvb_exists(B(self), S(k, kn), &found);
  if (e) END(err_at(4, e));
  ret[0] = 0;
  ret[4] = found;
  END(ret);
}

// list-keys(cursor) -> result<key-response, error>: keys (ptr, len) at 4, cursor option at 12
// (case), 16 (ptr, len). A page of KV_PAGE keys after the cursor; the next cursor (the page's last
// key) only when more keys follow.
EXPORT(STORE "#[method]bucket.list-keys")
uint8_t *kv_list_keys(int32_t self, int32_t has_cursor, const char *c, size_t cn) {
  BEGIN;
  kv_str after = S(c, cn);
  kv_str *keys = kv_scratch(sizeof(kv_str) * (KV_PAGE + 1));
  size_t n;
  kv_error *e = kvb_list_keys(B(self), has_cursor ? &after : NULL, KV_PAGE + 1, keys, &n);
  if (e) END(err_at(4, e));
  bool more = n > KV_PAGE;
  if (more) n = KV_PAGE;
  ret[0] = 0;
  put_str(4, keys, n);
  ret[12] = more;
  put_str(16, more ? keys[n - 1].ptr : NULL, more ? keys[n - 1].len : 0);
  END(ret);
}

POST(STORE, "open")
POST(STORE, "[method]bucket.get")
POST(STORE, "[method]bucket.set")
POST(STORE, "[method]bucket.delete")
POST(STORE, "[method]bucket.exists")
POST(STORE, "[method]bucket.list-keys")

// ---- wasi:keyvalue/atomics --------------------------------------------------------------------
// A cas: its bucket, key and the value seen when it was made (all malloc'd copies).
typedef struct {
  kv_bucket *bucket;
  char *key;
  size_t key_len;
  kv_value expected;
} cas_state;

static void *copy(const void *p, size_t n) {
  void *c = malloc(n ? n : 1);
  if (!c) abort();
  if (n) memcpy(c, p, n);
  return c;
}

// cas.new(bucket, key) -> result<cas, error>
EXPORT(ATOMICS "#[static]cas.new") uint8_t *kv_cas_new(int32_t bucket, const char *k, size_t kn) {
  BEGIN;
  kv_value v;
  kv_error *e = kvb_get(B(bucket), S(k, kn), &v);
  if (e) END(err_at(4, e));
  cas_state *s = malloc(sizeof *s);
  if (!s) abort();
  s->bucket = B(bucket);
  s->key = copy(k, kn);
  s->key_len = kn;
  s->expected = (kv_value){v.present, v.present ? copy(v.ptr, v.len) : NULL, v.present ? v.len : 0};
  ret[0] = 0;
  put32(4, (uint32_t)cas_new_handle((int32_t)(uintptr_t)s));
  END(ret);
}

EXPORT(ATOMICS "#[dtor]cas") void kv_cas_dtor(int32_t rep) {
  cas_state *s = (cas_state *)(uintptr_t)rep;
  free(s->key);
  free((void *)s->expected.ptr);
  free(s);
}

// cas.current() -> result<option<list<u8>>, error>
EXPORT(ATOMICS "#[method]cas.current") uint8_t *kv_cas_current(int32_t self) {
  BEGIN;
  ret[0] = 0;
  put_value(4, &((cas_state *)(uintptr_t)self)->expected);
  END(ret);
}

// increment(bucket, key, delta) -> result<s64, error>: the payload at 8
EXPORT(ATOMICS "#increment")
uint8_t *kv_increment(int32_t bucket, const char *k, size_t kn, int64_t delta) {
  BEGIN;
  int64_t sum;
  kv_error *e = kvb_increment(B(bucket), S(k, kn), delta, &sum);
  if (e) END(err_at(8, e));
  ret[0] = 0;
  memcpy(ret + 8, &sum, 8);
  END(ret);
}

// swap(cas, value) -> result<_, cas-error>; cas-error at 4: case 0 store-error(error at 8),
// case 1 cas-failed(cas handle at 8). The cas is ours to drop, or to hand back when it failed.
EXPORT(ATOMICS "#swap") uint8_t *kv_swap(int32_t cas, const uint8_t *v, size_t vn) {
  BEGIN;
  cas_state *s = (cas_state *)(uintptr_t)cas_rep(cas);
  bool swapped = false;
  kv_error *e = kvb_compare_and_set(s->bucket, S(s->key, s->key_len), &s->expected, v, vn, &swapped);
  if (e) {
    cas_drop_handle(cas);
    err_at(8, e);
    ret[4] = 0;
    END(ret);
  }
  if (!swapped) {
    ret[0] = 1;
    ret[4] = 1;
    put32(8, (uint32_t)cas);
    END(ret);
  }
  cas_drop_handle(cas);
  ret[0] = 0;
  END(ret);
}

POST(ATOMICS, "[static]cas.new")
POST(ATOMICS, "[method]cas.current")
POST(ATOMICS, "increment")
POST(ATOMICS, "swap")

// ---- wasi:keyvalue/batch ----------------------------------------------------------------------
// get-many(bucket, keys) -> result<list<option<tuple<string, list<u8>>>>, error>; each element
// 20 bytes: case at 0, key at 4, value at 12.
EXPORT(BATCH "#get-many") uint8_t *kv_get_many(int32_t bucket, const kv_str *keys, size_t n) {
  BEGIN;
  uint8_t *out = kv_scratch(20 * n + 1);
  for (size_t i = 0; i < n; i++) {
    kv_value v;
    kv_error *e = kvb_get(B(bucket), keys[i], &v);
    if (e) END(err_at(4, e));
    uint8_t *o = out + 20 * i;
    uint32_t w[4] = {(uint32_t)(uintptr_t)keys[i].ptr, (uint32_t)keys[i].len,
                     (uint32_t)(uintptr_t)v.ptr, (uint32_t)v.len};
    o[0] = v.present;
    memcpy(o + 4, w, 16);
  }
  ret[0] = 0;
  put_str(4, out, n);
  END(ret);
}

typedef struct {
  kv_str key;
  kv_str value;
} kv_pair;

EXPORT(BATCH "#set-many") uint8_t *kv_set_many(int32_t bucket, const kv_pair *kvs, size_t n) {
  BEGIN;
  for (size_t i = 0; i < n; i++) {
    kv_error *e = kvb_set(B(bucket), kvs[i].key, (const uint8_t *)kvs[i].value.ptr, kvs[i].value.len);
    if (e) END(err_at(4, e));
  }
  ret[0] = 0;
  END(ret);
}

EXPORT(BATCH "#delete-many") uint8_t *kv_delete_many(int32_t bucket, const kv_str *keys, size_t n) {
  BEGIN;
  for (size_t i = 0; i < n; i++) {
    kv_error *e = kvb_delete(B(bucket), keys[i]);
    if (e) END(err_at(4, e));
  }
  ret[0] = 0;
  END(ret);
}

POST(BATCH, "get-many")
POST(BATCH, "set-many")
POST(BATCH, "delete-many")
