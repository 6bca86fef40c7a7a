// dl-hostile-c: attack primitives against a wasi:dl host (issue 14), one export each (hostile.wit
// documents them); graal-host's DlHostile*Test combine them. A reactor importing only wasi:dl,
// canonical ABI by hand (../dl-common/wasi_dl.h). Every export starts afresh (sticky error reset)
// and answers err(first failure) where its result allows; string arguments are taken over (the
// host allocated them with cabi_realloc) and returned strings freed in the post-return.
#include "../dl-common/wasi_dl.h"

// ---- export plumbing --------------------------------------------------------------------------
static dl_ret ret_area;
static char *ret_string;  // the string ret_area refers to, freed by the post-return

// The argument (ptr, len) as a NUL-terminated copy; the host's buffer is freed.
static char *arg(char *ptr, size_t len) {
  char *s = strndup(ptr, len);
  if (len) free(ptr);
  return s;
}

// result<_, T> with a string payload at `off` (4, or 8 after a u64/f64 ok case).
static dl_ret *ret_str(int is_err, char *s, int off) {
  ret_area.b[0] = (uint8_t)is_err;
  ret_string = s;
  ret_area.i[off / 4] = (int32_t)(uintptr_t)s;
  ret_area.i[off / 4 + 1] = (int32_t)strlen(s);
  return &ret_area;
}

// err(the sticky error) with the payload at `off`.
static dl_ret *ret_err(int off) {
  char *e = dl_err ? dl_err : strdup("failed");
  dl_err = NULL;
  return ret_str(1, e, off);
}

static void post(dl_ret *r) {
  (void)r;
  free(ret_string);
  ret_string = NULL;
}

#define POST(name, id) \
  __attribute__((export_name("cabi_post_" name))) void post_##id(dl_ret *r) { post(r); }

// ---- chains --------------------------------------------------------------------------------------
// The address of an alloc's region: set-addr into a pointer alloc, read back, get-u64.
static uint64_t addr_of(int32_t alloc) {
  int32_t p = dl_alloc("pointer");
  if (!p) return 0;
  dl_var out = dl_addr(alloc);
  if (DL_OK && wasi_dl_alloc_write_primitive(p, out.val) != 0) dl_fail("write-primitive: error result");
  dl_var v = dl_read_prim(p);
  uint64_t a = DL_OK ? dl_get_u64(v.val) : 0;
  if (v.tag == 0) wasi_dl_incoming_primitive_drop(v.val);
  wasi_dl_alloc_drop(p);
  return a;
}

// The foreign region at `addr` (typed pointer), no library needed: a pointer alloc set to addr
// with set-u64, read back, get-alloc. 0 on failure (sticky).
static int32_t region_at(uint64_t addr) {
  int32_t p = dl_alloc("pointer");
  if (!p) return 0;
  dl_var out = dl_u64(DL_POINTER, addr);
  if (DL_OK && wasi_dl_alloc_write_primitive(p, out.val) != 0) dl_fail("write-primitive: error result");
  dl_var v = dl_read_prim(p);
  int32_t a = DL_OK ? dl_get_alloc(v.val) : 0;
  if (v.tag == 0) wasi_dl_incoming_primitive_drop(v.val);
  wasi_dl_alloc_drop(p);
  return a;
}

// The region the pointer stored in `alloc` points at (read-primitive, get-alloc); `alloc` is dropped.
static int32_t follow(int32_t alloc) {
  if (!alloc) return 0;
  dl_var v = dl_read_prim(alloc);
  int32_t a = DL_OK ? dl_get_alloc(v.val) : 0;
  if (v.tag == 0) wasi_dl_incoming_primitive_drop(v.val);
  wasi_dl_alloc_drop(alloc);
  return a;
}

// The region of environ[0]'s string, reached through `lib`'s "environ".
static int32_t env_entry(const char *lib) {
  int32_t l = dl_open(lib, DL_NOW);
  int32_t sym = dl_get(l, "environ");
  if (l) wasi_dl_library_drop(l);
  if (!sym) return 0;
  int32_t env = wasi_dl_symbol_get_alloc(sym, 0, DL_POINTER);  // &environ
  wasi_dl_symbol_drop(sym);
  return follow(follow(env));  // environ, then environ[0]
}

// A struct-type of n c-schar fields (a trap if the host refuses: the constructor has no result).
static int32_t chars_struct(uint32_t n) {
  dl_var *fields = malloc(sizeof(dl_var) * (n ? n : 1));
  if (!fields) abort();
  for (uint32_t k = 0; k < n; k++) fields[k] = (dl_var){0, DL_C_SCHAR};
  int32_t st = wasi_dl_struct_type_new(fields, n);
  free(fields);
  return st;
}

