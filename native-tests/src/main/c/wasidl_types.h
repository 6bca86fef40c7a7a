/*
 * The structs shared by libwasidl_structs.so, libwasidl_pointers.so and layouts.c.
 * x86-64 System V classification of each (by value: INTEGER eightbytes go in general registers,
 * SSE eightbytes in xmm registers, MEMORY in a stack copy / hidden return pointer), sizes and
 * alignments as layouts.properties records them. Plain char is signed (c-schar).
 */
#ifndef WASIDL_TYPES_H
#define WASIDL_TYPES_H

#include <stdint.h>

struct CI { char c; int i; };             /* size 8,  align 4: INTEGER (padding after c) */
struct FF { float a, b; };                /* size 8,  align 4: SSE (both in one xmm) */
struct FFF { float a, b, c; };            /* size 12, align 4: SSE, SSE (second eightbyte half full) */
struct DD { double a, b; };               /* size 16, align 8: SSE, SSE */
struct IF { int i; float f; };            /* size 8,  align 4: INTEGER (int and float share it) */
struct LLL { long a, b, c; };             /* size 24, align 8: MEMORY */
struct CCC { char a, b, c; };             /* size 3,  align 1: INTEGER (odd size) */
struct DI { double d; int i; };           /* size 16, align 8: SSE, INTEGER */
struct SC { short s; char c; };           /* size 4,  align 2: INTEGER (tail padding) */
struct I8I64 { int8_t a; int64_t b; };    /* size 16, align 8: INTEGER, INTEGER (7 bytes padding) */
struct Outer { struct CI ci; struct DD dd; char tail; }; /* size 32, align 8: MEMORY; nested */
struct Ptrs { const char *name; void *data; int (*fn)(int, int); }; /* size 24: MEMORY */
struct F16 {                              /* size 64, align 4: MEMORY; 16 floats */
  float f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15;
};

#endif
