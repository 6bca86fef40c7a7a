// wasi:dl@0.2.0-draft for C guests: the raw imports with a hand-written canonical ABI, and small
// helpers on top (signatures from text, outgoing/incoming values, a sticky first error).
// Needs wasi-libc (malloc, snprintf) but no WASI import: cabi_realloc is libc's realloc.
//
// Canonical ABI notes (32-bit memory, little endian):
//  - variants ffi-type / outgoing-value / incoming-value: 8 bytes, case byte at 0, payload at 4
//    (an enum primitive-type byte, or an own<...> handle); flat: (i32 case, i32 payload).
//  - option<ffi-type>: flat (i32 is-some, i32 case, i32 payload).
//  - results with more than one flat value come back through a return area: case byte at 0,
//    payload at the payload's alignment (1 for s8/u8, 2 for s16/u16, 4 for s32/u32/f32/handles/
//    strings, 8 for s64/u64/f64).
//  - result<option<incoming-value>>: result case at 0, option case at 4, value case at 8, handle at 12.
//  - a resource passed by value (own) is consumed: every struct-type inside an ffi-type, every
//    outgoing value given to call/write-*/outgoing-struct, the alloc given to function.from-alloc.
//    So ffi-types are built afresh for each use (dl_type / dl_sig parse text each time).
#ifndef WASI_DL_H
#define WASI_DL_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#pragma clang diagnostic ignored "-Wunused-function"

// Reactors without WASI: these guests format text with snprintf only. wasi-libc's vfprintf
// references the stderr FILE (a message for %Lf) and __towrite asks for stdio's exit flush; both
// would pull in stdio streams and their WASI preview1 imports (fd_write, fd_seek, fd_close). These
// two definitions satisfy the references instead, so the core module imports nothing but wasi:dl.
// A guest that does use stdio (printf) defines WASI_DL_WITH_STDIO before including this header.
#ifndef WASI_DL_WITH_STDIO
void __stdio_exit_needed(void) {}
_Alignas(16) unsigned char __stderr_FILE[256];
#endif

#define WASI_DL_FFI(n) __attribute__((import_module("wasi:dl/ffi@0.2.0-draft"), import_name(n)))
#define WASI_DL_DLL(n) __attribute__((import_module("wasi:dl/dll@0.2.0-draft"), import_name(n)))

// ---- WIT types -------------------------------------------------------------------------------
typedef enum {
  DL_C_SCHAR, DL_C_UCHAR, DL_C_SHORT, DL_C_USHORT, DL_C_INT, DL_C_UINT, DL_C_LONG, DL_C_ULONG,
  DL_C_LONG_LONG, DL_C_ULONG_LONG, DL_C_FLOAT, DL_C_DOUBLE, DL_INT8, DL_INT16, DL_INT32, DL_INT64,
  DL_UINT8, DL_UINT16, DL_UINT32, DL_UINT64, DL_POINTER, DL_PRIM_COUNT
} dl_prim;

static const char *const DL_PRIM_NAMES[DL_PRIM_COUNT] = {
    "c-schar", "c-uchar", "c-short", "c-ushort", "c-int", "c-uint", "c-long", "c-ulong",
    "c-long-long", "c-ulong-long", "c-float", "c-double", "int8-t", "int16-t", "int32-t", "int64-t",
    "uint8-t", "uint16-t", "uint32-t", "uint64-t", "pointer"};

// flags open-flags (bit i = i-th flag)
#define DL_LAZY 1u
#define DL_NOW 2u
#define DL_GLOBAL 4u
#define DL_LOCAL 8u

// ffi-type, outgoing-value, incoming-value: case 0 primitive, 1 struct. tag 0xff = none / failed.
typedef struct {
  uint8_t tag;
  int32_t val;  // primitive-type (ffi-type) or a resource handle
} dl_var;
_Static_assert(sizeof(dl_var) == 8, "variant layout");
#define DL_NONE ((dl_var){0xff, 0})

