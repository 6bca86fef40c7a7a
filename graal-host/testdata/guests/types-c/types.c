// A freestanding guest with a hand-written canonical ABI for types.wit (no libc, no bindgen).
#include <stdint.h>
#include <stddef.h>

#define IMPORT(name) __attribute__((import_module("test:guest/host@0.1.0"), import_name(name)))
#define EXPORT(name) __attribute__((export_name(name)))
#define API "test:guest/api@0.1.0#"

// ---- allocator ------------------------------------------------------------------------------
extern unsigned char __heap_base;
static uintptr_t heap_top;

void *memcpy(void *dst, const void *src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  while (n--) *d++ = *s++;
  return dst;
}

void *memset(void *dst, int c, size_t n) {
  unsigned char *d = dst;
  while (n--) *d++ = (unsigned char)c;
  return dst;
}

EXPORT("cabi_realloc")
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
  if (!heap_top) heap_top = (uintptr_t)&__heap_base;
  if (new_size == 0) return (void *)align;
  uintptr_t p = (heap_top + align - 1) & ~(uintptr_t)(align - 1);
  uintptr_t end = p + new_size;
  size_t have = __builtin_wasm_memory_size(0) * 65536;
  if (end > have) {
    if (__builtin_wasm_memory_grow(0, (end - have + 65535) / 65536) == (size_t)-1) __builtin_trap();
  }
  heap_top = end;
  if (old) memcpy((void *)p, old, old_size < new_size ? old_size : new_size);
  return (void *)p;
}

typedef struct { const char *ptr; size_t len; } str_t;
static size_t slen(const char *s) { size_t n = 0; while (s[n]) n++; return n; }

// ---- imports (test:guest/host) --------------------------------------------------------------
IMPORT("get-name") void host_get_name(str_t *ret);
IMPORT("log") void host_log(int32_t level, const char *ptr, size_t len);
IMPORT("[constructor]counter") int32_t host_counter_new(uint32_t start);
IMPORT("[method]counter.increment") uint32_t host_counter_increment(int32_t self, uint32_t by);
IMPORT("[method]counter.value") uint32_t host_counter_value(int32_t self);
IMPORT("[static]counter.make") int32_t host_counter_make(void);
IMPORT("[resource-drop]counter") void host_counter_drop(int32_t handle);

// ---- exported resource blob -----------------------------------------------------------------
__attribute__((import_module("[export]test:guest/api@0.1.0"), import_name("[resource-new]blob")))
int32_t blob_new_handle(int32_t rep);
__attribute__((import_module("[export]test:guest/api@0.1.0"), import_name("[resource-rep]blob")))
int32_t blob_rep(int32_t handle);
__attribute__((import_module("[export]test:guest/api@0.1.0"), import_name("[resource-drop]blob")))
void blob_drop_handle(int32_t handle);

typedef struct { uint8_t *data; size_t len; int live; } blob_t;
static int32_t blobs_dropped;

EXPORT(API "[constructor]blob") int32_t blob_constructor(uint8_t *data, size_t len) {
  blob_t *b = cabi_realloc(0, 0, 4, sizeof(blob_t));
  b->data = data;
  b->len = len;
  b->live = 1;
  return blob_new_handle((int32_t)(uintptr_t)b);
}

EXPORT(API "[dtor]blob") void blob_dtor(int32_t rep) {
  blob_t *b = (blob_t *)(uintptr_t)rep;
  b->live = 0;
  blobs_dropped++;
}

EXPORT(API "[method]blob.size") uint64_t blob_size(int32_t rep) {
  return ((blob_t *)(uintptr_t)rep)->len;
}

// result<list<u8>, string>: disc u8 at 0, payload (ptr, len) at 4
static uint32_t ret_area[4];

EXPORT(API "[method]blob.read") uint32_t *blob_read(int32_t rep, uint32_t offset, uint32_t len) {
  blob_t *b = (blob_t *)(uintptr_t)rep;
  if ((uint64_t)offset + len > b->len) {
    static const char msg[] = "out of bounds";
    ret_area[0] = 1;
    ret_area[1] = (uint32_t)(uintptr_t)msg;
    ret_area[2] = sizeof msg - 1;
  } else {
    ret_area[0] = 0;
    ret_area[1] = (uint32_t)(uintptr_t)(b->data + offset);
    ret_area[2] = len;
  }
  return ret_area;
}

