/*
 * libwasidl_prims.so: every wasi:dl primitive type as argument and as return value.
 *
 * Suffix -> C type -> wasi:dl primitive-type (x86-64 Linux, LP64; plain char is signed):
 *   schar  signed char          c-schar       i8   int8_t    int8-t
 *   uchar  unsigned char        c-uchar       i16  int16_t   int16-t
 *   short  short                c-short       i32  int32_t   int32-t
 *   ushort unsigned short       c-ushort      i64  int64_t   int64-t
 *   int    int                  c-int         u8   uint8_t   uint8-t
 *   uint   unsigned int         c-uint        u16  uint16_t  uint16-t
 *   long   long                 c-long        u32  uint32_t  uint32-t
 *   ulong  unsigned long        c-ulong       u64  uint64_t  uint64-t
 *   llong  long long            c-long-long   ptr  void*     pointer
 *   ullong unsigned long long   c-ulong-long
 *   float  float                c-float
 *   double double               c-double
 *
 * For every suffix s with C type T:
 *   T id_<s>(T x)          returns x unchanged.
 *   T min_<s>(void)        smallest value: the <limits.h>/<stdint.h> MIN (0 for unsigned);
 *                          floats: the LOWEST FINITE value -FLT_MAX / -DBL_MAX (not FLT_MIN);
 *                          ptr: NULL.
 *   T max_<s>(void)        largest value: the MAX constant; floats FLT_MAX / DBL_MAX;
 *                          ptr: (void*)UINTPTR_MAX = 0xffffffffffffffff.
 *   T add_<s>(T a, T b)    integers: a + b modulo 2^bits, for signed types too (two's complement
 *                          wrap, computed without undefined behaviour): add_int(INT_MAX, 1) == INT_MIN,
 *                          add_uchar(255, 1) == 0, add_i8(127, 1) == -128.
 *                          floats: IEEE a + b in T's precision.
 *                          ptr: (void*)((uintptr_t)a + (uintptr_t)b).
 *   long long widen_<s>(T x)   integers and ptr only: (long long)x, i.e. what C actually received,
 *                          as a signed 64-bit number: widen_schar(-1) == -1, widen_uchar(255) == 255,
 *                          widen_short(-32768) == -32768, widen_uint(4294967295u) == 4294967295,
 *                          widen_u64 / widen_ullong / widen_ulong give the 64-bit pattern:
 *                          widen_u64(UINT64_MAX) == -1, widen_u64(1ull << 63) == INT64_MIN;
 *                          widen_ptr(p) == (long long)(uintptr_t)p (the address).
 *
 * Limits (LP64):
 *   schar/i8   -128 .. 127                    uchar/u8   0 .. 255
 *   short/i16  -32768 .. 32767                ushort/u16 0 .. 65535
 *   int/i32    -2147483648 .. 2147483647      uint/u32   0 .. 4294967295
 *   long/llong/i64  -9223372036854775808 .. 9223372036854775807
 *   ulong/ullong/u64  0 .. 18446744073709551615
 *   float  -3.40282347e+38f .. 3.40282347e+38f     (bits 0xff7fffff .. 0x7f7fffff)
 *   double -1.7976931348623157e+308 .. 1.7976931348623157e+308
 */
#ifndef WASIDL_PRIMS_H
#define WASIDL_PRIMS_H

#include <stdint.h>

#define WASIDL_PRIM_DECL(s, T)   \
  T id_##s(T x);                 \
  T min_##s(void);               \
  T max_##s(void);               \
  T add_##s(T a, T b);

#define WASIDL_WIDEN_DECL(s, T) long long widen_##s(T x);

/* The integer primitives: suffix, C type. */
#define WASIDL_INTEGER_PRIMS(X) \
  X(schar, signed char)         \
  X(uchar, unsigned char)       \
  X(short, short)               \
  X(ushort, unsigned short)     \
  X(int, int)                   \
  X(uint, unsigned int)         \
  X(long, long)                 \
  X(ulong, unsigned long)       \
  X(llong, long long)           \
  X(ullong, unsigned long long) \
  X(i8, int8_t)                 \
  X(i16, int16_t)               \
  X(i32, int32_t)               \
  X(i64, int64_t)               \
  X(u8, uint8_t)                \
  X(u16, uint16_t)              \
  X(u32, uint32_t)              \
  X(u64, uint64_t)

WASIDL_INTEGER_PRIMS(WASIDL_PRIM_DECL)
WASIDL_INTEGER_PRIMS(WASIDL_WIDEN_DECL)
WASIDL_PRIM_DECL(float, float)
WASIDL_PRIM_DECL(double, double)
WASIDL_PRIM_DECL(ptr, void *)
WASIDL_WIDEN_DECL(ptr, void *)

/* Written out, the macros above declare e.g. for int:
 *   int id_int(int x); int min_int(void); int max_int(void); int add_int(int a, int b);
 *   long long widen_int(int x);
 * and for the others id_/min_/max_/add_ on float, double, void*, plus widen_ptr(void*). */

/* Floating-point classes, our own numbering (not the FP_* values of <math.h>). */
#define WASIDL_FP_NAN 0
#define WASIDL_FP_INFINITE 1
#define WASIDL_FP_ZERO 2
#define WASIDL_FP_SUBNORMAL 3
#define WASIDL_FP_NORMAL 4

/* fpclassify(x) as 0 nan, 1 infinite (either sign), 2 zero (either sign), 3 subnormal, 4 normal. */
int classify_double(double x);
int classify_float(float x);

/* Quiet NaN: bits 0x7ff8000000000000 (double), 0x7fc00000 (float). */
double nan_double(void);
float nan_float(void);
/* +infinity: bits 0x7ff0000000000000, 0x7f800000. */
double inf_double(void);
float inf_float(void);
/* Smallest positive subnormal: 4.9406564584124654e-324 (bits 0x1), 1.40129846e-45f (bits 0x1). */
double denorm_double(void);
float denorm_float(void);

/* Benchmark staples. */
void noop(void);                                /* does nothing */
int add(int a, int b);                          /* a + b (wraps like add_int) */
double mix(double a, int b, long c, float d);   /* a + b + c + d, in double */

#endif