typedef union {
  uint8_t b[16];
  int32_t i[4];
  uint64_t u64[2];
} __attribute__((aligned(8))) dl_ret;

// ---- raw imports: wasi:dl/ffi ------------------------------------------------------------------
WASI_DL_FFI("[static]alloc.new") void wasi_dl_alloc_new(int32_t tag, int32_t val, dl_ret *ret);
WASI_DL_FFI("[method]alloc.write-primitive") int32_t wasi_dl_alloc_write_primitive(int32_t self, int32_t v);
WASI_DL_FFI("[method]alloc.write-struct") int32_t wasi_dl_alloc_write_struct(int32_t self, int32_t v);
WASI_DL_FFI("[method]alloc.write-string")
int32_t wasi_dl_alloc_write_string(int32_t self, const char *ptr, size_t len);
WASI_DL_FFI("[method]alloc.read-primitive") void wasi_dl_alloc_read_primitive(int32_t self, dl_ret *ret);
WASI_DL_FFI("[method]alloc.read-struct") void wasi_dl_alloc_read_struct(int32_t self, dl_ret *ret);
WASI_DL_FFI("[method]alloc.read-string") void wasi_dl_alloc_read_string(int32_t self, dl_ret *ret);
WASI_DL_FFI("[resource-drop]alloc") void wasi_dl_alloc_drop(int32_t self);

WASI_DL_FFI("[constructor]struct-type") int32_t wasi_dl_struct_type_new(const dl_var *fields, size_t n);
WASI_DL_FFI("[resource-drop]struct-type") void wasi_dl_struct_type_drop(int32_t self);

WASI_DL_FFI("[constructor]outgoing-primitive") int32_t wasi_dl_outgoing_primitive_new(int32_t ty);
WASI_DL_FFI("[method]outgoing-primitive.set-s8") int32_t wasi_dl_set_s8(int32_t self, int32_t v);
WASI_DL_FFI("[method]outgoing-primitive.set-s16") int32_t wasi_dl_set_s16(int32_t self, int32_t v);
WASI_DL_FFI("[method]outgoing-primitive.set-s32") int32_t wasi_dl_set_s32(int32_t self, int32_t v);
WASI_DL_FFI("[method]outgoing-primitive.set-s64") int32_t wasi_dl_set_s64(int32_t self, int64_t v);
WASI_DL_FFI("[method]outgoing-primitive.set-u8") int32_t wasi_dl_set_u8(int32_t self, int32_t v);
WASI_DL_FFI("[method]outgoing-primitive.set-u16") int32_t wasi_dl_set_u16(int32_t self, int32_t v);
WASI_DL_FFI("[method]outgoing-primitive.set-u32") int32_t wasi_dl_set_u32(int32_t self, int32_t v);
WASI_DL_FFI("[method]outgoing-primitive.set-u64") int32_t wasi_dl_set_u64(int32_t self, int64_t v);
WASI_DL_FFI("[method]outgoing-primitive.set-f32") int32_t wasi_dl_set_f32(int32_t self, float v);
WASI_DL_FFI("[method]outgoing-primitive.set-f64") int32_t wasi_dl_set_f64(int32_t self, double v);
WASI_DL_FFI("[method]outgoing-primitive.set-addr") int32_t wasi_dl_set_addr(int32_t self, int32_t alloc);
WASI_DL_FFI("[resource-drop]outgoing-primitive") void wasi_dl_outgoing_primitive_drop(int32_t self);

WASI_DL_FFI("[constructor]outgoing-struct") int32_t wasi_dl_outgoing_struct_new(const dl_var *fields, size_t n);
WASI_DL_FFI("[resource-drop]outgoing-struct") void wasi_dl_outgoing_struct_drop(int32_t self);

