/* libwasidl_structs.so: see wasidl_structs.h for every function and its expected results. */
#include "wasidl_structs.h"

#include <string.h>

/* Wrapping integer add without undefined behaviour (gcc converts back modulo 2^bits). */
#define WADD(T, U, a, b) ((T)((U)(a) + (U)(b)))
#define CADD(a, b) WADD(char, unsigned char, a, b)

struct CI make_ci(char c, int i) { return (struct CI){c, i}; }
struct CI add_ci(struct CI a, struct CI b) {
  return (struct CI){CADD(a.c, b.c), WADD(int, unsigned, a.i, b.i)};
}
double sum_ci(struct CI v) { return (double)v.c + v.i; }
void fill_ci(struct CI *out, char c, int i) { *out = make_ci(c, i); }

struct FF make_ff(float a, float b) { return (struct FF){a, b}; }
struct FF add_ff(struct FF x, struct FF y) { return (struct FF){x.a + y.a, x.b + y.b}; }
double sum_ff(struct FF v) { return (double)v.a + v.b; }
void fill_ff(struct FF *out, float a, float b) { *out = make_ff(a, b); }

struct FFF make_fff(float a, float b, float c) { return (struct FFF){a, b, c}; }
struct FFF add_fff(struct FFF x, struct FFF y) {
  return (struct FFF){x.a + y.a, x.b + y.b, x.c + y.c};
}
double sum_fff(struct FFF v) { return (double)v.a + v.b + v.c; }
void fill_fff(struct FFF *out, float a, float b, float c) { *out = make_fff(a, b, c); }

struct DD make_dd(double a, double b) { return (struct DD){a, b}; }
struct DD add_dd(struct DD x, struct DD y) { return (struct DD){x.a + y.a, x.b + y.b}; }
double sum_dd(struct DD v) { return v.a + v.b; }
void fill_dd(struct DD *out, double a, double b) { *out = make_dd(a, b); }

struct IF make_if(int i, float f) { return (struct IF){i, f}; }
struct IF add_if(struct IF a, struct IF b) {
  return (struct IF){WADD(int, unsigned, a.i, b.i), a.f + b.f};
}
double sum_if(struct IF v) { return (double)v.i + v.f; }
void fill_if(struct IF *out, int i, float f) { *out = make_if(i, f); }

struct LLL make_lll(long a, long b, long c) { return (struct LLL){a, b, c}; }
struct LLL add_lll(struct LLL x, struct LLL y) {
  return (struct LLL){WADD(long, unsigned long, x.a, y.a), WADD(long, unsigned long, x.b, y.b),
                      WADD(long, unsigned long, x.c, y.c)};
}
double sum_lll(struct LLL v) { return (double)v.a + (double)v.b + (double)v.c; }
void fill_lll(struct LLL *out, long a, long b, long c) { *out = make_lll(a, b, c); }

struct CCC make_ccc(char a, char b, char c) { return (struct CCC){a, b, c}; }
struct CCC add_ccc(struct CCC x, struct CCC y) {
  return (struct CCC){CADD(x.a, y.a), CADD(x.b, y.b), CADD(x.c, y.c)};
}
double sum_ccc(struct CCC v) { return (double)v.a + v.b + v.c; }
void fill_ccc(struct CCC *out, char a, char b, char c) { *out = make_ccc(a, b, c); }

struct DI make_di(double d, int i) { return (struct DI){d, i}; }
struct DI add_di(struct DI a, struct DI b) {
  return (struct DI){a.d + b.d, WADD(int, unsigned, a.i, b.i)};
}
double sum_di(struct DI v) { return v.d + v.i; }
void fill_di(struct DI *out, double d, int i) { *out = make_di(d, i); }

struct SC make_sc(short s, char c) { return (struct SC){s, c}; }
struct SC add_sc(struct SC a, struct SC b) {
  return (struct SC){WADD(short, unsigned short, a.s, b.s), CADD(a.c, b.c)};
}
double sum_sc(struct SC v) { return (double)v.s + v.c; }
void fill_sc(struct SC *out, short s, char c) { *out = make_sc(s, c); }

