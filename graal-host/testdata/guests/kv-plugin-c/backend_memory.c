// The in-memory backend: buckets by identifier (a list), each a sorted array of entries (binary
// search by the keys' bytes), values and keys malloc'd copies. One instance's memory is the store,
// so every bucket handle (and every user of this instance) sees the same data.
#include <stdlib.h>
#include <string.h>

#include "backend.h"

typedef struct {
  char *key;
  size_t key_len;
  uint8_t *value;
  size_t len;
} entry;

struct kv_bucket {
  kv_bucket *next;
  char *id;
  size_t id_len;
  entry *entries;
  size_t n, cap;
};

static kv_bucket *buckets;

static void *copy(const void *p, size_t n) {
  void *c = malloc(n ? n : 1);
  if (!c) abort();
  if (n) memcpy(c, p, n);
  return c;
}

static int compare(const char *a, size_t an, const char *b, size_t bn) {
  size_t n = an < bn ? an : bn;
  int c = n ? memcmp(a, b, n) : 0;
  if (c) return c;
  return an < bn ? -1 : an > bn ? 1 : 0;
}

// The index of the first entry whose key is >= key (or > key when after is set).
static size_t lower_bound(const kv_bucket *b, kv_str key, bool after) {
  size_t lo = 0, hi = b->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = compare(b->entries[mid].key, b->entries[mid].key_len, key.ptr, key.len);
    if (c < 0 || (after && c == 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

static entry *find(kv_bucket *b, kv_str key) {
  size_t i = lower_bound(b, key, false);
  if (i < b->n && compare(b->entries[i].key, b->entries[i].key_len, key.ptr, key.len) == 0)
    return &b->entries[i];
  return NULL;
}

kv_error *kvb_open(kv_str id, kv_bucket **out) {
  for (kv_bucket *b = buckets; b; b = b->next) {
    if (compare(b->id, b->id_len, id.ptr, id.len) == 0) {
      *out = b;
      return NULL;
    }
  }
  kv_bucket *b = calloc(1, sizeof *b);
  if (!b) abort();
  b->id = copy(id.ptr, id.len);
  b->id_len = id.len;
  b->next = buckets;
  buckets = b;
  *out = b;
  return NULL;
}

kv_error *kvb_get(kv_bucket *b, kv_str key, kv_value *out) {
  entry *e = find(b, key);
  // the stored bytes themselves: nothing changes them before the call's post-return
  *out = e ? (kv_value){true, e->value, e->len} : (kv_value){false, NULL, 0};
  return NULL;
}

kv_error *kvb_set(kv_bucket *b, kv_str key, const uint8_t *value, size_t len) {
  size_t i = lower_bound(b, key, false);
  uint8_t *v = copy(value, len);
  if (i < b->n && compare(b->entries[i].key, b->entries[i].key_len, key.ptr, key.len) == 0) {
    free(b->entries[i].value);
    b->entries[i].value = v;
    b->entries[i].len = len;
    return NULL;
  }
  if (b->n == b->cap) {
    b->cap = b->cap ? 2 * b->cap : 8;
    b->entries = realloc(b->entries, b->cap * sizeof(entry));
    if (!b->entries) abort();
  }
  memmove(&b->entries[i + 1], &b->entries[i], (b->n - i) * sizeof(entry));
  b->entries[i] = (entry){copy(key.ptr, key.len), key.len, v, len};
  b->n++;
  return NULL;
}

kv_error *kvb_delete(kv_bucket *b, kv_str key) {
  entry *e = find(b, key);
  if (!e) return NULL;
  free(e->key);
  free(e->value);
  size_t i = (size_t)(e - b->entries);
  memmove(&b->entries[i], &b->entries[i + 1], (b->n - i - 1) * sizeof(entry));
  b->n--;
  return NULL;
}

kv_error *kvb_exists(kv_bucket *b, kv_str key, bool *out) {
  *out = find(b, key) != NULL;
  return NULL;
}

kv_error *kvb_list_keys(kv_bucket *b, const kv_str *after, size_t max, kv_str *keys, size_t *n) {
  size_t i = after ? lower_bound(b, *after, true) : 0;
  *n = 0;
  for (; i < b->n && *n < max; i++) keys[(*n)++] = (kv_str){b->entries[i].key, b->entries[i].key_len};
  return NULL;
}

kv_error *kvb_increment(kv_bucket *b, kv_str key, int64_t delta, int64_t *sum) {
  kv_value old;
  kvb_get(b, key, &old);
  uint8_t bytes[8];
  kv_error *e = kv_add(key, &old, delta, sum, bytes);
  return e ? e : kvb_set(b, key, bytes, 8);
}

kv_error *kvb_compare_and_set(kv_bucket *b, kv_str key, const kv_value *expected,
                              const uint8_t *value, size_t len, bool *swapped) {
  kv_value now;
  kvb_get(b, key, &now);
  *swapped = kv_same(&now, expected);
  return *swapped ? kvb_set(b, key, value, len) : NULL;
}
