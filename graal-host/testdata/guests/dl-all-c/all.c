// dl-all-c: every item of wasi:dl@0.2.0-draft against native-tests' libraries (their headers in
// native-tests/src/main/c document each function's results). A reactor importing only wasi:dl:
//   cases() -> list<string>                      the case names
//   run(case, libdir) -> result<string, string>  ok(report) when every check passed, else err(first
//                                                failure); libraries: {libdir}{prefix}NAME{suffix}
// Each case checks its own results (CHECK) and reports one line per call; dl-expected.md lists
// the reports. Canonical ABI by hand: ../dl-common/wasi_dl.h.
#include <float.h>
#include <math.h>

#include "../dl-common/wasi_dl.h"

static dl_buf rep;           // the report of the running case
static const char *libdir;   // NUL-terminated copy of run's libdir

#define LINE(...) dl_printf(&rep, __VA_ARGS__)
#define CHECK(cond, ...) do { if (DL_OK && !(cond)) dl_fail(__VA_ARGS__); } while (0)

static int32_t open_test_lib(const char *base) {
  char *name = dl_lib_name(libdir, base);
  int32_t lib = dl_open(name, DL_NOW);
  free(name);
  return lib;
}

// ---- primitives: natural setters and getters by the host's sizeof -------------------------------
enum { K_SIGNED, K_UNSIGNED, K_FLOAT, K_DOUBLE, K_POINTER };

static int kind_of(dl_prim p) {
  switch (p) {
    case DL_C_SCHAR: case DL_C_SHORT: case DL_C_INT: case DL_C_LONG: case DL_C_LONG_LONG:
    case DL_INT8: case DL_INT16: case DL_INT32: case DL_INT64: return K_SIGNED;
    case DL_C_FLOAT: return K_FLOAT;
    case DL_C_DOUBLE: return K_DOUBLE;
    case DL_POINTER: return K_POINTER;
    default: return K_UNSIGNED;
  }
}

// The setter of the type's own width and signedness: set-s8 for c-schar, set-u64 for c-ulong, ...
static dl_var out_int(dl_prim p, int64_t v) {
  int size = wasi_dl_sizeof(p);
  if (kind_of(p) == K_UNSIGNED) {
    switch (size) {
      case 1: return dl_u8(p, (uint8_t)v);
      case 2: return dl_u16(p, (uint16_t)v);
      case 4: return dl_u32(p, (uint32_t)v);
      default: return dl_u64(p, (uint64_t)v);
    }
  }
  switch (size) {
    case 1: return dl_s8(p, (int8_t)v);
    case 2: return dl_s16(p, (int16_t)v);
    case 4: return dl_s32(p, (int32_t)v);
    default: return dl_s64(p, v);
  }
}

static dl_var out_num(dl_prim p, double v) {
  switch (kind_of(p)) {
    case K_FLOAT: return dl_f32(p, (float)v);
    case K_DOUBLE: return dl_f64(p, v);
    case K_UNSIGNED: return out_int(p, (int64_t)(uint64_t)v);
    default: return out_int(p, (int64_t)v);
  }
}

// The getter of the type's own width and signedness, as a 64-bit pattern.
static int64_t in_int(dl_prim p, int32_t h) {
  int size = wasi_dl_sizeof(p);
  if (kind_of(p) == K_UNSIGNED || kind_of(p) == K_POINTER) {
    switch (size) {
      case 1: return dl_get_u8(h);
      case 2: return dl_get_u16(h);
      case 4: return dl_get_u32(h);
      default: return (int64_t)dl_get_u64(h);
    }
  }
  switch (size) {
    case 1: return dl_get_s8(h);
    case 2: return dl_get_s16(h);
    case 4: return dl_get_s32(h);
    default: return dl_get_s64(h);
  }
}

static double in_num(dl_prim p, int32_t h) {
  switch (kind_of(p)) {
    case K_FLOAT: return dl_get_f32(h);
    case K_DOUBLE: return dl_get_f64(h);
    case K_UNSIGNED: return (double)(uint64_t)in_int(p, h);
    default: return (double)in_int(p, h);
  }
}

// A call's primitive result through the natural getter, dropped after.
static int64_t ret_int(dl_prim p, dl_var v) {
  int32_t h = dl_prim_of(v);
  int64_t x = h ? in_int(p, h) : 0;
  dl_drop_in(v);
  return x;
}

static int32_t fn_of(int32_t lib, const char *fmt, const char *name, const char *sig) {
  char buf[512];
  snprintf(buf, sizeof buf, fmt, name);
  return dl_func(lib, buf, sig);
}

static void drop_fn(int32_t f) { if (f) wasi_dl_function_drop(f); }
static void drop_alloc(int32_t a) { if (a) wasi_dl_alloc_drop(a); }

// ---- case: platform -----------------------------------------------------------------------------
static void case_platform(void) {
  char *pre = dl_prefix(), *suf = dl_suffix(), *ext = dl_extension();
  LINE("prefix \"%s\" suffix \"%s\" extension \"%s\"\n", pre, suf, ext);
  CHECK(!strcmp(pre, "lib") && !strcmp(suf, ".so") && !strcmp(ext, "so"), "not Linux names: %s %s %s", pre, suf, ext);
  static const int LP64[DL_PRIM_COUNT] = {1, 1, 2, 2, 4, 4, 8, 8, 8, 8, 4, 8, 1, 2, 4, 8, 1, 2, 4, 8, 8};
  LINE("sizeof");
  for (int p = 0; p < DL_PRIM_COUNT; p++) {
    int s = wasi_dl_sizeof(p);
    LINE(" %s=%d", DL_PRIM_NAMES[p], s);
    CHECK(s == LP64[p], "sizeof(%s) = %d, expected %d", DL_PRIM_NAMES[p], s, LP64[p]);
  }
  LINE("\n");
  free(pre);
  free(suf);
  free(ext);
}

// ---- case: integers -----------------------------------------------------------------------------
static const struct {
  const char *s;
  dl_prim p;
  int64_t min, max;  // max as a 64-bit pattern (UINT64_MAX is -1)
} INTS[] = {
    {"schar", DL_C_SCHAR, -128, 127},
    {"uchar", DL_C_UCHAR, 0, 255},
    {"short", DL_C_SHORT, -32768, 32767},
    {"ushort", DL_C_USHORT, 0, 65535},
    {"int", DL_C_INT, INT32_MIN, INT32_MAX},
    {"uint", DL_C_UINT, 0, UINT32_MAX},
    {"long", DL_C_LONG, INT64_MIN, INT64_MAX},
    {"ulong", DL_C_ULONG, 0, -1},
    {"llong", DL_C_LONG_LONG, INT64_MIN, INT64_MAX},
    {"ullong", DL_C_ULONG_LONG, 0, -1},
    {"i8", DL_INT8, INT8_MIN, INT8_MAX},
    {"i16", DL_INT16, INT16_MIN, INT16_MAX},
    {"i32", DL_INT32, INT32_MIN, INT32_MAX},
    {"i64", DL_INT64, INT64_MIN, INT64_MAX},
    {"u8", DL_UINT8, 0, UINT8_MAX},
    {"u16", DL_UINT16, 0, UINT16_MAX},
    {"u32", DL_UINT32, 0, UINT32_MAX},
    {"u64", DL_UINT64, 0, -1},
};

static void fmt_int(char *buf, size_t n, dl_prim p, int64_t v) {
  if (kind_of(p) == K_UNSIGNED) snprintf(buf, n, "%llu", (unsigned long long)v);
  else snprintf(buf, n, "%lld", (long long)v);
}

static void case_integers(void) {
  int32_t lib = open_test_lib("wasidl_prims");
  for (size_t k = 0; k < sizeof INTS / sizeof *INTS && DL_OK; k++) {
    const char *s = INTS[k].s;
    dl_prim p = INTS[k].p;
    const char *t = DL_PRIM_NAMES[p];
    char sig[128], a[32], b[32];
    snprintf(sig, sizeof sig, "() -> %s", t);
    int32_t fmin = fn_of(lib, "min_%s", s, sig), fmax = fn_of(lib, "max_%s", s, sig);
    snprintf(sig, sizeof sig, "(%s) -> %s", t, t);
    int32_t fid = fn_of(lib, "id_%s", s, sig);
    snprintf(sig, sizeof sig, "(%s, %s) -> %s", t, t, t);
    int32_t fadd = fn_of(lib, "add_%s", s, sig);
    snprintf(sig, sizeof sig, "(%s) -> c-long-long", t);
    int32_t fwiden = fn_of(lib, "widen_%s", s, sig);

    int64_t mn = ret_int(p, dl_call(fmin, 0)), mx = ret_int(p, dl_call(fmax, 0));
    CHECK(mn == INTS[k].min && mx == INTS[k].max, "min_/max_%s wrong: %lld %lld", s, (long long)mn, (long long)mx);
    int64_t idmin = ret_int(p, dl_call(fid, 1, out_int(p, INTS[k].min)));
    int64_t idmax = ret_int(p, dl_call(fid, 1, out_int(p, INTS[k].max)));
    CHECK(idmin == INTS[k].min && idmax == INTS[k].max, "id_%s wrong", s);
    int64_t wrap = ret_int(p, dl_call(fadd, 2, out_int(p, INTS[k].max), out_int(p, 1)));
    CHECK(wrap == INTS[k].min, "add_%s(max, 1) = %lld, expected min", s, (long long)wrap);
    int64_t sum = ret_int(p, dl_call(fadd, 2, out_int(p, 40), out_int(p, 2)));
    CHECK(sum == 42, "add_%s(40, 2) = %lld", s, (long long)sum);
    int64_t wmin = dl_ret_s64(dl_call(fwiden, 1, out_int(p, INTS[k].min)));
    int64_t wmax = dl_ret_s64(dl_call(fwiden, 1, out_int(p, INTS[k].max)));
    // (long long)x: the value itself, except 64-bit unsigned max, whose pattern is -1
    CHECK(wmin == INTS[k].min && wmax == INTS[k].max, "widen_%s wrong: %lld %lld", s, (long long)wmin, (long long)wmax);
    fmt_int(a, sizeof a, p, mn);
    fmt_int(b, sizeof b, p, mx);
    LINE("%s: min_%s() = %s, max_%s() = %s, id_ both, add_%s(max, 1) = min, add_%s(40, 2) = 42, "
         "widen_%s(min, max) = %lld, %lld\n", t, s, a, s, b, s, s, s, (long long)wmin, (long long)wmax);
    drop_fn(fmin), drop_fn(fmax), drop_fn(fid), drop_fn(fadd), drop_fn(fwiden);
  }
  if (lib) wasi_dl_library_drop(lib);
}

