// A freestanding wasi:dl guest with a hand-written canonical ABI (no libc): see dl-host.wit.
#include <stddef.h>
#include <stdint.h>

#define FFI(n) __attribute__((import_module("wasi:dl/ffi@0.2.0-draft"), import_name(n)))
#define DLL(n) __attribute__((import_module("wasi:dl/dll@0.2.0-draft"), import_name(n)))
#define EXPORT(n) __attribute__((export_name(n)))

// ---- a bump allocator for cabi_realloc (the host's strings land here) -------------------------
static _Alignas(8) unsigned char heap[64 * 1024];
static size_t heap_top;

EXPORT("cabi_realloc")
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
  size_t at = (heap_top + align - 1) & ~(align - 1);
  if (at + new_size > sizeof heap) __builtin_trap();
  unsigned char *p = heap + at;
  heap_top = at + new_size;
  for (size_t i = 0; old && i < old_size && i < new_size; i++) p[i] = ((unsigned char *)old)[i];
  return p;
}

static size_t slen(const char *s) {
  size_t n = 0;
  while (s[n]) n++;
  return n;
}

// ---- raw imports ------------------------------------------------------------------------------
typedef struct { uint8_t tag; int32_t val; } var;  // ffi-type / outgoing-value: case, payload
typedef union { uint8_t b[16]; int32_t i[4]; double f[2]; uint64_t u[2]; } __attribute__((aligned(8))) ret;

DLL("[static]library.open") void dl_open(int32_t some, const char *p, size_t n, int32_t flags, ret *r);
DLL("[method]library.get") void dl_get(int32_t lib, const char *p, size_t n, ret *r);
DLL("[method]symbol.get-function")
int32_t dl_get_function(int32_t sym, const var *args, size_t n, int32_t some, int32_t tag, int32_t val);
DLL("[method]function.call") void dl_call(int32_t f, const var *args, size_t n, ret *r);
DLL("[resource-drop]library") void dl_drop_library(int32_t);
DLL("[resource-drop]symbol") void dl_drop_symbol(int32_t);
DLL("[resource-drop]function") void dl_drop_function(int32_t);
DLL("suffix") void dl_suffix(ret *r);

FFI("[constructor]outgoing-primitive") int32_t ffi_out_new(int32_t ty);
FFI("[method]outgoing-primitive.set-s8") int32_t ffi_set_s8(int32_t self, int32_t v);
FFI("[method]outgoing-primitive.set-s32") int32_t ffi_set_s32(int32_t self, int32_t v);
FFI("[method]outgoing-primitive.set-f64") int32_t ffi_set_f64(int32_t self, double v);
FFI("[method]outgoing-primitive.set-addr") int32_t ffi_set_addr(int32_t self, int32_t alloc);
FFI("[constructor]outgoing-struct") int32_t ffi_struct_new(const var *fields, size_t n);
FFI("[constructor]struct-type") int32_t ffi_struct_type_new(const var *fields, size_t n);
FFI("[static]alloc.new") void ffi_alloc_new(int32_t tag, int32_t val, ret *r);
FFI("[method]alloc.write-string") int32_t ffi_write_string(int32_t self, const char *p, size_t n);
FFI("[resource-drop]alloc") void ffi_drop_alloc(int32_t);
FFI("[method]incoming-primitive.get-f64") void ffi_get_f64(int32_t self, ret *r);
FFI("[method]incoming-primitive.get-u64") void ffi_get_u64(int32_t self, ret *r);
FFI("[resource-drop]incoming-primitive") void ffi_drop_incoming(int32_t);
FFI("sizeof") int32_t ffi_sizeof(int32_t ty);

enum { C_SCHAR = 0, C_INT = 4, C_ULONG = 7, C_DOUBLE = 11, POINTER = 20 };
enum { NOW = 2 };

// ---- export results: result<T, string> in a static return area --------------------------------
static ret out;

static ret *ok_f64(double v) { out.b[0] = 0; out.f[1] = v; return &out; }
static ret *ok_u64(uint64_t v) { out.b[0] = 0; out.u[1] = v; return &out; }
static ret *err(const char *msg) { out.b[0] = 1; out.i[2] = (int32_t)(intptr_t)msg; out.i[3] = (int32_t)slen(msg); return &out; }
// An error string from the host (ptr, len in r at 4, 8) prefixed by nothing: passed through.
static ret *err_host(ret *r) { out.b[0] = 1; out.i[2] = r->i[1]; out.i[3] = r->i[2]; return &out; }

