/* libwasidl_prims.so: see wasidl_prims.h for every function and its expected results. */
#include "wasidl_prims.h"

#include <float.h>
#include <limits.h>
#include <math.h>

/* Integer add: computed in the unsigned type of the same width (no undefined behaviour), then
   converted back; gcc defines that conversion as modulo 2^bits. */
#define INT_FUNCS(s, T, U, MIN, MAX)                  \
  T id_##s(T x) { return x; }                         \
  T min_##s(void) { return MIN; }                     \
  T max_##s(void) { return MAX; }                     \
  T add_##s(T a, T b) { return (T)((U)a + (U)b); }    \
  long long widen_##s(T x) { return (long long)x; }

INT_FUNCS(schar, signed char, unsigned char, SCHAR_MIN, SCHAR_MAX)
INT_FUNCS(uchar, unsigned char, unsigned char, 0, UCHAR_MAX)
INT_FUNCS(short, short, unsigned short, SHRT_MIN, SHRT_MAX)
INT_FUNCS(ushort, unsigned short, unsigned short, 0, USHRT_MAX)
INT_FUNCS(int, int, unsigned int, INT_MIN, INT_MAX)
INT_FUNCS(uint, unsigned int, unsigned int, 0, UINT_MAX)
INT_FUNCS(long, long, unsigned long, LONG_MIN, LONG_MAX)
INT_FUNCS(ulong, unsigned long, unsigned long, 0, ULONG_MAX)
INT_FUNCS(llong, long long, unsigned long long, LLONG_MIN, LLONG_MAX)
INT_FUNCS(ullong, unsigned long long, unsigned long long, 0, ULLONG_MAX)
INT_FUNCS(i8, int8_t, uint8_t, INT8_MIN, INT8_MAX)
INT_FUNCS(i16, int16_t, uint16_t, INT16_MIN, INT16_MAX)
INT_FUNCS(i32, int32_t, uint32_t, INT32_MIN, INT32_MAX)
INT_FUNCS(i64, int64_t, uint64_t, INT64_MIN, INT64_MAX)
INT_FUNCS(u8, uint8_t, uint8_t, 0, UINT8_MAX)
INT_FUNCS(u16, uint16_t, uint16_t, 0, UINT16_MAX)
INT_FUNCS(u32, uint32_t, uint32_t, 0, UINT32_MAX)
INT_FUNCS(u64, uint64_t, uint64_t, 0, UINT64_MAX)

#define FLOAT_FUNCS(s, T, MAX)                \
  T id_##s(T x) { return x; }                 \
  T min_##s(void) { return -MAX; }            \
  T max_##s(void) { return MAX; }             \
  T add_##s(T a, T b) { return a + b; }

FLOAT_FUNCS(float, float, FLT_MAX)
FLOAT_FUNCS(double, double, DBL_MAX)

void *id_ptr(void *x) { return x; }
void *min_ptr(void) { return (void *)0; }
void *max_ptr(void) { return (void *)UINTPTR_MAX; }
void *add_ptr(void *a, void *b) { return (void *)((uintptr_t)a + (uintptr_t)b); }
long long widen_ptr(void *x) { return (long long)(uintptr_t)x; }

static int classify(int c) {
  switch (c) {
    case FP_NAN: return WASIDL_FP_NAN;
    case FP_INFINITE: return WASIDL_FP_INFINITE;
    case FP_ZERO: return WASIDL_FP_ZERO;
    case FP_SUBNORMAL: return WASIDL_FP_SUBNORMAL;
    default: return WASIDL_FP_NORMAL;
  }
}

int classify_double(double x) { return classify(fpclassify(x)); }
int classify_float(float x) { return classify(fpclassify(x)); }

double nan_double(void) { return __builtin_nan(""); }
float nan_float(void) { return __builtin_nanf(""); }
double inf_double(void) { return __builtin_inf(); }
float inf_float(void) { return __builtin_inff(); }
double denorm_double(void) { return DBL_TRUE_MIN; }
float denorm_float(void) { return FLT_TRUE_MIN; }

void noop(void) {}
int add(int a, int b) { return (int)((unsigned)a + (unsigned)b); }
double mix(double a, int b, long c, float d) { return a + b + (double)c + d; }