// ---- case: floats -------------------------------------------------------------------------------
static uint64_t dbits(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
static uint32_t fbits(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }

static void case_floats(void) {
  int32_t lib = open_test_lib("wasidl_prims");
  // double
  int32_t dmin = dl_func(lib, "min_double", "() -> c-double"), dmax = dl_func(lib, "max_double", "() -> c-double");
  int32_t did = dl_func(lib, "id_double", "(c-double) -> c-double");
  int32_t dadd = dl_func(lib, "add_double", "(c-double, c-double) -> c-double");
  double mn = dl_ret_f64(dl_call(dmin, 0)), mx = dl_ret_f64(dl_call(dmax, 0));
  CHECK(mn == -DBL_MAX && mx == DBL_MAX, "min_/max_double wrong");
  double s = dl_ret_f64(dl_call(dadd, 2, dl_f64(DL_C_DOUBLE, 0.1), dl_f64(DL_C_DOUBLE, 0.2)));
  CHECK(s == 0.1 + 0.2, "add_double(0.1, 0.2) = %.17g", s);
  double negz = dl_ret_f64(dl_call(did, 1, dl_f64(DL_C_DOUBLE, -0.0)));
  CHECK(dbits(negz) == 0x8000000000000000ull, "id_double(-0.0) lost the sign");
  LINE("c-double: min_double() = %.17g, max_double() = %.17g, add_double(0.1, 0.2) = %.17g, id_double(-0) = -0\n", mn, mx, s);
  // float
  int32_t fmin = dl_func(lib, "min_float", "() -> c-float"), fmax = dl_func(lib, "max_float", "() -> c-float");
  int32_t fid = dl_func(lib, "id_float", "(c-float) -> c-float");
  int32_t fadd = dl_func(lib, "add_float", "(c-float, c-float) -> c-float");
  float fmn = dl_ret_f32(dl_call(fmin, 0)), fmx = dl_ret_f32(dl_call(fmax, 0));
  CHECK(fmn == -FLT_MAX && fmx == FLT_MAX, "min_/max_float wrong");
  float fs = dl_ret_f32(dl_call(fadd, 2, dl_f32(DL_C_FLOAT, 0.1f), dl_f32(DL_C_FLOAT, 0.2f)));
  CHECK(fs == 0.1f + 0.2f, "add_float(0.1, 0.2) = %.9g", fs);
  float fid_r = dl_ret_f32(dl_call(fid, 1, dl_f32(DL_C_FLOAT, 1.0f / 3)));
  CHECK(fid_r == 1.0f / 3, "id_float(1/3) changed");
  LINE("c-float: min_float() = %.9g, max_float() = %.9g, add_float(0.1, 0.2) = %.9g, id_float(1/3) = %.9g\n",
       fmn, fmx, fs, fid_r);
  // special values and classes
  int32_t nan_d = dl_func(lib, "nan_double", "() -> c-double"), inf_d = dl_func(lib, "inf_double", "() -> c-double");
  int32_t den_d = dl_func(lib, "denorm_double", "() -> c-double");
  int32_t nan_f = dl_func(lib, "nan_float", "() -> c-float"), inf_f = dl_func(lib, "inf_float", "() -> c-float");
  int32_t den_f = dl_func(lib, "denorm_float", "() -> c-float");
  int32_t cls_d = dl_func(lib, "classify_double", "(c-double) -> c-int");
  int32_t cls_f = dl_func(lib, "classify_float", "(c-float) -> c-int");
  double n = dl_ret_f64(dl_call(nan_d, 0)), i = dl_ret_f64(dl_call(inf_d, 0)), d = dl_ret_f64(dl_call(den_d, 0));
  CHECK(dbits(n) == 0x7ff8000000000000ull && dbits(i) == 0x7ff0000000000000ull && dbits(d) == 1,
        "nan/inf/denorm_double bits %llx %llx %llx", (unsigned long long)dbits(n), (unsigned long long)dbits(i),
        (unsigned long long)dbits(d));
  float nf = dl_ret_f32(dl_call(nan_f, 0)), inf = dl_ret_f32(dl_call(inf_f, 0)), df = dl_ret_f32(dl_call(den_f, 0));
  CHECK(fbits(nf) == 0x7fc00000u && fbits(inf) == 0x7f800000u && fbits(df) == 1, "nan/inf/denorm_float bits");
  int64_t c[5];
  double dv[5] = {n, -i, 0.0, d, 1.0};
  for (int k = 0; k < 5; k++) c[k] = dl_ret_s64(dl_call(cls_d, 1, dl_f64(DL_C_DOUBLE, dv[k])));
  CHECK(c[0] == 0 && c[1] == 1 && c[2] == 2 && c[3] == 3 && c[4] == 4, "classify_double wrong");
  int64_t cf[5];
  float fv[5] = {nf, -inf, -0.0f, df, 1.0f};
  for (int k = 0; k < 5; k++) cf[k] = dl_ret_s64(dl_call(cls_f, 1, dl_f32(DL_C_FLOAT, fv[k])));
  CHECK(cf[0] == 0 && cf[1] == 1 && cf[2] == 2 && cf[3] == 3 && cf[4] == 4, "classify_float wrong");
  LINE("nan_double() bits 0x%016llx, inf_double() bits 0x%016llx, denorm_double() = %.17g\n",
       (unsigned long long)dbits(n), (unsigned long long)dbits(i), d);
  LINE("nan_float() bits 0x%08x, inf_float() bits 0x%08x, denorm_float() = %.9g\n", fbits(nf), fbits(inf), df);
  LINE("classify_double(nan, -inf, 0, denorm, 1) = %lld %lld %lld %lld %lld; classify_float the same = %lld %lld %lld %lld %lld\n",
       (long long)c[0], (long long)c[1], (long long)c[2], (long long)c[3], (long long)c[4], (long long)cf[0],
       (long long)cf[1], (long long)cf[2], (long long)cf[3], (long long)cf[4]);
  int32_t fns[] = {dmin, dmax, did, dadd, fmin, fmax, fid, fadd, nan_d, inf_d, den_d, nan_f, inf_f, den_f, cls_d, cls_f};
  for (size_t k = 0; k < sizeof fns / sizeof *fns; k++) drop_fn(fns[k]);
  if (lib) wasi_dl_library_drop(lib);
}

// ---- case: pointers and mixed calls -------------------------------------------------------------
static void case_calls(void) {
  int32_t lib = open_test_lib("wasidl_prims");
  int32_t noop = dl_func(lib, "noop", "()");
  dl_var r = dl_call(noop, 0);
  CHECK(r.tag == 0xff, "noop() returned a value");
  int32_t add = dl_func(lib, "add", "(c-int, c-int) -> c-int");
  int64_t a = dl_ret_s64(dl_call(add, 2, dl_s32(DL_C_INT, 2), dl_s32(DL_C_INT, 3)));
  CHECK(a == 5, "add(2, 3) = %lld", (long long)a);
  int32_t mix = dl_func(lib, "mix", "(c-double, c-int, c-long, c-float) -> c-double");
  double m = dl_ret_f64(dl_call(mix, 4, dl_f64(DL_C_DOUBLE, 1.5), dl_s32(DL_C_INT, 2), dl_s64(DL_C_LONG, 3),
                                dl_f32(DL_C_FLOAT, 0.25f)));
  CHECK(m == 6.75, "mix = %.17g", m);
  LINE("noop() -> none, add(2, 3) = 5, mix(1.5, 2, 3, 0.25) = 6.75\n");
  // pointers: null and max, an alloc's address through id_ptr / widen_ptr / add_ptr
  int32_t pmin = dl_func(lib, "min_ptr", "() -> pointer"), pmax = dl_func(lib, "max_ptr", "() -> pointer");
  uint64_t p0 = dl_ret_u64(dl_call(pmin, 0)), p1 = dl_ret_u64(dl_call(pmax, 0));
  CHECK(p0 == 0 && p1 == UINT64_MAX, "min_ptr/max_ptr get-u64 = %llx %llx", (unsigned long long)p0, (unsigned long long)p1);
  int32_t cell = dl_alloc("c-int");
  int32_t widen = dl_func(lib, "widen_ptr", "(pointer) -> c-long-long");
  int32_t id = dl_func(lib, "id_ptr", "(pointer) -> pointer");
  int64_t addr = dl_ret_s64(dl_call(widen, 1, dl_addr(cell)));
  uint64_t same = dl_ret_u64(dl_call(id, 1, dl_addr(cell)));
  CHECK(addr != 0 && (uint64_t)addr == same, "widen_ptr(a) = %llx, id_ptr(a) = %llx", (unsigned long long)addr,
        (unsigned long long)same);
  CHECK(addr % 4 == 0, "a c-int alloc at %llx is not 4-aligned", (unsigned long long)addr);
  // id_ptr's result is the foreign region at that address: writing through it shows in the owned alloc
  dl_var v = dl_call(id, 1, dl_addr(cell));
  int32_t h = dl_prim_of(v);
  int32_t foreign = h ? dl_get_alloc(h) : 0;
  dl_drop_in(v);
  LINE("min_ptr() = 0 (get-u64), max_ptr() = 0xffffffffffffffff, widen_ptr(alloc) == id_ptr(alloc) get-u64, aligned\n");
  drop_alloc(foreign);
  int32_t fns[] = {noop, add, mix, pmin, pmax, widen, id};
  for (size_t k = 0; k < sizeof fns / sizeof *fns; k++) drop_fn(fns[k]);
  drop_alloc(cell);
  if (lib) wasi_dl_library_drop(lib);
}

// ---- case: setters and getters: which value fits which type ------------------------------------
static void case_values(void) {
  int32_t lib = open_test_lib("wasidl_prims");
  int32_t id_long = dl_func(lib, "id_long", "(c-long) -> c-long");
  int64_t x = dl_ret_s64(dl_call(id_long, 1, dl_s32(DL_C_LONG, -5)));
  CHECK(x == -5, "id_long(set-s32(-5)) = %lld", (long long)x);
  int32_t id_u8 = dl_func(lib, "id_u8", "(uint8-t) -> uint8-t");
  int64_t y = dl_ret_s64(dl_call(id_u8, 1, dl_s32(DL_UINT8, 255)));
  CHECK(y == 255, "id_u8(set-s32(255)) = %lld", (long long)y);
  int32_t id_float = dl_func(lib, "id_float", "(c-float) -> c-float");
  float f = dl_ret_f32(dl_call(id_float, 1, dl_f64(DL_C_FLOAT, 0.5)));
  CHECK(f == 0.5f, "id_float(set-f64(0.5)) = %g", f);
  LINE("accepted: set-s32(-5) for c-long -> -5, set-s32(255) for uint8-t -> 255, set-f64(0.5) for c-float -> 0.5\n");
  if (!DL_OK) return;

  // setters that must fail
  struct { const char *what; int32_t (*set)(int32_t, int32_t); dl_prim ty; int32_t v; } bad32[] = {
      {"set-u8(200) for int8-t", wasi_dl_set_u8, DL_INT8, 200},
      {"set-s8(-1) for uint8-t", wasi_dl_set_s8, DL_UINT8, -1},
      {"set-s32(300) for c-uchar", wasi_dl_set_s32, DL_C_UCHAR, 300},
      {"set-s32(-1) for c-uint", wasi_dl_set_s32, DL_C_UINT, -1},
      {"set-u32(4294967295) for c-int", wasi_dl_set_u32, DL_C_INT, -1},
      {"set-s32(1) for c-double", wasi_dl_set_s32, DL_C_DOUBLE, 1},
  };
  LINE("refused:");
  for (size_t k = 0; k < sizeof bad32 / sizeof *bad32; k++) {
    int32_t o = wasi_dl_outgoing_primitive_new(bad32[k].ty);
    int32_t e = bad32[k].set(o, bad32[k].v);
    CHECK(e == 1, "%s was accepted", bad32[k].what);
    LINE(" %s;", bad32[k].what);
    wasi_dl_outgoing_primitive_drop(o);
  }
  int32_t o = wasi_dl_outgoing_primitive_new(DL_C_INT);
  CHECK(wasi_dl_set_f32(o, 1.0f) == 1, "set-f32 for c-int was accepted");
  CHECK(wasi_dl_set_f64(o, 1.0) == 1, "set-f64 for c-int was accepted");
  wasi_dl_outgoing_primitive_drop(o);
  o = wasi_dl_outgoing_primitive_new(DL_C_FLOAT);
  CHECK(wasi_dl_set_f64(o, 0.1) == 1, "set-f64(0.1) for c-float (not exactly representable) was accepted");
  wasi_dl_outgoing_primitive_drop(o);
  o = wasi_dl_outgoing_primitive_new(DL_INT64);
  CHECK(wasi_dl_set_u64(o, -1) == 1, "set-u64(2^64-1) for int64-t was accepted");
  wasi_dl_outgoing_primitive_drop(o);
  int32_t cell = dl_alloc("c-int");
  o = wasi_dl_outgoing_primitive_new(DL_C_INT);
  CHECK(wasi_dl_set_addr(o, cell) == 1, "set-addr for c-int was accepted");
  wasi_dl_outgoing_primitive_drop(o);
  drop_alloc(cell);
  LINE(" set-f32(1) and set-f64(1) for c-int; set-f64(0.1) for c-float; set-u64(2^64-1) for int64-t; set-addr for c-int\n");

  // getters: range of the getter, not of the type
  int32_t id_u64 = dl_func(lib, "id_u64", "(uint64-t) -> uint64-t");
  dl_var v = dl_call(id_u64, 1, dl_u64(DL_UINT64, UINT64_MAX));
  int32_t h = dl_prim_of(v);
  int err;
  dl_get_s64_e(h, &err);
  CHECK(err == 1, "get-s64 of uint64-t 2^64-1 was accepted");
  uint64_t u = dl_get_u64(h);
  CHECK(u == UINT64_MAX, "get-u64 of uint64-t max = %llu", (unsigned long long)u);
  dl_get_alloc_e(h, &err);
  CHECK(err == 1, "get-alloc of a uint64-t was accepted");
  dl_get_f64_e(h, &err);
  CHECK(err == 1, "get-f64 of a uint64-t was accepted");
  dl_drop_in(v);
  int32_t id_int = dl_func(lib, "id_int", "(c-int) -> c-int");
  v = dl_call(id_int, 1, dl_s32(DL_C_INT, 300));
  h = dl_prim_of(v);
  dl_get_s8_e(h, &err);
  CHECK(err == 1, "get-s8 of c-int 300 was accepted");
  dl_get_u8_e(h, &err);
  CHECK(err == 1, "get-u8 of c-int 300 was accepted");
  int16_t s16 = dl_get_s16(h);
  int64_t s64 = dl_get_s64(h);
  uint32_t u32 = dl_get_u32(h);
  CHECK(s16 == 300 && s64 == 300 && u32 == 300, "get-s16/s64/u32 of c-int 300");
  dl_drop_in(v);
  v = dl_call(id_int, 1, dl_s32(DL_C_INT, -1));
  h = dl_prim_of(v);
  dl_get_u32_e(h, &err);
  CHECK(err == 1, "get-u32 of c-int -1 was accepted");
  dl_get_u64_e(h, &err);
  CHECK(err == 1, "get-u64 of c-int -1 was accepted");
  int8_t s8 = dl_get_s8(h);
  CHECK(s8 == -1, "get-s8 of c-int -1 = %d", s8);
  dl_drop_in(v);
  v = dl_call(id_float, 1, dl_f32(DL_C_FLOAT, 2.5f));
  h = dl_prim_of(v);
  double asd = dl_get_f64(h);
  CHECK(asd == 2.5, "get-f64 of c-float 2.5 = %g", asd);
  dl_get_s32_e(h, &err);
  CHECK(err == 1, "get-s32 of a c-float was accepted");
  dl_drop_in(v);
  LINE("getters: uint64-t 2^64-1: get-s64 err, get-u64 ok, get-alloc err, get-f64 err; c-int 300: get-s8 err, "
       "get-u8 err, get-s16/s64/u32 = 300; c-int -1: get-u32 err, get-u64 err, get-s8 = -1; c-float 2.5: get-f64 = 2.5, get-s32 err\n");
  int32_t fns[] = {id_long, id_u8, id_float, id_u64, id_int};
  for (size_t k = 0; k < sizeof fns / sizeof *fns; k++) drop_fn(fns[k]);
  if (lib) wasi_dl_library_drop(lib);
}

// ---- structs: shapes parsed from type text, values as flat leaves --------------------------------
typedef struct shape {
  int prim;  // dl_prim, or -1 for a struct
  int n;
  struct shape *f[16];
} shape;

static shape *shape_parse(const char **s) {
  shape *sh = calloc(1, sizeof *sh);
  while (**s == ' ') (*s)++;
  if (strncmp(*s, "struct{", 7) == 0) {
    *s += 7;
    sh->prim = -1;
    while (**s != '}') {
      sh->f[sh->n++] = shape_parse(s);
      while (**s == ' ' || **s == ',') (*s)++;
    }
    (*s)++;
    return sh;
  }
  for (int k = 0; k < DL_PRIM_COUNT; k++) {
    size_t n = strlen(DL_PRIM_NAMES[k]);
    if (strncmp(*s, DL_PRIM_NAMES[k], n) == 0 && ((*s)[n] == ',' || (*s)[n] == '}' || (*s)[n] == 0 || (*s)[n] == ' ')) {
      *s += n;
      sh->prim = k;
      return sh;
    }
  }
  abort();
}

static void shape_free(shape *sh) {
  for (int k = 0; k < sh->n; k++) shape_free(sh->f[k]);
  free(sh);
}

static dl_var out_value(const shape *sh, const double *leaves, int *i) {
  if (sh->prim >= 0) return out_num(sh->prim, leaves[(*i)++]);
  dl_var f[16];
  for (int k = 0; k < sh->n; k++) f[k] = out_value(sh->f[k], leaves, i);
  if (!DL_OK) return DL_NONE;
  return (dl_var){1, wasi_dl_outgoing_struct_new(f, (size_t)sh->n)};
}

static void in_value(const shape *sh, dl_var v, double *leaves, int *i) {
  if (!DL_OK) return;
  if (sh->prim >= 0) {
    int32_t h = dl_prim_of(v);
    leaves[(*i)++] = h ? in_num(sh->prim, h) : 0;
  } else {
    size_t n;
    dl_var *f = dl_fields(v, &n);
    CHECK((int)n == sh->n, "struct has %zu fields, expected %d", n, sh->n);
    for (size_t k = 0; k < n && DL_OK; k++) in_value(sh->f[k], f[k], leaves, i);  // drops f[k]
    free(f);
  }
  dl_drop_in(v);
}

static const struct stest {
  const char *s, *type, *fields;  // suffix, struct type, make_'s parameters (the top-level fields)
  int n;                          // leaves
  double a[16], b[16], ab[16], sum_a;
} STRUCTS[] = {
    {"ci", "struct{c-schar, c-int}", "c-schar, c-int", 2, {100, 100000}, {100, -1}, {-56, 99999}, 100100},
    {"ff", "struct{c-float, c-float}", "c-float, c-float", 2, {1.5, -2.25}, {0.25, 0.5}, {1.75, -1.75}, -0.75},
    {"fff", "struct{c-float, c-float, c-float}", "c-float, c-float, c-float", 3, {1, 2, 3.5}, {0.5, 0.5, 0.5},
     {1.5, 2.5, 4}, 6.5},
    {"dd", "struct{c-double, c-double}", "c-double, c-double", 2, {1.25, -2.5}, {0.125, 4}, {1.375, 1.5}, -1.25},
    {"if", "struct{c-int, c-float}", "c-int, c-float", 2, {2147483647, 0.5}, {1, 0.25}, {-2147483648.0, 0.75},
     2147483647.5},
    {"lll", "struct{c-long, c-long, c-long}", "c-long, c-long, c-long", 3, {1, -2, 4503599627370496.0},
     {10, 20, 4503599627370496.0}, {11, 18, 9007199254740992.0}, 4503599627370495.0},
    {"ccc", "struct{c-schar, c-schar, c-schar}", "c-schar, c-schar, c-schar", 3, {100, -100, 1}, {100, -100, 2},
     {-56, 56, 3}, 1},
    {"di", "struct{c-double, c-int}", "c-double, c-int", 2, {0.75, -3}, {0.25, 5}, {1, 2}, -2.25},
    {"sc", "struct{c-short, c-schar}", "c-short, c-schar", 2, {32767, -1}, {1, -128}, {-32768, 127}, 32766},
    {"i8i64", "struct{int8-t, int64-t}", "int8-t, int64-t", 2, {127, 4503599627370496.0}, {1, -4503599627370496.0},
     {-128, 0}, 4503599627370623.0},
    {"outer", "struct{struct{c-schar, c-int}, struct{c-double, c-double}, c-schar}",
     "struct{c-schar, c-int}, struct{c-double, c-double}, c-schar", 5, {1, 2, 0.5, 0.25, 3},
     {100, 3, 0.5, 0.75, 125}, {101, 5, 1, 1, -128}, 6.75},
    {"f16",
     "struct{c-float, c-float, c-float, c-float, c-float, c-float, c-float, c-float, c-float, c-float, c-float, "
     "c-float, c-float, c-float, c-float, c-float}",
     "c-float, c-float, c-float, c-float, c-float, c-float, c-float, c-float, c-float, c-float, c-float, c-float, "
     "c-float, c-float, c-float, c-float",
     16, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
     {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5},
     {0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5, 11.5, 12.5, 13.5, 14.5, 15.5}, 120},
};

static void fmt_leaves(dl_buf *b, const double *l, int n) {
  dl_printf(b, "{");
  for (int k = 0; k < n; k++) dl_printf(b, "%s%.17g", k ? ", " : "", l[k]);
  dl_printf(b, "}");
}

static int leaves_eq(const double *x, const double *y, int n) {
  for (int k = 0; k < n; k++)
    if (x[k] != y[k]) return 0;
  return 1;
}

static void check_leaves(const char *what, const double *got, const double *want, int n) {
  if (!DL_OK || leaves_eq(got, want, n)) return;
  dl_buf b = {0};
  fmt_leaves(&b, got, n);
  dl_printf(&b, " != expected ");
  fmt_leaves(&b, want, n);
  dl_fail("%s: %s", what, b.p);
  free(b.p);
}

static void case_structs(void) {
  int32_t lib = open_test_lib("wasidl_structs");
  for (size_t k = 0; k < sizeof STRUCTS / sizeof *STRUCTS && DL_OK; k++) {
    const struct stest *t = &STRUCTS[k];
    const char *p = t->type;
    shape *sh = shape_parse(&p);
    char sig[1024], name[32];
    double got[16];
    int i;
    // make_x(fields...) -> X: the struct comes back by value
    snprintf(sig, sizeof sig, "(%s) -> %s", t->fields, t->type);
    snprintf(name, sizeof name, "make_%s", t->s);
    int32_t make = dl_func(lib, name, sig);
    dl_var args[16];
    i = 0;
    for (int f = 0; f < sh->n; f++) args[f] = out_value(sh->f[f], t->a, &i);
    dl_var r = dl_call_v(make, NULL, (size_t)sh->n, args);
    i = 0;
    in_value(sh, r, got, &i);
    check_leaves(name, got, t->a, t->n);
    // add_x(X, X) -> X: structs in both directions
    snprintf(sig, sizeof sig, "(%s, %s) -> %s", t->type, t->type, t->type);
    snprintf(name, sizeof name, "add_%s", t->s);
    int32_t add = dl_func(lib, name, sig);
    int ia = 0, ib = 0;
    dl_var va = out_value(sh, t->a, &ia), vb = out_value(sh, t->b, &ib);
    r = dl_call(add, 2, va, vb);
    i = 0;
    in_value(sh, r, got, &i);
    check_leaves(name, got, t->ab, t->n);
    // sum_x(X) -> double
    snprintf(sig, sizeof sig, "(%s) -> c-double", t->type);
    snprintf(name, sizeof name, "sum_%s", t->s);
    int32_t sum = dl_func(lib, name, sig);
    i = 0;
    double s = dl_ret_f64(dl_call(sum, 1, out_value(sh, t->a, &i)));
    CHECK(s == t->sum_a, "sum_%s = %.17g, expected %.17g", t->s, s, t->sum_a);
    // fill_x(X *out, fields...): an out-parameter, read back with read-struct
    snprintf(sig, sizeof sig, "(pointer, %s)", t->fields);
    snprintf(name, sizeof name, "fill_%s", t->s);
    int32_t fill = dl_func(lib, name, sig);
    int32_t out = dl_alloc(t->type);
    args[0] = dl_addr(out);
    i = 0;
    for (int f = 0; f < sh->n; f++) args[f + 1] = out_value(sh->f[f], t->b, &i);
    r = dl_call_v(fill, NULL, (size_t)sh->n + 1, args);
    CHECK(r.tag == 0xff, "fill_%s returned a value", t->s);
    i = 0;
    in_value(sh, dl_read_struct(out), got, &i);
    check_leaves(name, got, t->b, t->n);
    // write-struct then read-struct on an owned alloc
    i = 0;
    dl_var w = out_value(sh, t->a, &i);
    if (DL_OK && wasi_dl_alloc_write_struct(out, w.val) != 0) dl_fail("write-struct of %s failed", t->type);
    i = 0;
    in_value(sh, dl_read_struct(out), got, &i);
    check_leaves("write-struct/read-struct", got, t->a, t->n);
    LINE("%s: make_%s", t->type, t->s);
    fmt_leaves(&rep, t->a, t->n);
    LINE(" add_%s(a, ", t->s);
    fmt_leaves(&rep, t->b, t->n);
    LINE(") = ");
    fmt_leaves(&rep, t->ab, t->n);
    LINE(" sum_%s(a) = %.17g fill_%s ok write-struct/read-struct ok\n", t->s, t->sum_a, t->s);
    drop_fn(make), drop_fn(add), drop_fn(sum), drop_fn(fill), drop_alloc(out);
    shape_free(sh);
  }
  // Arguments beyond the registers: 8 ints, 10 doubles, a DD, a CI and a long.
  static const char *spill_args =
      "(c-int, c-int, c-int, c-int, c-int, c-int, c-int, c-int, c-double, c-double, c-double, c-double, "
      "c-double, c-double, c-double, c-double, c-double, c-double, struct{c-double, c-double}, "
      "struct{c-schar, c-int}, c-long)";
  const char *rets[] = {"c-double", "struct{c-long, c-long, c-long}", "struct{c-double, c-double}"};
  const char *names[] = {"spill", "spill_lll", "spill_dd"};
  double want[3][3] = {{4324}, {4324, 8, 23}, {4324, 18}};
  int nwant[] = {1, 3, 2};
  for (int k = 0; k < 3 && DL_OK; k++) {
    char sig[1024];
    snprintf(sig, sizeof sig, "%s -> %s", spill_args, rets[k]);
    int32_t f = dl_func(lib, names[k], sig);
    dl_var a[21];
    for (int j = 0; j < 8; j++) a[j] = dl_s32(DL_C_INT, j + 1);
    for (int j = 0; j < 10; j++) a[8 + j] = dl_f64(DL_C_DOUBLE, 9 + j);
    a[18] = dl_ostruct(2, dl_f64(DL_C_DOUBLE, 19), dl_f64(DL_C_DOUBLE, 20));
    a[19] = dl_ostruct(2, dl_s8(DL_C_SCHAR, 21), dl_s32(DL_C_INT, 22));
    a[20] = dl_s64(DL_C_LONG, 23);
    dl_var r = dl_call_v(f, NULL, 21, a);
    const char *p = rets[k];
    shape *sh = shape_parse(&p);
    double got[3];
    int i = 0;
    in_value(sh, r, got, &i);
    check_leaves(names[k], got, want[k], nwant[k]);
    LINE("%s(1, ..., 23) = ", names[k]);
    fmt_leaves(&rep, want[k], nwant[k]);
    LINE("\n");
    shape_free(sh);
    drop_fn(f);
  }
  if (lib) wasi_dl_library_drop(lib);
}

// ---- case: strings ------------------------------------------------------------------------------
static void case_strings(void) {
  int32_t lib = open_test_lib("wasidl_pointers");
  int32_t hello = dl_func(lib, "hello", "() -> pointer");
  int32_t a = dl_ret_alloc(dl_call(hello, 0));
  char *s = a ? dl_read_string(a) : strdup("");
  CHECK(!strcmp(s, "hello"), "hello() read \"%s\"", s);
  free(s);
  drop_alloc(a);
  int32_t count = dl_func(lib, "count_char", "(pointer, c-schar) -> c-ulong");
  int32_t keep;
  dl_var arg = dl_cstr("banana", &keep);
  uint64_t n = dl_ret_u64(dl_call(count, 2, arg, dl_s8(DL_C_SCHAR, 'a')));
  CHECK(n == 3, "count_char(banana, a) = %llu", (unsigned long long)n);
  drop_alloc(keep);
  // in place: the callee writes into the alloc's buffer
  int32_t upcase = dl_func(lib, "upcase", "(pointer)");
  int32_t buf;
  dl_var r = dl_call(upcase, 1, dl_cstr("ab1z", &buf));
  CHECK(r.tag == 0xff, "upcase returned a value");
  s = buf ? dl_read_string(buf) : strdup("");
  CHECK(!strcmp(s, "AB1Z"), "upcase gave \"%s\"", s);
  free(s);
  // write-string again on the same alloc: a longer string grows it
  if (DL_OK && wasi_dl_alloc_write_string(buf, "a much longer string", 20) != 0) dl_fail("write-string growing the alloc failed");
  s = buf ? dl_read_string(buf) : strdup("");
  CHECK(!strcmp(s, "a much longer string"), "read-string after growing: \"%s\"", s);
  free(s);
  drop_alloc(buf);
  // a malloc'd result, read then given back to free_str
  int32_t concat = dl_func(lib, "dup_concat", "(pointer, pointer) -> pointer");
  int32_t k1, k2;
  dl_var x = dl_cstr("foo", &k1), y = dl_cstr("bar", &k2);
  int32_t c = dl_ret_alloc(dl_call(concat, 2, x, y));
  s = c ? dl_read_string(c) : strdup("");
  CHECK(!strcmp(s, "foobar"), "dup_concat gave \"%s\"", s);
  free(s);
  int32_t free_str = dl_func(lib, "free_str", "(pointer)");
  dl_call(free_str, 1, dl_addr(c));
  drop_alloc(c), drop_alloc(k1), drop_alloc(k2);
  // UTF-8 both ways
  int32_t u = dl_alloc("pointer");
  const char *utf8 = "gr\xc3\xbc\xc3\x9f dich, \xe2\x82\xac";
  if (DL_OK && wasi_dl_alloc_write_string(u, utf8, strlen(utf8)) != 0) dl_fail("write-string of UTF-8 failed");
  int32_t count2 = dl_func(lib, "count_char", "(pointer, c-schar) -> c-ulong");
  uint64_t nc = dl_ret_u64(dl_call(count2, 2, dl_addr(u), dl_s8(DL_C_SCHAR, (int8_t)0xc3)));
  CHECK(nc == 2, "count_char(UTF-8, 0xc3) = %llu", (unsigned long long)nc);
  s = u ? dl_read_string(u) : strdup("");
  CHECK(!strcmp(s, utf8), "UTF-8 read back as \"%s\"", s);
  free(s);
  drop_alloc(u);
  LINE("hello() -> get-alloc -> read-string = \"hello\"\ncount_char(\"banana\", 'a') = 3\n"
       "upcase(\"ab1z\") in place -> \"AB1Z\"; write-string of a longer string grows the alloc\n"
       "dup_concat(\"foo\", \"bar\") = \"foobar\", then free_str(it)\n"
       "write-string/read-string of UTF-8 \"%s\" (count_char of byte 0xc3 = 2)\n", utf8);
  int32_t fns[] = {hello, count, upcase, concat, free_str, count2};
  for (size_t k = 0; k < sizeof fns / sizeof *fns; k++) drop_fn(fns[k]);
  if (lib) wasi_dl_library_drop(lib);
}

// ---- case: out-parameters -----------------------------------------------------------------------
static void case_out_params(void) {
  int32_t lib = open_test_lib("wasidl_pointers");
  int32_t divmod = dl_func(lib, "divmod", "(c-int, c-int, pointer, pointer)");
  int32_t q = dl_alloc("c-int"), r = dl_alloc("c-int");
  dl_call(divmod, 4, dl_s32(DL_C_INT, -7), dl_s32(DL_C_INT, 2), dl_addr(q), dl_addr(r));
  int64_t qv = dl_ret_s64(dl_read_prim(q)), rv = dl_ret_s64(dl_read_prim(r));
  CHECK(qv == -3 && rv == -1, "divmod(-7, 2) = %lld, %lld", (long long)qv, (long long)rv);
  // write-primitive then read-primitive on an owned alloc
  if (DL_OK && wasi_dl_alloc_write_primitive(q, dl_s32(DL_C_INT, 12345).val) != 0) dl_fail("write-primitive failed");
  int64_t back = dl_ret_s64(dl_read_prim(q));
  CHECK(back == 12345, "write/read-primitive gave %lld", (long long)back);
  // char **out: a pointer-typed alloc passed by address; its content is the callee's pointer
  int32_t greet = dl_func(lib, "make_greeting", "(pointer, pointer) -> c-int");
  int32_t name, out = dl_alloc("pointer");
  dl_var nv = dl_cstr("Bob", &name);
  int64_t len = dl_ret_s64(dl_call(greet, 2, nv, dl_addr(out)));
  CHECK(len == 11, "make_greeting returned %lld", (long long)len);
  int32_t str = dl_ret_alloc(dl_read_prim(out));
  char *s = str ? dl_read_string(str) : strdup("");
  CHECK(!strcmp(s, "Hello, Bob!"), "make_greeting wrote \"%s\"", s);
  free(s);
  int32_t free_str = dl_func(lib, "free_str", "(pointer)");
  dl_call(free_str, 1, dl_addr(str));
  LINE("divmod(-7, 2, &q, &r): q = -3, r = -1\nwrite-primitive(12345) then read-primitive = 12345\n"
       "make_greeting(\"Bob\", &s) = 11, s -> read-primitive -> get-alloc -> read-string = \"Hello, Bob!\", free_str(s)\n");
  drop_alloc(q), drop_alloc(r), drop_alloc(name), drop_alloc(out), drop_alloc(str);
  drop_fn(divmod), drop_fn(greet), drop_fn(free_str);
  if (lib) wasi_dl_library_drop(lib);
}

// ---- case: function pointers --------------------------------------------------------------------
static void case_function_pointers(void) {
  int32_t lib = open_test_lib("wasidl_pointers");
  int32_t get_op = dl_func(lib, "get_op", "(c-int) -> pointer");
  int64_t want[] = {12, 2, 35};
  for (int k = 0; k < 3 && DL_OK; k++) {
    int32_t code = dl_ret_alloc(dl_call(get_op, 1, dl_s32(DL_C_INT, k)));
    int err;
    int32_t op = dl_from_alloc(code, "(c-int, c-int) -> c-int", &err);  // consumes code
    CHECK(!err, "from-alloc of get_op(%d) failed", k);
    int64_t v = dl_ret_s64(dl_call(op, 2, dl_s32(DL_C_INT, 7), dl_s32(DL_C_INT, 5)));
    CHECK(v == want[k], "get_op(%d)(7, 5) = %lld", k, (long long)v);
    drop_fn(op);
  }
  LINE("get_op(0/1/2) -> get-alloc -> function.from-alloc (c-int, c-int) -> c-int: (7, 5) = 12, 2, 35\n");
  // get_op(3) is NULL: get-u64 says 0; a function at address 0 is refused (at get-alloc,
  // from-alloc or call)
  dl_var nv = dl_call(get_op, 1, dl_s32(DL_C_INT, 3));
  int32_t h = dl_prim_of(nv);
  uint64_t addr = h ? dl_get_u64(h) : 1;
  CHECK(addr == 0, "get_op(3) = %llx", (unsigned long long)addr);
  int gerr = 0;
  int32_t null = h ? dl_get_alloc_e(h, &gerr) : 0;  // bridge-ffm allows the region, refuses its use
  dl_drop_in(nv);
  if (DL_OK && !gerr) {
    int err;
    int32_t f = dl_from_alloc(null, "(c-int, c-int) -> c-int", &err);
    if (!err) {
      int cerr;
      dl_var a[2] = {dl_s32(DL_C_INT, 1), dl_s32(DL_C_INT, 2)};
      dl_var r = dl_call_v(f, &cerr, 2, a);
      CHECK(cerr, "calling a NULL function pointer was not refused");
      dl_drop_in(r);
      drop_fn(f);
    }
  }
  LINE("get_op(3) = NULL (get-u64 0): refused at get-alloc, from-alloc or call\n");
  // a function passed as a callback argument: function.get-alloc, then set-addr
  int32_t structs = open_test_lib("wasidl_structs");
  int32_t ptrs_fn = dl_func(structs, "ptrs_fn", "(c-int, c-int) -> c-int");
  int32_t fa = ptrs_fn ? wasi_dl_function_get_alloc(ptrs_fn) : 0;
  int32_t apply = dl_func(lib, "apply", "(pointer, c-int, c-int) -> c-int");
  int64_t v = dl_ret_s64(dl_call(apply, 3, dl_addr(fa), dl_s32(DL_C_INT, 3), dl_s32(DL_C_INT, 4)));
  CHECK(v == 304, "apply(ptrs_fn, 3, 4) = %lld", (long long)v);
  // the same code through from-alloc of function.get-alloc
  int32_t fa2 = ptrs_fn ? wasi_dl_function_get_alloc(ptrs_fn) : 0;
  int err;
  int32_t again = dl_from_alloc(fa2, "(c-int, c-int) -> c-int", &err);
  CHECK(!err, "from-alloc of function.get-alloc failed");
  int64_t v2 = dl_ret_s64(dl_call(again, 2, dl_s32(DL_C_INT, 5), dl_s32(DL_C_INT, 6)));
  CHECK(v2 == 506, "from-alloc(get-alloc(ptrs_fn))(5, 6) = %lld", (long long)v2);
  LINE("apply(ptrs_fn via function.get-alloc + set-addr, 3, 4) = 304; from-alloc(ptrs_fn.get-alloc)(5, 6) = 506\n");
  // struct Ptrs by value: {const char *name, void *data, int (*fn)(int, int)}
  int32_t call_ptrs = dl_func(structs, "call_ptrs", "(struct{pointer, pointer, pointer}) -> c-int");
  int32_t name = dl_alloc("pointer");
  if (DL_OK && wasi_dl_alloc_write_string(name, "abc", 3) != 0) dl_fail("write-string failed");
  int32_t data = dl_alloc("c-int");
  if (DL_OK && wasi_dl_alloc_write_primitive(data, dl_s32(DL_C_INT, 7).val) != 0) dl_fail("write-primitive failed");
  v = dl_ret_s64(dl_call(call_ptrs, 1, dl_ostruct(3, dl_addr(name), dl_addr(data), dl_addr(fa))));
  CHECK(v == 307, "call_ptrs({\"abc\", &7, ptrs_fn}) = %lld", (long long)v);
  // make_ptrs returns the three pointers in a struct; read the name back through get-alloc
  int32_t make_ptrs = dl_func(structs, "make_ptrs", "(pointer, pointer, pointer) -> struct{pointer, pointer, pointer}");
  dl_var r = dl_call(make_ptrs, 3, dl_addr(name), dl_addr(data), dl_addr(fa));
  size_t n;
  dl_var *f = dl_fields(r, &n);
  CHECK(n == 3, "make_ptrs gave %zu fields", n);
  int32_t na = DL_OK ? dl_get_alloc(dl_prim_of(f[0])) : 0;
  char *s = na ? dl_read_string(na) : strdup("");
  CHECK(!strcmp(s, "abc"), "make_ptrs(...).name = \"%s\"", s);
  free(s);
  int32_t code = DL_OK ? dl_get_alloc(dl_prim_of(f[2])) : 0;
  int32_t fn3 = dl_from_alloc(code, "(c-int, c-int) -> c-int", &err);
  int64_t v3 = dl_ret_s64(dl_call(fn3, 2, dl_s32(DL_C_INT, 1), dl_s32(DL_C_INT, 2)));
  CHECK(v3 == 102, "make_ptrs(...).fn(1, 2) = %lld", (long long)v3);
  for (size_t k = 0; k < n; k++) dl_drop_in(f[k]);
  free(f);
  dl_drop_in(r);
  LINE("call_ptrs({\"abc\", &7, ptrs_fn}) = 307; make_ptrs(...) -> fields: name read-string \"abc\", fn from-alloc (1, 2) = 102\n");
  drop_alloc(na), drop_alloc(name), drop_alloc(data), drop_alloc(fa);
  int32_t fns[] = {get_op, ptrs_fn, apply, again, call_ptrs, make_ptrs, fn3};
  for (size_t k = 0; k < sizeof fns / sizeof *fns; k++) drop_fn(fns[k]);
  if (structs) wasi_dl_library_drop(structs);
  if (lib) wasi_dl_library_drop(lib);
}

// ---- case: data symbols -------------------------------------------------------------------------
static int32_t data_alloc(int32_t lib, const char *name, const char *type) {
  int32_t sym = dl_get(lib, name);
  if (!sym) return 0;
  dl_var t = dl_type(type);
  int32_t a = DL_OK ? wasi_dl_symbol_get_alloc(sym, t.tag, t.val) : 0;
  wasi_dl_symbol_drop(sym);
  return a;
}

static void case_data(void) {
  int32_t lib = open_test_lib("wasidl_pointers");
  // int counter (42 when the library is freshly loaded): read, bump from C, write from the guest
  int32_t counter = data_alloc(lib, "counter", "c-int");
  int32_t bump = dl_func(lib, "bump_counter", "() -> c-int"), get = dl_func(lib, "get_counter", "() -> c-int");
  int64_t c0 = dl_ret_s64(dl_read_prim(counter));
  int64_t b = dl_ret_s64(dl_call(bump, 0));
  int64_t c1 = dl_ret_s64(dl_read_prim(counter));
  CHECK(b == c0 + 1 && c1 == c0 + 1, "counter %lld, bump_counter() %lld, then %lld", (long long)c0, (long long)b, (long long)c1);
  if (DL_OK && wasi_dl_alloc_write_primitive(counter, dl_s32(DL_C_INT, 1000).val) != 0) dl_fail("write counter failed");
  int64_t g = dl_ret_s64(dl_call(get, 0));
  CHECK(g == 1000, "get_counter() after writing 1000 = %lld", (long long)g);
  if (DL_OK) wasi_dl_alloc_write_primitive(counter, dl_s32(DL_C_INT, (int32_t)c0).val);
  LINE("counter: read %lld, bump_counter() = %lld, read %lld; write 1000, get_counter() = 1000; restored %lld\n",
       (long long)c0, (long long)b, (long long)c1, (long long)c0);
  // double ratio = 0.5
  int32_t ratio = data_alloc(lib, "ratio", "c-double");
  int32_t get_ratio = dl_func(lib, "get_ratio", "() -> c-double");
  double r0 = dl_ret_f64(dl_read_prim(ratio));
  CHECK(r0 == 0.5, "ratio = %.17g", r0);
  if (DL_OK && wasi_dl_alloc_write_primitive(ratio, dl_f64(DL_C_DOUBLE, 0.25).val) != 0) dl_fail("write ratio failed");
  double r1 = dl_ret_f64(dl_call(get_ratio, 0));
  CHECK(r1 == 0.25, "get_ratio() after writing 0.25 = %.17g", r1);
  if (DL_OK) wasi_dl_alloc_write_primitive(ratio, dl_f64(DL_C_DOUBLE, 0.5).val);
  LINE("ratio: read 0.5; write 0.25, get_ratio() = 0.25; restored\n");
  // const char *greeting: the alloc holds a pointer; read-primitive -> get-alloc -> read-string
  int32_t greeting = data_alloc(lib, "greeting", "pointer");
  dl_var gv = dl_read_prim(greeting);
  int32_t gh = dl_prim_of(gv);
  uint64_t gaddr = gh ? dl_get_u64(gh) : 0;
  int32_t gs = gh ? dl_get_alloc(gh) : 0;
  dl_drop_in(gv);
  char *s = gs ? dl_read_string(gs) : strdup("");
  CHECK(!strcmp(s, "hi there"), "*greeting = \"%s\"", s);
  free(s);
  int32_t get_greeting = dl_func(lib, "get_greeting", "() -> pointer");
  uint64_t gaddr2 = dl_ret_u64(dl_call(get_greeting, 0));
  CHECK(gaddr == gaddr2 && gaddr != 0, "greeting's pointer %llx != get_greeting() %llx", (unsigned long long)gaddr,
        (unsigned long long)gaddr2);
  LINE("greeting: read-primitive -> get-alloc -> read-string = \"hi there\"; its address == get_greeting()\n");
  // struct CI origin = {'o', 7}
  int32_t origin = data_alloc(lib, "origin", "struct{c-schar, c-int}");
  const char *p = "struct{c-schar, c-int}";
  shape *sh = shape_parse(&p);
  double got[2], want[2] = {111, 7};
  int i = 0;
  in_value(sh, dl_read_struct(origin), got, &i);
  check_leaves("origin", got, want, 2);
  int32_t get_origin = dl_func(lib, "get_origin", "() -> struct{c-schar, c-int}");
  i = 0;
  in_value(sh, dl_call(get_origin, 0), got, &i);
  check_leaves("get_origin()", got, want, 2);
  shape_free(sh);
  LINE("origin: read-struct = {111, 7}; get_origin() = {111, 7}\n");
  drop_alloc(counter), drop_alloc(ratio), drop_alloc(greeting), drop_alloc(gs), drop_alloc(origin);
  int32_t fns[] = {bump, get, get_ratio, get_greeting, get_origin};
  for (size_t k = 0; k < sizeof fns / sizeof *fns; k++) drop_fn(fns[k]);
  if (lib) wasi_dl_library_drop(lib);
}

// ---- case: lifetimes ----------------------------------------------------------------------------
static void case_lifetime(void) {
  // a function outlives its symbol and library resources
  int32_t lib = open_test_lib("wasidl_prims");
  int32_t sym = dl_get(lib, "add");
  int32_t add = sym ? dl_sym_function(sym, "(c-int, c-int) -> c-int") : 0;
  if (sym) wasi_dl_symbol_drop(sym);
  if (lib) wasi_dl_library_drop(lib);
  int64_t v = dl_ret_s64(dl_call(add, 2, dl_s32(DL_C_INT, 40), dl_s32(DL_C_INT, 2)));
  CHECK(v == 42, "add after dropping its library = %lld", (long long)v);
  // the same symbol twice makes two functions; the same signature twice is fine
  lib = open_test_lib("wasidl_prims");
  int32_t add2 = dl_func(lib, "add", "(c-int, c-int) -> c-int");
  int64_t v2 = dl_ret_s64(dl_call(add2, 2, dl_s32(DL_C_INT, 1), dl_s32(DL_C_INT, 1)));
  CHECK(v2 == 2, "second add = %lld", (long long)v2);
  if (lib) wasi_dl_library_drop(lib);
  drop_fn(add), drop_fn(add2);
  // an alloc at a data symbol outlives its library resource
  int32_t plib = open_test_lib("wasidl_pointers");
  int32_t ratio = data_alloc(plib, "ratio", "c-double");
  if (plib) wasi_dl_library_drop(plib);
  double r = dl_ret_f64(dl_read_prim(ratio));
  CHECK(r == 0.5, "ratio after dropping its library = %.17g", r);
  drop_alloc(ratio);
  // a returned pointer's region outlives the library too
  plib = open_test_lib("wasidl_pointers");
  int32_t hello = dl_func(plib, "hello", "() -> pointer");
  int32_t a = dl_ret_alloc(dl_call(hello, 0));
  drop_fn(hello);
  if (plib) wasi_dl_library_drop(plib);
  char *s = a ? dl_read_string(a) : strdup("");
  CHECK(!strcmp(s, "hello"), "hello() after dropping library and function: \"%s\"", s);
  free(s);
  drop_alloc(a);
  // incoming-struct.fields twice
  int32_t slib = open_test_lib("wasidl_structs");
  int32_t make = dl_func(slib, "make_ci", "(c-schar, c-int) -> struct{c-schar, c-int}");
  dl_var st = dl_call(make, 2, dl_s8(DL_C_SCHAR, 5), dl_s32(DL_C_INT, 6));
  for (int k = 0; k < 2 && DL_OK; k++) {
    size_t n;
    dl_var *f = dl_fields(st, &n);
    CHECK(n == 2, "fields() #%d: %zu fields", k + 1, n);
    int64_t c = n == 2 ? dl_get_s8(dl_prim_of(f[0])) : 0, i = n == 2 ? dl_get_s32(dl_prim_of(f[1])) : 0;
    CHECK(c == 5 && i == 6, "fields() #%d = {%lld, %lld}", k + 1, (long long)c, (long long)i);
    for (size_t j = 0; j < n; j++) dl_drop_in(f[j]);
    free(f);
  }
  dl_drop_in(st);
  drop_fn(make);
  if (slib) wasi_dl_library_drop(slib);
  // resources dropped without being used: a struct-type (holding a consumed nested one), an
  // outgoing-struct (holding outgoing values), an outgoing-primitive that was set
  if (DL_OK) {
    dl_var inner = dl_type("struct{c-int, c-int}");
    dl_var fields[2] = {inner, {0, DL_C_DOUBLE}};
    wasi_dl_struct_type_drop(wasi_dl_struct_type_new(fields, 2));
    wasi_dl_outgoing_struct_drop(dl_ostruct(2, dl_s32(DL_C_INT, 1), dl_ostruct(1, dl_f64(DL_C_DOUBLE, 2))).val);
    wasi_dl_outgoing_primitive_drop(dl_s32(DL_C_INT, 3).val);
  }
  LINE("add(40, 2) = 42 after dropping its symbol and library; a second open and add(1, 1) = 2\n"
       "ratio's alloc read 0.5 after dropping its library; hello()'s string read after dropping function and library\n"
       "incoming-struct.fields() twice = {5, 6} both times\n"
       "dropped unused: a struct-type, an outgoing-struct, an outgoing-primitive\n");
}

// ---- case: errors -------------------------------------------------------------------------------
static void expect_err(int got_err, const char *what) {
  CHECK(got_err, "%s was not refused", what);
  if (DL_OK) LINE("refused: %s\n", what);
}

static void case_errors(void) {
  // library.open and library.get errors carry the platform's message
  char *missing = dl_lib_name(libdir, "wasidl_missing");
  char *err = NULL;
  int32_t h = dl_open_raw(missing, DL_NOW, &err);
  expect_err(!h, "open of a missing library");
  CHECK(err && strstr(err, "wasidl_missing"), "open error does not name the library: %s", err ? err : "");
  free(err), free(missing);
  int32_t lib = open_test_lib("wasidl_prims");
  err = NULL;
  h = lib ? dl_get_raw(lib, "no_such_symbol", &err) : 1;
  expect_err(!h, "get of a missing symbol");
  CHECK(err && strstr(err, "no_such_symbol"), "get error does not name the symbol: %s", err ? err : "");
  free(err);
  char *name = dl_lib_name(libdir, "wasidl_prims");
  h = dl_open_raw(name, DL_LAZY | DL_NOW, NULL);
  expect_err(!h, "open with both lazy and now");
  if (h) wasi_dl_library_drop(h);
  h = dl_open_raw(name, DL_NOW | DL_GLOBAL | DL_LOCAL, NULL);
  expect_err(!h, "open with both global and local");
  if (h) wasi_dl_library_drop(h);
  h = dl_open_raw(name, 0, NULL);
  CHECK(h != 0, "open with no flags (now, local) failed");
  if (h) wasi_dl_library_drop(h);
  h = dl_open_raw(name, DL_LAZY, NULL);
  CHECK(h != 0, "open with lazy failed");
  if (h) wasi_dl_library_drop(h);
  h = dl_open_raw(name, DL_NOW | DL_LOCAL, NULL);
  CHECK(h != 0, "open with now|local failed");
  if (h) wasi_dl_library_drop(h);
  if (DL_OK) LINE("accepted: open with no flags, with lazy, with now|local\n");
  free(name);

  // calls that do not match the signature
  int32_t add = dl_func(lib, "add", "(c-int, c-int) -> c-int");
  int e;
  dl_var one[1] = {dl_s32(DL_C_INT, 1)};
  dl_call_v(add, &e, 1, one);
  expect_err(e, "call of (c-int, c-int) with 1 argument");
  dl_var three[3] = {dl_s32(DL_C_INT, 1), dl_s32(DL_C_INT, 2), dl_s32(DL_C_INT, 3)};
  dl_call_v(add, &e, 3, three);
  expect_err(e, "call of (c-int, c-int) with 3 arguments");
  dl_var wrong[2] = {dl_f64(DL_C_DOUBLE, 1), dl_s32(DL_C_INT, 2)};
  dl_call_v(add, &e, 2, wrong);
  expect_err(e, "call of (c-int, c-int) with a c-double argument");
  dl_var wider[2] = {dl_s32(DL_C_LONG, 1), dl_s32(DL_C_INT, 2)};
  dl_call_v(add, &e, 2, wider);
  expect_err(e, "call of (c-int, c-int) with a c-long argument");
  dl_var st[2] = {dl_ostruct(2, dl_s32(DL_C_INT, 1), dl_s32(DL_C_INT, 2)), dl_s32(DL_C_INT, 2)};
  dl_call_v(add, &e, 2, st);
  expect_err(e, "call of (c-int, c-int) with a struct argument");
  dl_var unset[2] = {{0, wasi_dl_outgoing_primitive_new(DL_C_INT)}, dl_s32(DL_C_INT, 2)};
  dl_call_v(add, &e, 2, unset);
  expect_err(e, "call with an outgoing-primitive that was never set");
  int32_t slib = open_test_lib("wasidl_structs");
  int32_t sum_ci = dl_func(slib, "sum_ci", "(struct{c-schar, c-int}) -> c-double");
  dl_var shape_wrong[1] = {dl_ostruct(2, dl_s32(DL_C_INT, 1), dl_s32(DL_C_INT, 2))};
  dl_call_v(sum_ci, &e, 1, shape_wrong);
  expect_err(e, "call of (struct{c-schar, c-int}) with a struct{c-int, c-int}");
  dl_var short_struct[1] = {dl_ostruct(1, dl_s8(DL_C_SCHAR, 1))};
  dl_call_v(sum_ci, &e, 1, short_struct);
  expect_err(e, "call of (struct{c-schar, c-int}) with a struct{c-schar}");
  // the function is still usable after refused calls
  int64_t ok = dl_ret_s64(dl_call(add, 2, dl_s32(DL_C_INT, 20), dl_s32(DL_C_INT, 22)));
  CHECK(ok == 42, "add(20, 22) after refused calls = %lld", (long long)ok);
  if (DL_OK) LINE("add(20, 22) = 42 after the refused calls\n");

  // allocs used against their type
  int32_t ci = dl_alloc("c-int");
  dl_ret r;
  if (DL_OK) { wasi_dl_alloc_read_struct(ci, &r); expect_err(r.b[0] == 1, "read-struct of a c-int alloc"); }
  if (DL_OK) { wasi_dl_alloc_read_string(ci, &r); expect_err(r.b[0] == 1, "read-string of a c-int alloc"); }
  if (DL_OK) expect_err(wasi_dl_alloc_write_string(ci, "x", 1) == 1, "write-string to a c-int alloc");
  dl_var d = dl_f64(DL_C_DOUBLE, 1);
  if (DL_OK) expect_err(wasi_dl_alloc_write_primitive(ci, d.val) == 1, "write-primitive of a c-double to a c-int alloc");
  dl_var s2 = dl_ostruct(2, dl_s8(DL_C_SCHAR, 1), dl_s32(DL_C_INT, 2));
  if (DL_OK) expect_err(wasi_dl_alloc_write_struct(ci, s2.val) == 1, "write-struct to a c-int alloc");
  int32_t sa = dl_alloc("struct{c-schar, c-int}");
  if (DL_OK) { wasi_dl_alloc_read_primitive(sa, &r); expect_err(r.b[0] == 1, "read-primitive of a struct alloc"); }
  dl_var s3 = dl_ostruct(2, dl_s32(DL_C_INT, 1), dl_s32(DL_C_INT, 2));
  if (DL_OK) expect_err(wasi_dl_alloc_write_struct(sa, s3.val) == 1, "write-struct of struct{c-int, c-int} to a struct{c-schar, c-int} alloc");
  int32_t pa = dl_alloc("pointer");
  if (DL_OK) expect_err(wasi_dl_alloc_write_string(pa, "a\0b", 3) == 1, "write-string of a string holding NUL");
  // function.from-alloc of an alloc that is not a pointer, and of owned (non-code) memory
  if (DL_OK) {
    int fe;
    int32_t notptr = dl_alloc("c-int");
    int32_t f = dl_from_alloc(notptr, "()", &fe);
    expect_err(fe, "function.from-alloc of a c-int alloc");
    drop_fn(f);
  }
  if (DL_OK) {
    int fe, ce = 1;
    int32_t owned = dl_alloc("pointer");
    int32_t f = dl_from_alloc(owned, "() -> c-int", &fe);
    if (!fe) {
      dl_var none[1];
      dl_call_v(f, &ce, 0, none);
      drop_fn(f);
    }
    expect_err(fe || ce, "calling owned memory (alloc.new) as code, at from-alloc or call");
  }
  drop_alloc(ci), drop_alloc(sa), drop_alloc(pa);
  drop_fn(add), drop_fn(sum_ci);
  if (slib) wasi_dl_library_drop(slib);
  if (lib) wasi_dl_library_drop(lib);
}

// The host's error texts (not checked beyond their names in case errors), one per line.
static void case_error_messages(void) {
  char *missing = dl_lib_name(libdir, "wasidl_missing");
  char *err = NULL;
  if (!dl_open_raw(missing, DL_NOW, &err)) LINE("open %s: %s\n", missing, err);
  free(err), free(missing);
  int32_t lib = open_test_lib("wasidl_prims");
  err = NULL;
  if (lib && !dl_get_raw(lib, "no_such_symbol", &err)) LINE("get no_such_symbol: %s\n", err);
  free(err);
  char *name = dl_lib_name(libdir, "wasidl_prims");
  err = NULL;
  if (!dl_open_raw(name, DL_LAZY | DL_NOW, &err)) LINE("open lazy|now: %s\n", err);
  free(err);
  err = NULL;
  if (!dl_open_raw(name, DL_NOW | DL_GLOBAL | DL_LOCAL, &err)) LINE("open now|global|local: %s\n", err);
  free(err), free(name);
  if (lib) wasi_dl_library_drop(lib);
}

// ---- case: open flags (needs a process where the provider was never opened global) ------------
static void case_dlopen_unresolved(void) {
  char *name = dl_lib_name(libdir, "wasidl_consumer");
  char *err = NULL;
  int32_t h = dl_open_raw(name, DL_NOW, &err);
  CHECK(!h, "consumer opened now without its provider");
  CHECK(err && strstr(err, "provided_value"), "error does not name provided_value: %s", err ? err : "");
  if (h) wasi_dl_library_drop(h);
  free(err), free(name);
  LINE("open(wasidl_consumer, now) without the provider: refused, naming provided_value\n");
}

static void case_dlopen_global(void) {
  int32_t provider = 0;
  char *name = dl_lib_name(libdir, "wasidl_provider");
  provider = dl_open(name, DL_NOW | DL_GLOBAL);
  free(name);
  int32_t pv = dl_func(provider, "provided_value", "() -> c-int");
  int64_t v = dl_ret_s64(dl_call(pv, 0));
  CHECK(v == 4242, "provided_value() = %lld", (long long)v);
  int32_t consumer = open_test_lib("wasidl_consumer");
  int32_t consume = dl_func(consumer, "consume", "() -> c-int");
  int64_t c = dl_ret_s64(dl_call(consume, 0));
  CHECK(c == 4243, "consume() = %lld", (long long)c);
  LINE("open(wasidl_provider, now|global): provided_value() = 4242; open(wasidl_consumer, now): consume() = 4243\n");
  drop_fn(pv), drop_fn(consume);
  if (consumer) wasi_dl_library_drop(consumer);
  if (provider) wasi_dl_library_drop(provider);
}

// ---- case: the running process (library.open(none)) --------------------------------------------
static void case_process(void) {
  int32_t self = dl_open(NULL, DL_NOW);
  int32_t strlen_ = dl_func(self, "strlen", "(pointer) -> c-ulong");
  int32_t keep;
  dl_var s = dl_cstr("wasi:dl", &keep);
  uint64_t n = dl_ret_u64(dl_call(strlen_, 1, s));
  CHECK(n == 7, "strlen(\"wasi:dl\") = %llu", (unsigned long long)n);
  LINE("open(none) (the running process): strlen(\"wasi:dl\") = 7\n");
  drop_alloc(keep);
  drop_fn(strlen_);
  if (self) wasi_dl_library_drop(self);
}

// ---- exports ------------------------------------------------------------------------------------
static const struct {
  const char *name;
  void (*run)(void);
} CASES[] = {
    {"platform", case_platform},
    {"integers", case_integers},
    {"floats", case_floats},
    {"calls", case_calls},
    {"values", case_values},
    {"structs", case_structs},
    {"strings", case_strings},
    {"out-params", case_out_params},
    {"function-pointers", case_function_pointers},
    {"data", case_data},
    {"lifetime", case_lifetime},
    {"errors", case_errors},
    {"error-messages", case_error_messages},
    {"dlopen-unresolved", case_dlopen_unresolved},
    {"dlopen-global", case_dlopen_global},
    {"process", case_process},
};
#define NCASES (sizeof CASES / sizeof *CASES)

static struct { const char *ptr; size_t len; } case_names[NCASES];

__attribute__((export_name("cases"))) dl_ret *cases(void) {
  for (size_t k = 0; k < NCASES; k++) {
    case_names[k].ptr = CASES[k].name;
    case_names[k].len = strlen(CASES[k].name);
  }
  dl_export_ret.i[0] = (int32_t)(uintptr_t)case_names;
  dl_export_ret.i[1] = (int32_t)NCASES;
  return &dl_export_ret;
}
__attribute__((export_name("cabi_post_cases"))) void cases_post(dl_ret *r) { (void)r; }

__attribute__((export_name("run"))) dl_ret *run(char *name_ptr, size_t name_len, char *dir_ptr, size_t dir_len) {
  char *name = strndup(name_ptr, name_len);
  char *dir = strndup(dir_ptr, dir_len);
  if (name_len) free(name_ptr);
  if (dir_len) free(dir_ptr);
  dl_reset();
  free(rep.p);
  rep = (dl_buf){0};
  LINE("%s", "");
  libdir = dir;
  dl_ret *ret = NULL;
  for (size_t k = 0; k < NCASES; k++) {
    if (strcmp(CASES[k].name, name) == 0) {
      CASES[k].run();
      if (DL_OK) {
        ret = dl_return(0, rep.p);
        rep = (dl_buf){0};
      } else {
        ret = dl_return(1, dl_err);
        dl_err = NULL;
      }
    }
  }
  if (!ret) {
    size_t n = strlen(name) + 32;
    char *msg = malloc(n);
    snprintf(msg, n, "unknown case \"%s\"", name);
    ret = dl_return(1, msg);
  }
  free(name);
  free(dir);
  libdir = NULL;
  return ret;
}
__attribute__((export_name("cabi_post_run"))) void run_post(dl_ret *r) { dl_return_free(r); }