WASI_DL_FFI("[method]incoming-primitive.get-s8") void wasi_dl_get_s8(int32_t self, dl_ret *ret);
WASI_DL_FFI("[method]incoming-primitive.get-s16") void wasi_dl_get_s16(int32_t self, dl_ret *ret);
WASI_DL_FFI("[method]incoming-primitive.get-s32") void wasi_dl_get_s32(int32_t self, dl_ret *ret);
WASI_DL_FFI("[method]incoming-primitive.get-s64") void wasi_dl_get_s64(int32_t self, dl_ret *ret);
WASI_DL_FFI("[method]incoming-primitive.get-u8") void wasi_dl_get_u8(int32_t self, dl_ret *ret);
WASI_DL_FFI("[method]incoming-primitive.get-u16") void wasi_dl_get_u16(int32_t self, dl_ret *ret);
WASI_DL_FFI("[method]incoming-primitive.get-u32") void wasi_dl_get_u32(int32_t self, dl_ret *ret);
WASI_DL_FFI("[method]incoming-primitive.get-u64") void wasi_dl_get_u64(int32_t self, dl_ret *ret);
WASI_DL_FFI("[method]incoming-primitive.get-f32") void wasi_dl_get_f32(int32_t self, dl_ret *ret);
WASI_DL_FFI("[method]incoming-primitive.get-f64") void wasi_dl_get_f64(int32_t self, dl_ret *ret);
WASI_DL_FFI("[method]incoming-primitive.get-alloc") void wasi_dl_get_alloc(int32_t self, dl_ret *ret);
WASI_DL_FFI("[resource-drop]incoming-primitive") void wasi_dl_incoming_primitive_drop(int32_t self);

WASI_DL_FFI("[method]incoming-struct.fields") void wasi_dl_incoming_struct_fields(int32_t self, dl_ret *ret);
WASI_DL_FFI("[resource-drop]incoming-struct") void wasi_dl_incoming_struct_drop(int32_t self);

WASI_DL_FFI("sizeof") int32_t wasi_dl_sizeof(int32_t ty);

// ---- raw imports: wasi:dl/dll ------------------------------------------------------------------
WASI_DL_DLL("[static]function.from-alloc")
void wasi_dl_function_from_alloc(int32_t alloc, const dl_var *args, size_t nargs, int32_t has_ret,
                                 int32_t ret_tag, int32_t ret_val, dl_ret *ret);
WASI_DL_DLL("[method]function.call")
void wasi_dl_function_call(int32_t self, const dl_var *args, size_t nargs, dl_ret *ret);
WASI_DL_DLL("[method]function.get-alloc") int32_t wasi_dl_function_get_alloc(int32_t self);
WASI_DL_DLL("[resource-drop]function") void wasi_dl_function_drop(int32_t self);

WASI_DL_DLL("[method]symbol.get-function")
int32_t wasi_dl_symbol_get_function(int32_t self, const dl_var *args, size_t nargs, int32_t has_ret,
                                    int32_t ret_tag, int32_t ret_val);
WASI_DL_DLL("[method]symbol.get-alloc") int32_t wasi_dl_symbol_get_alloc(int32_t self, int32_t tag, int32_t val);
WASI_DL_DLL("[resource-drop]symbol") void wasi_dl_symbol_drop(int32_t self);

WASI_DL_DLL("[static]library.open")
void wasi_dl_library_open(int32_t has_name, const char *name, size_t len, int32_t flags, dl_ret *ret);
WASI_DL_DLL("[method]library.get")
void wasi_dl_library_get(int32_t self, const char *name, size_t len, dl_ret *ret);
WASI_DL_DLL("[resource-drop]library") void wasi_dl_library_drop(int32_t self);

WASI_DL_DLL("extension") void wasi_dl_extension(dl_ret *ret);
WASI_DL_DLL("prefix") void wasi_dl_prefix(dl_ret *ret);
WASI_DL_DLL("suffix") void wasi_dl_suffix(dl_ret *ret);

