/*
 * libwasidl_structs.so: structs by value (arguments and returns) covering every x86-64 System V
 * classification, plus out-parameters and argument spilling. Types: wasidl_types.h.
 *
 * For X in CI FF FFF DD IF LLL CCC DI SC I8I64 Outer F16 (lower-case suffix x):
 *   struct X make_<x>(fields...)                   the struct holding the fields, in declaration order
 *   struct X add_<x>(struct X a, struct X b)       field-wise a + b (integers wrap modulo 2^bits,
 *                                                  signed too; chars are signed: 100 + 100 == -56)
 *   double   sum_<x>(struct X v)                   sum of all numeric fields as double, in field order
 *                                                  (exact while the values are small integers)
 *   void     fill_<x>(struct X *out, fields...)    *out = make_<x>(fields...)
 * Ptrs has make/fill plus call_ptrs instead of add/sum.
 */
#ifndef WASIDL_STRUCTS_H
#define WASIDL_STRUCTS_H

#include "wasidl_types.h"

struct CI make_ci(char c, int i);
struct CI add_ci(struct CI a, struct CI b);
double sum_ci(struct CI v);                      /* c + i */
void fill_ci(struct CI *out, char c, int i);

struct FF make_ff(float a, float b);
struct FF add_ff(struct FF x, struct FF y);
double sum_ff(struct FF v);
void fill_ff(struct FF *out, float a, float b);

struct FFF make_fff(float a, float b, float c);
struct FFF add_fff(struct FFF x, struct FFF y);
double sum_fff(struct FFF v);
void fill_fff(struct FFF *out, float a, float b, float c);

struct DD make_dd(double a, double b);
struct DD add_dd(struct DD x, struct DD y);
double sum_dd(struct DD v);
void fill_dd(struct DD *out, double a, double b);

struct IF make_if(int i, float f);
struct IF add_if(struct IF a, struct IF b);
double sum_if(struct IF v);
void fill_if(struct IF *out, int i, float f);

struct LLL make_lll(long a, long b, long c);
struct LLL add_lll(struct LLL x, struct LLL y);
double sum_lll(struct LLL v);
void fill_lll(struct LLL *out, long a, long b, long c);

struct CCC make_ccc(char a, char b, char c);
struct CCC add_ccc(struct CCC x, struct CCC y);
double sum_ccc(struct CCC v);
void fill_ccc(struct CCC *out, char a, char b, char c);

struct DI make_di(double d, int i);
struct DI add_di(struct DI a, struct DI b);
double sum_di(struct DI v);
void fill_di(struct DI *out, double d, int i);

struct SC make_sc(short s, char c);
struct SC add_sc(struct SC a, struct SC b);
double sum_sc(struct SC v);
void fill_sc(struct SC *out, short s, char c);

struct I8I64 make_i8i64(int8_t a, int64_t b);
struct I8I64 add_i8i64(struct I8I64 x, struct I8I64 y);
double sum_i8i64(struct I8I64 v);
void fill_i8i64(struct I8I64 *out, int8_t a, int64_t b);

/* Nested: the fields of Outer are a struct CI, a struct DD and a char; add adds recursively and
   sum_outer(v) == sum_ci(v.ci) + sum_dd(v.dd) + v.tail. */
struct Outer make_outer(struct CI ci, struct DD dd, char tail);
struct Outer add_outer(struct Outer x, struct Outer y);
double sum_outer(struct Outer v);
void fill_outer(struct Outer *out, struct CI ci, struct DD dd, char tail);

/* 16 floats (64 bytes): make/fill take 16 float arguments, so 8 of them go on the stack. */
struct F16 make_f16(float f0, float f1, float f2, float f3, float f4, float f5, float f6, float f7,
                    float f8, float f9, float f10, float f11, float f12, float f13, float f14,
                    float f15);
struct F16 add_f16(struct F16 x, struct F16 y);
double sum_f16(struct F16 v);
void fill_f16(struct F16 *out, float f0, float f1, float f2, float f3, float f4, float f5,
              float f6, float f7, float f8, float f9, float f10, float f11, float f12, float f13,
              float f14, float f15);

/* Pointers in a struct (MEMORY class). */
struct Ptrs make_ptrs(const char *name, void *data, int (*fn)(int, int));
void fill_ptrs(struct Ptrs *out, const char *name, void *data, int (*fn)(int, int));
/* p.fn((int)strlen(p.name), *(const int *)p.data); e.g. {"abc", &(int){7}, ptrs_fn} -> 307. */
int call_ptrs(struct Ptrs p);
/* a * 100 + b: a function whose address tests can put into a struct Ptrs. */
int ptrs_fn(int a, int b);

/*
 * Spilling: 8 ints (a7, a8 go on the stack), 10 doubles (d9, d10 on the stack), then a struct DD
 * and a struct CI that no longer fit in registers (passed on the stack whole), and a long (stack).
 * spill returns the weighted sum of the flattened arguments, weight = position:
 *   1*a1 + ... + 8*a8 + 9*d1 + ... + 18*d10 + 19*s.a + 20*s.b + 21*t.c + 22*t.i + 23*l9
 * so swapping any two different arguments changes the result. Canonical call:
 *   spill(1,2,3,4,5,6,7,8, 9.0,10.0,...,18.0, {19.0,20.0}, {21,22}, 23) == 4324.0 (= sum of k*k).
 */
double spill(int a1, int a2, int a3, int a4, int a5, int a6, int a7, int a8, double d1, double d2,
             double d3, double d4, double d5, double d6, double d7, double d8, double d9,
             double d10, struct DD s, struct CI t, long l9);
/* Same arguments, MEMORY-class return (hidden pointer takes rdi, so one more int spills):
   { (long)spill(...), a8, l9 }; canonical call -> {4324, 8, 23}. */
struct LLL spill_lll(int a1, int a2, int a3, int a4, int a5, int a6, int a7, int a8, double d1,
                     double d2, double d3, double d4, double d5, double d6, double d7, double d8,
                     double d9, double d10, struct DD s, struct CI t, long l9);
/* Same arguments, SSE-class return: { spill(...), d10 }; canonical call -> {4324.0, 18.0}. */
struct DD spill_dd(int a1, int a2, int a3, int a4, int a5, int a6, int a7, int a8, double d1,
                   double d2, double d3, double d4, double d5, double d6, double d7, double d8,
                   double d9, double d10, struct DD s, struct CI t, long l9);

#endif