// ---- exports ---------------------------------------------------------------------------------------
__attribute__((export_name("open"))) dl_ret *open_(char *p, size_t n) {
  dl_reset();
  char *lib = arg(p, n);
  int32_t l = dl_open(lib, DL_NOW);
  free(lib);
  if (!l) return ret_err(4);
  wasi_dl_library_drop(l);
  return ret_str(0, strdup(""), 4);
}
POST("open", open)

__attribute__((export_name("symbol-address")))
dl_ret *symbol_address(int32_t has_lib, char *lp, size_t ln, char *sp, size_t sn) {
  dl_reset();
  char *lib = has_lib ? arg(lp, ln) : NULL;
  char *name = arg(sp, sn);
  int32_t l = dl_open(lib, DL_NOW);
  int32_t sym = dl_get(l, name);
  uint64_t a = 0;
  if (sym) {
    // one byte fits every symbol: the host bounds get-alloc by the symbol's own size
    int32_t region = wasi_dl_symbol_get_alloc(sym, 0, DL_UINT8);
    a = addr_of(region);
    wasi_dl_alloc_drop(region);
    wasi_dl_symbol_drop(sym);
  }
  if (l) wasi_dl_library_drop(l);
  free(lib);
  free(name);
  if (!DL_OK) return ret_err(8);
  ret_area.b[0] = 0;
  ret_area.u64[1] = a;
  return &ret_area;
}
POST("symbol-address", symbol_address)

__attribute__((export_name("call-string")))
dl_ret *call_string(char *lp, size_t ln, char *sp, size_t sn, char *ap, size_t an) {
  dl_reset();
  char *lib = arg(lp, ln), *name = arg(sp, sn), *text = arg(ap, an);
  int32_t l = dl_open(lib, DL_NOW);
  int32_t f = l ? dl_func(l, name, "(pointer) -> c-int") : 0;
  int32_t keep = 0;
  int32_t r = 0;
  if (f) {
    dl_var s = dl_cstr(text, &keep);
    dl_var v = dl_call(f, 1, s);
    int32_t h = dl_prim_of(v);
    r = h ? dl_get_s32(h) : 0;
    dl_drop_in(v);
    if (keep) wasi_dl_alloc_drop(keep);
    wasi_dl_function_drop(f);
  }
  if (l) wasi_dl_library_drop(l);
  free(lib);
  free(name);
  free(text);
  if (!DL_OK) return ret_err(4);
  ret_area.b[0] = 0;
  ret_area.i[1] = r;
  return &ret_area;
}
POST("call-string", call_string)

__attribute__((export_name("call-pointer"))) dl_ret *call_pointer(char *lp, size_t ln, char *sp, size_t sn) {
  dl_reset();
  char *lib = arg(lp, ln), *name = arg(sp, sn);
  int32_t l = dl_open(lib, DL_NOW);
  int32_t f = l ? dl_func(l, name, "() -> pointer") : 0;
  uint64_t a = f ? dl_ret_u64(dl_call(f, 0)) : 0;
  if (f) wasi_dl_function_drop(f);
  if (l) wasi_dl_library_drop(l);
  free(lib);
  free(name);
  if (!DL_OK) return ret_err(8);
  ret_area.b[0] = 0;
  ret_area.u64[1] = a;
  return &ret_area;
}
POST("call-pointer", call_pointer)

__attribute__((export_name("call-double")))
dl_ret *call_double(char *lp, size_t ln, char *sp, size_t sn, double x) {
  dl_reset();
  char *lib = arg(lp, ln), *name = arg(sp, sn);
  int32_t l = dl_open(lib, DL_NOW);
  int32_t f = l ? dl_func(l, name, "(c-double) -> c-double") : 0;
  double y = f ? dl_ret_f64(dl_call(f, 1, dl_f64(DL_C_DOUBLE, x))) : 0;
  if (f) wasi_dl_function_drop(f);
  if (l) wasi_dl_library_drop(l);
  free(lib);
  free(name);
  if (!DL_OK) return ret_err(8);
  ret_area.b[0] = 0;
  memcpy(&ret_area.u64[1], &y, sizeof y);
  return &ret_area;
}
POST("call-double", call_double)

