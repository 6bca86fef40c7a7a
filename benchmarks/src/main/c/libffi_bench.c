// libffi's ffi_call on the C functions of DowncallOverhead (native-tests' noop, add, mix, add_dd as
// add2, libc's strlen of a 64-byte string), the cif prepared once per function, and the plain C call
// through the same function pointer as the floor. Prints the results as JMH JSON entries
// (dev.wasidl.benchmarks.Libffi.{ffiCall,directCall}, param fn, ns/op, error = 99.9% confidence
// half-width as JMH computes it) for BenchMain --merge. No JNI: a process of its own.
//   libffi_bench <dir of libwasidl_prims.so and libwasidl_structs.so> [--full]
// Built and run by benchmarks/run (needs libffi-dev).
#define _GNU_SOURCE
#include <dlfcn.h>
#include <ffi.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct DD { double a, b; };

static volatile uint64_t sink;  // every result goes here, so no call is dead code

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

static void *sym(void *lib, const char *name) {
  void *p = dlsym(lib, name);
  if (!p) { fprintf(stderr, "libffi_bench: %s\n", dlerror()); exit(1); }
  return p;
}

static void *open_lib(const char *dir, const char *name) {
  char path[4096];
  snprintf(path, sizeof path, "%s/lib%s.so", dir, name);
  void *h = dlopen(path, RTLD_NOW);
  if (!h) { fprintf(stderr, "libffi_bench: %s\n", dlerror()); exit(1); }
  return h;
}

// One benchmarked function: its pointer, a prepared cif with argument slots, and the direct call.
typedef struct {
  const char *fn;
  void (*code)(void);
  ffi_cif cif;
  void *args[4];
  void (*direct)(uint64_t n);  // n plain C calls
} bench;

// Function pointers read through volatile, so the compiler cannot inline or fold the C calls.
static void (*volatile p_noop)(void);
static int (*volatile p_add)(int, int);
static double (*volatile p_mix)(double, int, long, float);
static struct DD (*volatile p_add_dd)(struct DD, struct DD);
static size_t (*volatile p_strlen)(const char *);

static int a_i1 = 40, a_i2 = 2;
static double a_d = 1.5;
static int a_mi = 2;
static long a_ml = 3;
static float a_f = 0.25f;
static struct DD a_dd1 = {1.5, 2.5}, a_dd2 = {0.25, 4.0};
static char text[65];
static const char *a_text = text;

static void direct_noop(uint64_t n) { void (*f)(void) = p_noop; for (uint64_t i = 0; i < n; i++) f(); }
static void direct_add(uint64_t n) {
  int (*f)(int, int) = p_add;
  uint64_t s = 0;
  for (uint64_t i = 0; i < n; i++) s += (uint64_t)f(a_i1, a_i2);
  sink = s;
}
static void direct_mix(uint64_t n) {
  double (*f)(double, int, long, float) = p_mix;
  double s = 0;
  for (uint64_t i = 0; i < n; i++) s += f(a_d, a_mi, a_ml, a_f);
  sink = (uint64_t)s;
}
static void direct_add2(uint64_t n) {
  struct DD (*f)(struct DD, struct DD) = p_add_dd;
  double s = 0;
  for (uint64_t i = 0; i < n; i++) s += f(a_dd1, a_dd2).a;
  sink = (uint64_t)s;
}
static void direct_strlen(uint64_t n) {
  size_t (*f)(const char *) = p_strlen;
  uint64_t s = 0;
  for (uint64_t i = 0; i < n; i++) s += f(a_text);
  sink = s;
}

static void ffi_loop(bench *b, uint64_t n) {
  union { ffi_arg i; double d; struct DD dd; } r;
  uint64_t s = 0;
  for (uint64_t i = 0; i < n; i++) {
    ffi_call(&b->cif, b->code, &r, b->args);
    s += (uint64_t)r.i;
  }
  sink = s;
}

// Runs `reps` timed repetitions of about rep_ns each (after warm-up) and prints one JSON entry.
static void measure(bench *b, int use_ffi, int reps, double rep_ns, int first) {
  uint64_t n = 1000;
  for (;;) {  // calibrate (and warm up): n calls take about rep_ns
    double t0 = now_ns();
    if (use_ffi) ffi_loop(b, n); else b->direct(n);
    double t = now_ns() - t0;
    if (t > rep_ns / 4) { n = (uint64_t)(n * rep_ns / t) + 1; break; }
    n *= 4;
  }
  for (int w = 0; w < 3; w++) { if (use_ffi) ffi_loop(b, n); else b->direct(n); }
  double xs[64], sum = 0;
  for (int k = 0; k < reps; k++) {
    double t0 = now_ns();
    if (use_ffi) ffi_loop(b, n); else b->direct(n);
    xs[k] = (now_ns() - t0) / (double)n;
    sum += xs[k];
  }
  double mean = sum / reps, var = 0;
  for (int k = 0; k < reps; k++) var += (xs[k] - mean) * (xs[k] - mean);
  double sd = sqrt(var / (reps - 1));
  double t999 = reps == 10 ? 4.781 : 3.883;  // Student's t, 0.9995 quantile, 9 or 19 df
  printf("%s  {\"benchmark\":\"dev.wasidl.benchmarks.Libffi.%s\",\"mode\":\"avgt\",\"params\":{\"fn\":\"%s\"},"
         "\"primaryMetric\":{\"score\":%.4f,\"scoreError\":%.4f,\"scoreUnit\":\"ns/op\"}}",
         first ? "" : ",\n", use_ffi ? "ffiCall" : "directCall", b->fn, mean, t999 * sd / sqrt(reps));
  fprintf(stderr, "Libffi.%s fn=%s: %.2f ns/op\n", use_ffi ? "ffiCall" : "directCall", b->fn, mean);
}

