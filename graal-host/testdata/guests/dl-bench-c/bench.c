// The benchmarks' wasi:dl guest (benchmarks' DlComponentCall): setup opens native-tests'
// libwasidl_prims and types add as (c-int, c-int) -> c-int once; bench(n) then calls it n times,
// each time as any guest must: make two outgoing-primitive values (consumed by the call), call,
// read the incoming result, drop it. Raw imports of wasi_dl.h, no helper on the hot path.
#include "../dl-common/wasi_dl.h"

static int32_t add_fn;  // the function handle, 0 until setup succeeds

__attribute__((export_name("setup"))) dl_ret *setup(const char *dir, size_t len) {
  char *d = malloc(len + 2);
  memcpy(d, dir, len);
  d[len] = '/';
  d[len + 1] = 0;
  if (len) free((void *)dir);  // the host allocated the argument with cabi_realloc
  char *name = dl_lib_name(d, "wasidl_prims");
  free(d);
  dl_reset();
  int32_t lib = dl_open(name, DL_NOW);
  free(name);
  int32_t f = lib ? dl_func(lib, "add", "(c-int, c-int) -> c-int") : 0;
  if (lib) wasi_dl_library_drop(lib);  // the function keeps the library loaded
  if (!DL_OK) {
    char *e = strdup(dl_err);
    dl_reset();
    return dl_return(1, e);
  }
  if (add_fn) wasi_dl_function_drop(add_fn);
  add_fn = f;
  return dl_return(0, strdup("ready"));
}
__attribute__((export_name("cabi_post_setup"))) void setup_post(dl_ret *r) { dl_return_free(r); }

__attribute__((export_name("bench"))) int64_t bench(uint32_t n) {
  if (!add_fn) __builtin_trap();
  int64_t sum = 0;
  dl_var args[2];
  dl_ret r;
  for (uint32_t i = 0; i < n; i++) {
    int32_t a = wasi_dl_outgoing_primitive_new(DL_C_INT);
    int32_t b = wasi_dl_outgoing_primitive_new(DL_C_INT);
    if (wasi_dl_set_s32(a, (int32_t)i) != 0 || wasi_dl_set_s32(b, 2) != 0) __builtin_trap();
    args[0] = (dl_var){0, a};
    args[1] = (dl_var){0, b};
    wasi_dl_function_call(add_fn, args, 2, &r);
    // result<option<incoming-value>>: ok, some, primitive
    if (r.b[0] != 0 || r.b[4] != 1 || r.b[8] != 0) __builtin_trap();
    int32_t v = r.i[3];
    wasi_dl_get_s32(v, &r);
    if (r.b[0] != 0) __builtin_trap();
    sum += r.i[1];
    wasi_dl_incoming_primitive_drop(v);
  }
  return sum;
}

__attribute__((export_name("bench-new-drop"))) int64_t bench_new_drop(uint32_t n) {
  for (uint32_t i = 0; i < n; i++) {
    wasi_dl_outgoing_primitive_drop(wasi_dl_outgoing_primitive_new(DL_C_INT));
  }
  return n;
}

__attribute__((export_name("bench-set"))) int64_t bench_set(uint32_t n) {
  int32_t a = wasi_dl_outgoing_primitive_new(DL_C_INT);
  for (uint32_t i = 0; i < n; i++) {
    if (wasi_dl_set_s32(a, (int32_t)i) != 0) __builtin_trap();
  }
  wasi_dl_outgoing_primitive_drop(a);
  return n;
}

__attribute__((export_name("bench-get"))) int64_t bench_get(uint32_t n) {
  if (!add_fn) __builtin_trap();
  dl_var args[2];
  dl_ret r;
  int32_t a = wasi_dl_outgoing_primitive_new(DL_C_INT);
  int32_t b = wasi_dl_outgoing_primitive_new(DL_C_INT);
  if (wasi_dl_set_s32(a, 7) != 0 || wasi_dl_set_s32(b, 2) != 0) __builtin_trap();
  args[0] = (dl_var){0, a};
  args[1] = (dl_var){0, b};
  wasi_dl_function_call(add_fn, args, 2, &r);
  if (r.b[0] != 0 || r.b[4] != 1 || r.b[8] != 0) __builtin_trap();
  int32_t v = r.i[3];
  int64_t sum = 0;
  for (uint32_t i = 0; i < n; i++) {
    wasi_dl_get_s32(v, &r);
    if (r.b[0] != 0) __builtin_trap();
    sum += r.i[1];
  }
  wasi_dl_incoming_primitive_drop(v);
  return sum;
}