__attribute__((export_name("read-env"))) dl_ret *read_env(char *lp, size_t ln) {
  dl_reset();
  char *lib = arg(lp, ln);
  int32_t entry = env_entry(lib);
  free(lib);
  char *s = entry ? dl_read_string(entry) : NULL;
  if (entry) wasi_dl_alloc_drop(entry);
  if (!DL_OK) {
    free(s);
    return ret_err(4);
  }
  return ret_str(0, s, 4);
}
POST("read-env", read_env)

__attribute__((export_name("write-env"))) dl_ret *write_env(char *lp, size_t ln, char *sp, size_t sn) {
  dl_reset();
  char *lib = arg(lp, ln), *s = arg(sp, sn);
  int32_t entry = env_entry(lib);
  if (entry && wasi_dl_alloc_write_string(entry, s, strlen(s)) != 0) dl_fail("write-string: error result");
  if (entry) wasi_dl_alloc_drop(entry);
  free(lib);
  free(s);
  if (!DL_OK) return ret_err(4);
  return ret_str(0, strdup(""), 4);
}
POST("write-env", write_env)

__attribute__((export_name("read-u64-at"))) dl_ret *read_u64_at(uint64_t addr) {
  dl_reset();
  int32_t a = region_at(addr);
  dl_var v = a ? dl_read_prim(a) : DL_NONE;
  uint64_t x = v.tag == 0 ? dl_get_u64(v.val) : 0;
  if (v.tag == 0) wasi_dl_incoming_primitive_drop(v.val);
  if (a) wasi_dl_alloc_drop(a);
  if (!DL_OK) return ret_err(8);
  ret_area.b[0] = 0;
  ret_area.u64[1] = x;
  return &ret_area;
}
POST("read-u64-at", read_u64_at)

__attribute__((export_name("write-u64-at"))) dl_ret *write_u64_at(uint64_t addr, uint64_t v) {
  dl_reset();
  int32_t a = region_at(addr);
  dl_var out = a ? dl_u64(DL_POINTER, v) : DL_NONE;
  if (DL_OK && wasi_dl_alloc_write_primitive(a, out.val) != 0) dl_fail("write-primitive: error result");
  if (a) wasi_dl_alloc_drop(a);
  if (!DL_OK) return ret_err(4);
  return ret_str(0, strdup(""), 4);
}
POST("write-u64-at", write_u64_at)

__attribute__((export_name("read-string-at"))) dl_ret *read_string_at(uint64_t addr) {
  dl_reset();
  int32_t a = region_at(addr);
  char *s = a ? dl_read_string(a) : NULL;
  if (a) wasi_dl_alloc_drop(a);
  if (!DL_OK) {
    free(s);
    return ret_err(4);
  }
  return ret_str(0, s, 4);
}
POST("read-string-at", read_string_at)

__attribute__((export_name("get-alloc-struct")))
dl_ret *get_alloc_struct(char *lp, size_t ln, char *sp, size_t sn, uint32_t n) {
  dl_reset();
  char *lib = arg(lp, ln), *name = arg(sp, sn);
  int32_t l = dl_open(lib, DL_NOW);
  int32_t sym = dl_get(l, name);
  size_t count = 0;
  if (sym) {
    int32_t a = wasi_dl_symbol_get_alloc(sym, 1, chars_struct(n));
    dl_var v = dl_read_struct(a);
    dl_var *fields = dl_fields(v, &count);
    for (size_t k = 0; k < count; k++) dl_drop_in(fields[k]);
    free(fields);
    if (v.tag == 1) wasi_dl_incoming_struct_drop(v.val);
    wasi_dl_alloc_drop(a);
    wasi_dl_symbol_drop(sym);
  }
  if (l) wasi_dl_library_drop(l);
  free(lib);
  free(name);
  if (!DL_OK) return ret_err(4);
  ret_area.b[0] = 0;
  ret_area.i[1] = (int32_t)count;
  return &ret_area;
}
POST("get-alloc-struct", get_alloc_struct)

__attribute__((export_name("struct-type"))) uint32_t struct_type(uint32_t n) {
  wasi_dl_struct_type_drop(chars_struct(n));
  return n;
}

__attribute__((export_name("alloc-struct"))) dl_ret *alloc_struct(uint32_t n) {
  dl_reset();
  dl_ret r;
  wasi_dl_alloc_new(1, chars_struct(n), &r);
  if (r.b[0] != 0) dl_fail("alloc.new: error result");
  else wasi_dl_alloc_drop(r.i[1]);
  if (!DL_OK) return ret_err(4);
  return ret_str(0, strdup(""), 4);
}
POST("alloc-struct", alloc_struct)