static void prep(bench *b, ffi_type *ret, unsigned n, ffi_type **types) {
  if (ffi_prep_cif(&b->cif, FFI_DEFAULT_ABI, n, ret, types) != FFI_OK) {
    fprintf(stderr, "libffi_bench: ffi_prep_cif failed for %s\n", b->fn);
    exit(1);
  }
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: libffi_bench <native-tests lib dir> [--full]\n"); return 2; }
  int full = argc > 2 && strcmp(argv[2], "--full") == 0;
  int reps = full ? 20 : 10;
  double rep_ns = full ? 5e8 : 1e8;
  memset(text, 'x', 64);
  void *prims = open_lib(argv[1], "wasidl_prims"), *structs = open_lib(argv[1], "wasidl_structs");
  p_noop = (void (*)(void))sym(prims, "noop");
  p_add = (int (*)(int, int))sym(prims, "add");
  p_mix = (double (*)(double, int, long, float))sym(prims, "mix");
  p_add_dd = (struct DD(*)(struct DD, struct DD))sym(structs, "add_dd");
  p_strlen = (size_t(*)(const char *))sym(RTLD_DEFAULT, "strlen");

  static ffi_type *t_add[] = {&ffi_type_sint, &ffi_type_sint};
  static ffi_type *t_mix[] = {&ffi_type_double, &ffi_type_sint, &ffi_type_slong, &ffi_type_float};
  static ffi_type *dd_fields[] = {&ffi_type_double, &ffi_type_double, NULL};
  static ffi_type t_dd = {0, 0, FFI_TYPE_STRUCT, dd_fields};
  static ffi_type *t_add2[] = {&t_dd, &t_dd};
  static ffi_type *t_strlen[] = {&ffi_type_pointer};

  bench bs[5] = {
      {.fn = "noop", .code = (void (*)(void))p_noop, .direct = direct_noop},
      {.fn = "add", .code = (void (*)(void))p_add, .args = {&a_i1, &a_i2}, .direct = direct_add},
      {.fn = "mix", .code = (void (*)(void))p_mix, .args = {&a_d, &a_mi, &a_ml, &a_f}, .direct = direct_mix},
      {.fn = "add2", .code = (void (*)(void))p_add_dd, .args = {&a_dd1, &a_dd2}, .direct = direct_add2},
      {.fn = "strlen", .code = (void (*)(void))p_strlen, .args = {&a_text}, .direct = direct_strlen},
  };
  prep(&bs[0], &ffi_type_void, 0, NULL);
  prep(&bs[1], &ffi_type_sint, 2, t_add);
  prep(&bs[2], &ffi_type_double, 4, t_mix);
  prep(&bs[3], &t_dd, 2, t_add2);
  prep(&bs[4], &ffi_type_ulong, 1, t_strlen);

  // check the results once, so a wrong cif cannot pass for a fast one
  int ri; double rd; struct DD rdd; ffi_arg ra;
  ffi_call(&bs[1].cif, bs[1].code, &ra, bs[1].args); ri = (int)ra;
  ffi_call(&bs[2].cif, bs[2].code, &rd, bs[2].args);
  ffi_call(&bs[3].cif, bs[3].code, &rdd, bs[3].args);
  ffi_call(&bs[4].cif, bs[4].code, &ra, bs[4].args);
  if (ri != 42 || rd != p_mix(1.5, 2, 3, 0.25f) || rdd.a != 1.75 || rdd.b != 6.5 || ra != 64) {
    fprintf(stderr, "libffi_bench: wrong results (add %d, mix %g, add2 {%g, %g}, strlen %lu)\n", ri, rd,
            rdd.a, rdd.b, (unsigned long)ra);
    return 1;
  }

  printf("[\n");
  int first = 1;
  for (int k = 0; k < 5; k++) {
    measure(&bs[k], 1, reps, rep_ns, first);
    first = 0;
    measure(&bs[k], 0, reps, rep_ns, first);
  }
  printf("\n]\n");
  return 0;
}