// ---- exported functions ---------------------------------------------------------------------
// greet(p: person) -> string; person = {name: string, age: u8, tags: list<string>, home: option<point>}
EXPORT(API "greet")
uint32_t *greet(const char *name, size_t name_len, int32_t age, str_t *tags, size_t ntags,
                int32_t has_home, int32_t x, int32_t y) {
  str_t host;
  host_get_name(&host);
  size_t n = 6 + name_len + 6 + host.len + 1 + (has_home ? 6 : 0);
  for (size_t i = 0; i < ntags; i++) n += 1 + tags[i].len;
  char *out = cabi_realloc(0, 0, 1, n), *p = out;
  memcpy(p, "hello ", 6), p += 6;
  memcpy(p, name, name_len), p += name_len;
  memcpy(p, " from ", 6), p += 6;
  memcpy(p, host.ptr, host.len), p += host.len;
  for (size_t i = 0; i < ntags; i++) *p++ = ' ', memcpy(p, tags[i].ptr, tags[i].len), p += tags[i].len;
  if (has_home) memcpy(p, " @home", 6), p += 6;
  *p++ = age >= 18 ? '!' : '?';
  (void)x, (void)y;
  ret_area[0] = (uint32_t)(uintptr_t)out;
  ret_area[1] = (uint32_t)(p - out);
  return ret_area;
}

EXPORT("cabi_post_" API "greet") void greet_post(uint32_t *ret) { (void)ret; }

// area(s: shape) -> f64; shape = circle(f64) | rect(point) | none: flat (i32, i64, i32)
EXPORT(API "area") double area(int32_t tag, int64_t a, int32_t b) {
  switch (tag) {
    case 0: { double r; memcpy(&r, &a, 8); return 3.141592653589793 * r * r; }
    case 1: return (double)(int32_t)a * (double)b;
    default: return 0.0;
  }
}

// check(c: color, p: perms) -> tuple<bool, u32>
EXPORT(API "check") uint32_t *check(int32_t color, int32_t perms) {
  host_log(color, "checking", 8);
  ((uint8_t *)ret_area)[0] = (perms & 1) != 0;
  ret_area[1] = (uint32_t)(color * 8 + perms);
  return ret_area;
}

// parse(s: string) -> result<s64, string>: disc at 0, s64 at 8 or (ptr, len) at 8
static uint64_t ret64[3];
EXPORT(API "parse") uint64_t *parse(const char *s, size_t len) {
  int64_t v = 0;
  int neg = len > 0 && s[0] == '-';
  size_t i = neg;
  if (i == len) goto bad;
  for (; i < len; i++) {
    if (s[i] < '0' || s[i] > '9') goto bad;
    v = v * 10 + (s[i] - '0');
  }
  ret64[0] = 0;
  ret64[1] = (uint64_t)(neg ? -v : v);
  return ret64;
bad:
  ret64[0] = 1;
  uint32_t *w = (uint32_t *)&ret64[1];
  w[0] = (uint32_t)(uintptr_t)"not a number";
  w[1] = 12;
  return ret64;
}

EXPORT("cabi_post_" API "parse") void parse_post(uint64_t *ret) { (void)ret; }

// sum(xs: list<s32>) -> option<s64>: disc at 0, s64 at 8
EXPORT(API "sum") uint64_t *sum(int32_t *xs, size_t n) {
  if (n == 0) { ret64[0] = 0; return ret64; }
  int64_t t = 0;
  for (size_t i = 0; i < n; i++) t += xs[i];
  ret64[0] = 1;
  ret64[1] = (uint64_t)t;
  return ret64;
}

// mix(a: s8, b: u16, c: char, d: f32) -> u64
EXPORT(API "mix") uint64_t mix(int32_t a, int32_t b, int32_t c, float d) {
  return (uint64_t)(int64_t)a * 1000000 + (uint64_t)b * 1000 + (uint64_t)c + (uint64_t)d;
}

// count-up(start: u32) -> u32: uses the imported counter resource
EXPORT(API "count-up") uint32_t count_up(uint32_t start) {
  int32_t c = host_counter_new(start);
  host_counter_increment(c, 2);
  uint32_t v = host_counter_value(c);
  host_counter_drop(c);
  int32_t m = host_counter_make();
  v += host_counter_value(m);
  host_counter_drop(m);
  return v + (uint32_t)blobs_dropped;
}

// version: func() -> string (world-level export)
EXPORT("version") uint32_t *version(void) {
  static const char v[] = "types-c 0.1.0";
  ret_area[0] = (uint32_t)(uintptr_t)v;
  ret_area[1] = sizeof v - 1;
  return ret_area;
}

EXPORT("cabi_post_version") void version_post(uint32_t *ret) { (void)ret; }