// library.open(some(name)) or open(none) when name is NULL
static int open_lib(const char *p, size_t n, int32_t *lib, ret *r) {
  dl_open(p != 0, p, n, NOW, r);
  if (r->b[0] != 0) return 0;
  *lib = r->i[1];
  return 1;
}

// call f with args, the result an incoming primitive handle (or -1)
static int32_t call_prim(int32_t f, const var *args, size_t n) {
  ret r;
  dl_call(f, args, n, &r);
  if (r.b[0] != 0 || r.i[1] != 1 || r.b[8] != 0) return -1;
  return r.i[3];
}

EXPORT("call-f64")
ret *call_f64(const char *lp, size_t ln, const char *sp, size_t sn, double x) {
  ret r;
  int32_t lib;
  if (!open_lib(lp, ln, &lib, &r)) return err_host(&r);
  dl_get(lib, sp, sn, &r);
  if (r.b[0] != 0) { dl_drop_library(lib); return err_host(&r); }
  int32_t sym = r.i[1];
  var arg = {0, C_DOUBLE};
  int32_t f = dl_get_function(sym, &arg, 1, 1, 0, C_DOUBLE);
  dl_drop_symbol(sym);
  dl_drop_library(lib);  // the function keeps the library loaded
  int32_t v = ffi_out_new(C_DOUBLE);
  if (ffi_set_f64(v, x) != 0) return err("set-f64");
  var args[1] = {{0, v}};
  int32_t res = call_prim(f, args, 1);
  dl_drop_function(f);
  if (res < 0) return err("call");
  ffi_get_f64(res, &r);
  ffi_drop_incoming(res);
  if (r.b[0] != 0) return err("get-f64");
  return ok_f64(r.f[1]);
}

EXPORT("sum-ci")
ret *sum_ci(const char *lp, size_t ln, int32_t c, int32_t i) {
  ret r;
  int32_t lib;
  if (!open_lib(lp, ln, &lib, &r)) return err_host(&r);
  dl_get(lib, "sum_ci", 6, &r);
  dl_drop_library(lib);
  if (r.b[0] != 0) return err_host(&r);
  int32_t sym = r.i[1];
  var fields[2] = {{0, C_SCHAR}, {0, C_INT}};
  int32_t st = ffi_struct_type_new(fields, 2);
  var arg = {1, st};  // struct(struct-type): the handle is given up
  int32_t f = dl_get_function(sym, &arg, 1, 1, 0, C_DOUBLE);
  dl_drop_symbol(sym);
  int32_t vc = ffi_out_new(C_SCHAR), vi = ffi_out_new(C_INT);
  if (ffi_set_s8(vc, c) != 0 || ffi_set_s32(vi, i) != 0) return err("set");
  var vals[2] = {{0, vc}, {0, vi}};
  int32_t s = ffi_struct_new(vals, 2);
  var args[1] = {{1, s}};
  int32_t res = call_prim(f, args, 1);
  dl_drop_function(f);
  if (res < 0) return err("call");
  ffi_get_f64(res, &r);
  ffi_drop_incoming(res);
  if (r.b[0] != 0) return err("get-f64");
  return ok_f64(r.f[1]);
}

EXPORT("strlen")
ret *str_len(const char *p, size_t n) {
  ret r;
  int32_t lib;
  if (!open_lib(0, 0, &lib, &r)) return err_host(&r);
  dl_get(lib, "strlen", 6, &r);
  dl_drop_library(lib);
  if (r.b[0] != 0) return err_host(&r);
  int32_t sym = r.i[1];
  var arg = {0, POINTER};
  int32_t f = dl_get_function(sym, &arg, 1, 1, 0, C_ULONG);
  dl_drop_symbol(sym);
  ffi_alloc_new(0, POINTER, &r);
  if (r.b[0] != 0) return err("alloc.new");
  int32_t a = r.i[1];
  if (ffi_write_string(a, p, n) != 0) return err("write-string");
  int32_t v = ffi_out_new(POINTER);
  if (ffi_set_addr(v, a) != 0) return err("set-addr");
  var args[1] = {{0, v}};
  int32_t res = call_prim(f, args, 1);
  dl_drop_function(f);
  ffi_drop_alloc(a);
  if (res < 0) return err("call");
  ffi_get_u64(res, &r);
  ffi_drop_incoming(res);
  if (r.b[0] != 0) return err("get-u64");
  return ok_u64(r.u[1]);
}

EXPORT("sizes")
uint32_t sizes(int32_t ty) {
  ret r;
  dl_suffix(&r);
  return (uint32_t)ffi_sizeof(ty) * 1000 + (uint32_t)r.i[1];
}