struct I8I64 make_i8i64(int8_t a, int64_t b) { return (struct I8I64){a, b}; }
struct I8I64 add_i8i64(struct I8I64 x, struct I8I64 y) {
  return (struct I8I64){WADD(int8_t, uint8_t, x.a, y.a), WADD(int64_t, uint64_t, x.b, y.b)};
}
double sum_i8i64(struct I8I64 v) { return (double)v.a + (double)v.b; }
void fill_i8i64(struct I8I64 *out, int8_t a, int64_t b) { *out = make_i8i64(a, b); }

struct Outer make_outer(struct CI ci, struct DD dd, char tail) {
  return (struct Outer){ci, dd, tail};
}
struct Outer add_outer(struct Outer x, struct Outer y) {
  return (struct Outer){add_ci(x.ci, y.ci), add_dd(x.dd, y.dd), CADD(x.tail, y.tail)};
}
double sum_outer(struct Outer v) { return sum_ci(v.ci) + sum_dd(v.dd) + v.tail; }
void fill_outer(struct Outer *out, struct CI ci, struct DD dd, char tail) {
  *out = make_outer(ci, dd, tail);
}

struct F16 make_f16(float f0, float f1, float f2, float f3, float f4, float f5, float f6, float f7,
                    float f8, float f9, float f10, float f11, float f12, float f13, float f14,
                    float f15) {
  return (struct F16){f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15};
}
_Static_assert(sizeof(struct F16) == 16 * sizeof(float), "F16 has no padding");
struct F16 add_f16(struct F16 x, struct F16 y) {
  float a[16], b[16];
  memcpy(a, &x, sizeof a);
  memcpy(b, &y, sizeof b);
  for (int k = 0; k < 16; k++) a[k] += b[k];
  memcpy(&x, a, sizeof a);
  return x;
}
double sum_f16(struct F16 v) {
  float a[16];
  memcpy(a, &v, sizeof a);
  double s = 0;
  for (int k = 0; k < 16; k++) s += a[k];
  return s;
}
void fill_f16(struct F16 *out, float f0, float f1, float f2, float f3, float f4, float f5,
              float f6, float f7, float f8, float f9, float f10, float f11, float f12, float f13,
              float f14, float f15) {
  *out = make_f16(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15);
}

struct Ptrs make_ptrs(const char *name, void *data, int (*fn)(int, int)) {
  return (struct Ptrs){name, data, fn};
}
void fill_ptrs(struct Ptrs *out, const char *name, void *data, int (*fn)(int, int)) {
  *out = make_ptrs(name, data, fn);
}
int call_ptrs(struct Ptrs p) { return p.fn((int)strlen(p.name), *(const int *)p.data); }
int ptrs_fn(int a, int b) { return a * 100 + b; }

#define SPILL_PARAMS                                                                              \
  int a1, int a2, int a3, int a4, int a5, int a6, int a7, int a8, double d1, double d2, double d3, \
      double d4, double d5, double d6, double d7, double d8, double d9, double d10, struct DD s,   \
      struct CI t, long l9
#define SPILL_ARGS a1, a2, a3, a4, a5, a6, a7, a8, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, s, t, l9

double spill(SPILL_PARAMS) {
  return 1.0 * a1 + 2.0 * a2 + 3.0 * a3 + 4.0 * a4 + 5.0 * a5 + 6.0 * a6 + 7.0 * a7 + 8.0 * a8 +
         9 * d1 + 10 * d2 + 11 * d3 + 12 * d4 + 13 * d5 + 14 * d6 + 15 * d7 + 16 * d8 + 17 * d9 +
         18 * d10 + 19 * s.a + 20 * s.b + 21.0 * t.c + 22.0 * t.i + 23.0 * (double)l9;
}
struct LLL spill_lll(SPILL_PARAMS) { return (struct LLL){(long)spill(SPILL_ARGS), a8, l9}; }
struct DD spill_dd(SPILL_PARAMS) { return (struct DD){spill(SPILL_ARGS), d10}; }
