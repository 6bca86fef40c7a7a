// Echo guest, hand-written canonical ABI: each export takes its flat arguments and passes them
// unchanged to the host import of the same name, then returns what the host returned. Lowered
// imports write spilled results through the last (retptr) argument; lifted exports return a
// pointer to them. Strings and lists the host lowers land in memory from cabi_realloc below.
#include <stdint.h>
#include <stddef.h>

#define IMPORT(name) __attribute__((import_module("test:echo/host@0.1.0"), import_name(name)))
#define EXPORT(name) __attribute__((export_name("test:echo/host@0.1.0#" name)))

static _Alignas(8) unsigned char heap[8 << 20];
static size_t heap_top;

__attribute__((export_name("cabi_realloc")))
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
  size_t p = (heap_top + align - 1) & ~(align - 1);
  if (p + new_size > sizeof heap) __builtin_trap();
  heap_top = p + new_size;
  unsigned char *dst = heap + p;
  for (size_t i = 0; i < old_size && i < new_size; i++) dst[i] = ((unsigned char *)old)[i];
  return dst;
}

static _Alignas(8) unsigned char ret_area[64];

// post-return: the host has lifted the result, so everything allocated for this call is garbage
#define POST(name, fn) \
  __attribute__((export_name("cabi_post_test:echo/host@0.1.0#" name))) void fn##_post(int32_t r) { \
    (void)r;                                                                                     \
    heap_top = 0;                                                                                \
  }
#define RET ((int32_t)(uintptr_t)ret_area)

// one flat value in, one out
#define ECHO1(name, T, fn)                                         \
  IMPORT(name) T host_##fn(T);                                     \
  EXPORT(name) T fn(T v) { return host_##fn(v); }

ECHO1("echo-bool", int32_t, echo_bool)
ECHO1("echo-s8", int32_t, echo_s8)
ECHO1("echo-u8", int32_t, echo_u8)
ECHO1("echo-s16", int32_t, echo_s16)
ECHO1("echo-u16", int32_t, echo_u16)
ECHO1("echo-s32", int32_t, echo_s32)
ECHO1("echo-u32", int32_t, echo_u32)
ECHO1("echo-s64", int64_t, echo_s64)
ECHO1("echo-u64", int64_t, echo_u64)
ECHO1("echo-f32", float, echo_f32)
ECHO1("echo-f64", double, echo_f64)
ECHO1("echo-char", int32_t, echo_char)
ECHO1("echo-color", int32_t, echo_color)
ECHO1("echo-small", int32_t, echo_small)
ECHO1("echo-big", int32_t, echo_big)
ECHO1("echo-thing", int32_t, echo_thing)

// A borrow lowered into this call must be dropped before the call returns (the spec's Task.return).
__attribute__((import_module("test:echo/types@0.1.0"), import_name("[resource-drop]thing")))
void thing_drop(int32_t handle);
IMPORT("peek-thing") int32_t host_peek_thing(int32_t);
EXPORT("peek-thing") int32_t peek_thing(int32_t borrowed) {
  int32_t v = host_peek_thing(borrowed);
  thing_drop(borrowed);
  return v;
}

// two i32 in (pointer and length, or two fields), result spilled
#define ECHO2(name, fn)                                                          \
  IMPORT(name) void host_##fn(int32_t, int32_t, int32_t);                        \
  EXPORT(name) int32_t fn(int32_t a, int32_t b) { host_##fn(a, b, RET); return RET; }

ECHO2("echo-string", echo_string)
ECHO2("echo-bytes", echo_bytes)
ECHO2("echo-strings", echo_strings)
ECHO2("echo-points", echo_points)
ECHO2("echo-point", echo_point)

// three i32 in (option<string>, result<u32, string>: discriminant and join of the cases)
#define ECHO3(name, fn)                                                                    \
  IMPORT(name) void host_##fn(int32_t, int32_t, int32_t, int32_t);                         \
  EXPORT(name) int32_t fn(int32_t a, int32_t b, int32_t c) { host_##fn(a, b, c, RET); return RET; }

ECHO3("echo-option", echo_option)
ECHO3("echo-result", echo_result)

// shape: discriminant, join(f64, i32, i32) = i64, i32
IMPORT("echo-shape") void host_echo_shape(int32_t, int64_t, int32_t, int32_t);
EXPORT("echo-shape") int32_t echo_shape(int32_t d, int64_t a, int32_t b) {
  host_echo_shape(d, a, b, RET);
  return RET;
}

// tuple<u8, string, f64>
IMPORT("echo-tuple") void host_echo_tuple(int32_t, int32_t, int32_t, double, int32_t);
EXPORT("echo-tuple") int32_t echo_tuple(int32_t a, int32_t p, int32_t n, double d) {
  host_echo_tuple(a, p, n, d, RET);
  return RET;
}

// prims: 12 flat values
IMPORT("echo-prims")
void host_echo_prims(int32_t, int32_t, int32_t, int32_t, int32_t, int32_t, int32_t, int64_t, int64_t,
                     float, double, int32_t, int32_t);
EXPORT("echo-prims")
int32_t echo_prims(int32_t a, int32_t b, int32_t c, int32_t d, int32_t e, int32_t f, int32_t g,
                   int64_t h, int64_t i, float j, double k, int32_t l) {
  host_echo_prims(a, b, c, d, e, f, g, h, i, j, k, l, RET);
  return RET;
}

// 17 parameters spill into memory: both directions pass the pointer to the tuple
IMPORT("sum17") int64_t host_sum17(int32_t);
EXPORT("sum17") int64_t sum17(int32_t args) { return host_sum17(args); }
POST("echo-string", echo_string)
POST("echo-bytes", echo_bytes)
POST("echo-strings", echo_strings)
POST("echo-points", echo_points)
POST("echo-point", echo_point)
POST("echo-option", echo_option)
POST("echo-result", echo_result)
POST("echo-shape", echo_shape)
POST("echo-tuple", echo_tuple)
POST("echo-prims", echo_prims)