// ---- memory the host writes into (lists and strings it returns) --------------------------------
// A guest with its own cabi_realloc defines WASI_DL_OWN_CABI_REALLOC: it must be realloc while the
// guest calls wasi:dl (dl_take_string and dl_fields realloc and free what the host returned).
#ifndef WASI_DL_OWN_CABI_REALLOC
__attribute__((export_name("cabi_realloc")))
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
  (void)old_size;  // malloc's alignment (16) covers every canonical ABI alignment
  if (new_size == 0) return (void *)align;
  void *p = realloc(old, new_size);
  if (!p) abort();
  return p;
}
#endif

// A string the host returned at ret+off (ptr, len), as a malloc'd NUL-terminated copy.
static char *dl_take_string(const dl_ret *r, int off) {
  char *p = (char *)(uintptr_t)r->i[off / 4];
  size_t n = (size_t)r->i[off / 4 + 1];
  p = realloc(n ? p : NULL, n + 1);
  if (!p) abort();
  p[n] = 0;
  return p;
}

// ---- sticky first error -----------------------------------------------------------------------
static char *dl_err;  // the first failure (malloc'd), or NULL
#define DL_OK (dl_err == NULL)

__attribute__((format(printf, 1, 2))) static void dl_fail(const char *fmt, ...) {
  if (dl_err) return;
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  dl_err = malloc((size_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(dl_err, (size_t)n + 1, fmt, ap);
  va_end(ap);
}

static void dl_reset(void) {
  free(dl_err);
  dl_err = NULL;
}

// A growing text buffer (the report a case returns).
typedef struct {
  char *p;
  size_t len, cap;
} dl_buf;

__attribute__((format(printf, 2, 3))) static void dl_printf(dl_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (b->len + (size_t)n + 1 > b->cap) {
    b->cap = (b->len + (size_t)n + 1) * 2;
    b->p = realloc(b->p, b->cap);
    if (!b->p) abort();
  }
  va_start(ap, fmt);
  vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

// ---- platform ---------------------------------------------------------------------------------
static char *dl_prefix(void) { dl_ret r; wasi_dl_prefix(&r); return dl_take_string(&r, 0); }
static char *dl_suffix(void) { dl_ret r; wasi_dl_suffix(&r); return dl_take_string(&r, 0); }
static char *dl_extension(void) { dl_ret r; wasi_dl_extension(&r); return dl_take_string(&r, 0); }

// "{dir}{prefix}{base}{suffix}", malloc'd
static char *dl_lib_name(const char *dir, const char *base) {
  char *pre = dl_prefix(), *suf = dl_suffix();
  size_t n = strlen(dir) + strlen(pre) + strlen(base) + strlen(suf) + 1;
  char *s = malloc(n);
  snprintf(s, n, "%s%s%s%s", dir, pre, base, suf);
  free(pre);
  free(suf);
  return s;
}

// ---- libraries and symbols --------------------------------------------------------------------
// library.open: the handle, or 0 with *err set to the host's message (malloc'd; err may be NULL).
static int32_t dl_open_raw(const char *name, uint32_t flags, char **err) {
  dl_ret r;
  wasi_dl_library_open(name != NULL, name, name ? strlen(name) : 0, (int32_t)flags, &r);
  if (r.b[0] == 0) return r.i[1];
  char *e = dl_take_string(&r, 4);
  if (err) *err = e; else free(e);
  return 0;
}

static int32_t dl_get_raw(int32_t lib, const char *name, char **err) {
  dl_ret r;
  wasi_dl_library_get(lib, name, strlen(name), &r);
  if (r.b[0] == 0) return r.i[1];
  char *e = dl_take_string(&r, 4);
  if (err) *err = e; else free(e);
  return 0;
}

// Open or fail (sticky): 0 on failure.
static int32_t dl_open(const char *name, uint32_t flags) {
  if (!DL_OK) return 0;
  char *err = NULL;
  int32_t h = dl_open_raw(name, flags, &err);
  if (!h) dl_fail("open %s: %s", name ? name : "(process)", err);
  free(err);
  return h;
}

static int32_t dl_get(int32_t lib, const char *name) {
  if (!DL_OK) return 0;
  char *err = NULL;
  int32_t h = dl_get_raw(lib, name, &err);
  if (!h) dl_fail("get %s: %s", name, err);
  free(err);
  return h;
}

// ---- types from text ----------------------------------------------------------------------------
// Type text as bridge-ffm's Signature.parse reads it: a primitive name, or struct{T, T, ...}.
// Signature text: "(T, T) -> T", "() -> T", "(T)" (void). Every parse makes fresh struct-types.
static void dl_skip(const char **s) { while (**s == ' ') (*s)++; }

static dl_var dl_parse_type(const char **s) {
  dl_skip(s);
  if (strncmp(*s, "struct{", 7) == 0) {
    *s += 7;
    dl_var fields[32];
    size_t n = 0;
    dl_skip(s);
    while (**s != '}') {
      if (n == 32) { dl_fail("type text: too many fields"); return DL_NONE; }
      fields[n++] = dl_parse_type(s);
      dl_skip(s);
      if (**s == ',') (*s)++;
      else if (**s != '}') { dl_fail("type text: expected , or } at '%s'", *s); return DL_NONE; }
      dl_skip(s);
    }
    (*s)++;
    return (dl_var){1, wasi_dl_struct_type_new(fields, n)};
  }
  for (int k = 0; k < DL_PRIM_COUNT; k++) {
    size_t n = strlen(DL_PRIM_NAMES[k]);
    if (strncmp(*s, DL_PRIM_NAMES[k], n) == 0 && !((*s)[n] == '-' || ((*s)[n] >= 'a' && (*s)[n] <= 'z'))) {
      *s += n;
      return (dl_var){0, k};
    }
  }
  dl_fail("type text: unknown type at '%s'", *s);
  return DL_NONE;
}

static dl_var dl_type(const char *text) { return dl_parse_type(&text); }

typedef struct {
  dl_var args[32];
  size_t n;
  int has_ret;
  dl_var ret;
} dl_sig;

static dl_sig dl_parse_sig(const char *s) {
  dl_sig sig = {.n = 0, .has_ret = 0};
  dl_skip(&s);
  if (*s++ != '(') { dl_fail("signature text: expected ("); return sig; }
  dl_skip(&s);
  while (*s != ')') {
    sig.args[sig.n++] = dl_parse_type(&s);
    dl_skip(&s);
    if (*s == ',') s++;
    dl_skip(&s);
    if (!DL_OK) return sig;
  }
  s++;
  dl_skip(&s);
  if (strncmp(s, "->", 2) == 0) {
    s += 2;
    sig.has_ret = 1;
    sig.ret = dl_parse_type(&s);
  }
  return sig;
}

// symbol.get-function with a signature from text (cannot fail in the WIT: no result).
static int32_t dl_sym_function(int32_t sym, const char *sigtext) {
  if (!DL_OK) return 0;
  dl_sig s = dl_parse_sig(sigtext);
  if (!DL_OK) return 0;
  return wasi_dl_symbol_get_function(sym, s.args, s.n, s.has_ret, s.has_ret ? s.ret.tag : 0,
                                     s.has_ret ? s.ret.val : 0);
}

// library.get + symbol.get-function; the symbol is dropped (the function keeps what it needs).
static int32_t dl_func(int32_t lib, const char *name, const char *sigtext) {
  int32_t sym = dl_get(lib, name);
  if (!sym) return 0;
  int32_t f = dl_sym_function(sym, sigtext);
  wasi_dl_symbol_drop(sym);
  return f;
}

// function.from-alloc (consumes alloc): 0 with *err = 1 on an error result.
static int32_t dl_from_alloc(int32_t alloc, const char *sigtext, int *err) {
  *err = 0;
  if (!DL_OK) return 0;
  dl_sig s = dl_parse_sig(sigtext);
  dl_ret r;
  wasi_dl_function_from_alloc(alloc, s.args, s.n, s.has_ret, s.has_ret ? s.ret.tag : 0,
                              s.has_ret ? s.ret.val : 0, &r);
  if (r.b[0] != 0) { *err = 1; return 0; }
  return r.i[1];
}

// alloc.new(type from text): 0 on an error result (sticky failure unless quiet).
static int32_t dl_alloc_raw(const char *typetext) {
  dl_var t = dl_type(typetext);
  if (!DL_OK) return 0;
  dl_ret r;
  wasi_dl_alloc_new(t.tag, t.val, &r);
  return r.b[0] == 0 ? r.i[1] : 0;
}

static int32_t dl_alloc(const char *typetext) {
  if (!DL_OK) return 0;
  int32_t h = dl_alloc_raw(typetext);
  if (!h) dl_fail("alloc.new(%s): error", typetext);
  return h;
}

// ---- outgoing values ----------------------------------------------------------------------------
// Each makes an outgoing-primitive of type ty and sets it with the named setter; a setter error
// is a sticky failure. The value is then consumed by call / write-primitive / outgoing-struct.
#define DL_OUT_SETTER(fn, setter, T, W)                                                  \
  static dl_var fn(dl_prim ty, T v) {                                                    \
    if (!DL_OK) return DL_NONE;                                                          \
    int32_t h = wasi_dl_outgoing_primitive_new(ty);                                      \
    if (setter(h, (W)v) != 0) {                                                          \
      dl_fail(#setter "(%s) of a %s failed", #T, DL_PRIM_NAMES[ty]);                     \
      wasi_dl_outgoing_primitive_drop(h);                                                \
      return DL_NONE;                                                                    \
    }                                                                                    \
    return (dl_var){0, h};                                                               \
  }
DL_OUT_SETTER(dl_s8, wasi_dl_set_s8, int8_t, int32_t)
DL_OUT_SETTER(dl_s16, wasi_dl_set_s16, int16_t, int32_t)
DL_OUT_SETTER(dl_s32, wasi_dl_set_s32, int32_t, int32_t)
DL_OUT_SETTER(dl_s64, wasi_dl_set_s64, int64_t, int64_t)
DL_OUT_SETTER(dl_u8, wasi_dl_set_u8, uint8_t, int32_t)
DL_OUT_SETTER(dl_u16, wasi_dl_set_u16, uint16_t, int32_t)
DL_OUT_SETTER(dl_u32, wasi_dl_set_u32, uint32_t, int32_t)
DL_OUT_SETTER(dl_u64, wasi_dl_set_u64, uint64_t, int64_t)
DL_OUT_SETTER(dl_f32, wasi_dl_set_f32, float, float)
DL_OUT_SETTER(dl_f64, wasi_dl_set_f64, double, double)

// A pointer argument: the address of the region of alloc (borrowed, not consumed).
static dl_var dl_addr(int32_t alloc) {
  if (!DL_OK) return DL_NONE;
  int32_t h = wasi_dl_outgoing_primitive_new(DL_POINTER);
  if (wasi_dl_set_addr(h, alloc) != 0) {
    dl_fail("set-addr failed");
    wasi_dl_outgoing_primitive_drop(h);
    return DL_NONE;
  }
  return (dl_var){0, h};
}

// An outgoing-struct of the given field values (consumed).
static dl_var dl_ostruct(size_t n, ...) {
  dl_var f[32];
  va_list ap;
  va_start(ap, n);
  for (size_t k = 0; k < n; k++) f[k] = va_arg(ap, dl_var);
  va_end(ap);
  if (!DL_OK) return DL_NONE;
  return (dl_var){1, wasi_dl_outgoing_struct_new(f, n)};
}

// A C string argument: a pointer-typed alloc holding the string; *keep receives the alloc so the
// caller can drop it after the call.
static dl_var dl_cstr(const char *s, int32_t *keep) {
  *keep = 0;
  int32_t a = dl_alloc("pointer");
  if (!a) return DL_NONE;
  if (wasi_dl_alloc_write_string(a, s, strlen(s)) != 0) {
    dl_fail("write-string(\"%s\") failed", s);
    wasi_dl_alloc_drop(a);
    return DL_NONE;
  }
  *keep = a;
  return dl_addr(a);
}

// ---- calls --------------------------------------------------------------------------------------
// function.call with the given args (consumed). Returns the incoming value (tag 0 primitive,
// 1 struct), DL_NONE for void; on an error result returns DL_NONE and sets *err (if err != NULL)
// or fails sticky.
static dl_var dl_call_v(int32_t fn, int *err, size_t n, const dl_var *args) {
  if (err) *err = 0;
  if (!DL_OK) return DL_NONE;
  for (size_t k = 0; k < n; k++)
    if (args[k].tag == 0xff) { dl_fail("call: argument %zu was not made", k); return DL_NONE; }
  dl_ret r;
  wasi_dl_function_call(fn, args, n, &r);
  if (r.b[0] != 0) {
    if (err) *err = 1; else dl_fail("call: error result");
    return DL_NONE;
  }
  if (r.b[4] == 0) return DL_NONE;
  return (dl_var){r.b[8], r.i[3]};
}

static dl_var dl_call(int32_t fn, size_t n, ...) {
  dl_var a[32];
  va_list ap;
  va_start(ap, n);
  for (size_t k = 0; k < n; k++) a[k] = va_arg(ap, dl_var);
  va_end(ap);
  return dl_call_v(fn, NULL, n, a);
}

static void dl_drop_in(dl_var v) {
  if (v.tag == 0) wasi_dl_incoming_primitive_drop(v.val);
  else if (v.tag == 1) wasi_dl_incoming_struct_drop(v.val);
}

// ---- incoming values ----------------------------------------------------------------------------
// Getters on an incoming-primitive handle; an error result is a sticky failure (or *err).
#define DL_IN_GETTER(fn, getter, T, OFF, FIELD)                                          \
  static T fn##_e(int32_t h, int *err) {                                                 \
    if (err) *err = 0;                                                                   \
    if (!DL_OK) return 0;                                                                \
    dl_ret r;                                                                            \
    r.u64[0] = r.u64[1] = 0;                                                             \
    getter(h, &r);                                                                       \
    if (r.b[0] != 0) {                                                                   \
      if (err) *err = 1; else dl_fail(#getter ": error result");                        \
      return 0;                                                                          \
    }                                                                                    \
    T v;                                                                                 \
    memcpy(&v, r.b + (OFF), sizeof v);                                                   \
    return v;                                                                            \
  }                                                                                      \
  static T fn(int32_t h) { return fn##_e(h, NULL); }
DL_IN_GETTER(dl_get_s8, wasi_dl_get_s8, int8_t, 1, 0)
DL_IN_GETTER(dl_get_s16, wasi_dl_get_s16, int16_t, 2, 0)
DL_IN_GETTER(dl_get_s32, wasi_dl_get_s32, int32_t, 4, 0)
DL_IN_GETTER(dl_get_s64, wasi_dl_get_s64, int64_t, 8, 0)
DL_IN_GETTER(dl_get_u8, wasi_dl_get_u8, uint8_t, 1, 0)
DL_IN_GETTER(dl_get_u16, wasi_dl_get_u16, uint16_t, 2, 0)
DL_IN_GETTER(dl_get_u32, wasi_dl_get_u32, uint32_t, 4, 0)
DL_IN_GETTER(dl_get_u64, wasi_dl_get_u64, uint64_t, 8, 0)
DL_IN_GETTER(dl_get_f32, wasi_dl_get_f32, float, 4, 0)
DL_IN_GETTER(dl_get_f64, wasi_dl_get_f64, double, 8, 0)
DL_IN_GETTER(dl_get_alloc, wasi_dl_get_alloc, int32_t, 4, 0)

// The value's primitive handle (fails on a struct or none).
static int32_t dl_prim_of(dl_var v) {
  if (!DL_OK) return 0;
  if (v.tag != 0) { dl_fail("expected a primitive result, got %s", v.tag == 1 ? "a struct" : "none"); return 0; }
  return v.val;
}

// Call results read and dropped in one go.
static int64_t dl_ret_s64(dl_var v) { int32_t h = dl_prim_of(v); int64_t x = h ? dl_get_s64(h) : 0; dl_drop_in(v); return x; }
static uint64_t dl_ret_u64(dl_var v) { int32_t h = dl_prim_of(v); uint64_t x = h ? dl_get_u64(h) : 0; dl_drop_in(v); return x; }
static double dl_ret_f64(dl_var v) { int32_t h = dl_prim_of(v); double x = h ? dl_get_f64(h) : 0; dl_drop_in(v); return x; }
static float dl_ret_f32(dl_var v) { int32_t h = dl_prim_of(v); float x = h ? dl_get_f32(h) : 0; dl_drop_in(v); return x; }
// The foreign region at a returned pointer (an own alloc).
static int32_t dl_ret_alloc(dl_var v) { int32_t h = dl_prim_of(v); int32_t a = h ? dl_get_alloc(h) : 0; dl_drop_in(v); return a; }

// read-string of an alloc (sticky failure on error); malloc'd.
static char *dl_read_string(int32_t alloc) {
  if (!DL_OK) return strdup("");
  dl_ret r;
  wasi_dl_alloc_read_string(alloc, &r);
  if (r.b[0] != 0) { dl_fail("read-string: error result"); return strdup(""); }
  return dl_take_string(&r, 4);
}

// incoming-struct.fields: the field values (malloc'd array, *n of them; the caller frees it and
// drops the values).
static dl_var *dl_fields(dl_var v, size_t *n) {
  *n = 0;
  if (!DL_OK) return NULL;
  if (v.tag != 1) { dl_fail("expected a struct result"); return NULL; }
  dl_ret r;
  wasi_dl_incoming_struct_fields(v.val, &r);
  *n = (size_t)r.i[1];
  return (dl_var *)(uintptr_t)r.i[0];
}

// read-primitive of an alloc, as the incoming value (sticky failure on error).
static dl_var dl_read_prim(int32_t alloc) {
  if (!DL_OK) return DL_NONE;
  dl_ret r;
  wasi_dl_alloc_read_primitive(alloc, &r);
  if (r.b[0] != 0) { dl_fail("read-primitive: error result"); return DL_NONE; }
  return (dl_var){0, r.i[1]};
}

static dl_var dl_read_struct(int32_t alloc) {
  if (!DL_OK) return DL_NONE;
  dl_ret r;
  wasi_dl_alloc_read_struct(alloc, &r);
  if (r.b[0] != 0) { dl_fail("read-struct: error result"); return DL_NONE; }
  return (dl_var){1, r.i[1]};
}

// ---- exports returning result<string, string> -----------------------------------------------------
// The return area of an export: case byte at 0, string (ptr, len) at 4; post-return frees it.
static dl_ret dl_export_ret;

static dl_ret *dl_return(int is_err, char *s) {
  dl_export_ret.b[0] = (uint8_t)is_err;
  dl_export_ret.i[1] = (int32_t)(uintptr_t)s;
  dl_export_ret.i[2] = (int32_t)strlen(s);
  return &dl_export_ret;
}

static void dl_return_free(dl_ret *r) { free((void *)(uintptr_t)r->i[1]); }

#endif
