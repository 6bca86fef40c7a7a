/*
 * Prints layouts.properties: the C compiler's own sizes, alignments and field offsets, which the
 * Java side must reproduce. Keys:
 *   sizeof.<wit-primitive>=N, alignof.<wit-primitive>=N     (c-schar ... uint64-t, pointer)
 *   sizeof.struct.<S>=N, alignof.struct.<S>=N, offsetof.struct.<S>.<field>=N
 * (for nested structs the field is the inner struct: offsetof.struct.Outer.dd=8).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "wasidl_types.h"

#define PRIM(name, T) printf("sizeof.%s=%zu\nalignof.%s=%zu\n", name, sizeof(T), name, _Alignof(T));
#define STRUCT(S) \
  printf("sizeof.struct.%s=%zu\nalignof.struct.%s=%zu\n", #S, sizeof(struct S), #S, _Alignof(struct S));
#define FIELD(S, f) printf("offsetof.struct.%s.%s=%zu\n", #S, #f, offsetof(struct S, f));

int main(void) {
  PRIM("c-schar", signed char)
  PRIM("c-uchar", unsigned char)
  PRIM("c-short", short)
  PRIM("c-ushort", unsigned short)
  PRIM("c-int", int)
  PRIM("c-uint", unsigned int)
  PRIM("c-long", long)
  PRIM("c-ulong", unsigned long)
  PRIM("c-long-long", long long)
  PRIM("c-ulong-long", unsigned long long)
  PRIM("c-float", float)
  PRIM("c-double", double)
  PRIM("int8-t", int8_t)
  PRIM("int16-t", int16_t)
  PRIM("int32-t", int32_t)
  PRIM("int64-t", int64_t)
  PRIM("uint8-t", uint8_t)
  PRIM("uint16-t", uint16_t)
  PRIM("uint32-t", uint32_t)
  PRIM("uint64-t", uint64_t)
  PRIM("pointer", void *)

  STRUCT(CI) FIELD(CI, c) FIELD(CI, i)
  STRUCT(FF) FIELD(FF, a) FIELD(FF, b)
  STRUCT(FFF) FIELD(FFF, a) FIELD(FFF, b) FIELD(FFF, c)
  STRUCT(DD) FIELD(DD, a) FIELD(DD, b)
  STRUCT(IF) FIELD(IF, i) FIELD(IF, f)
  STRUCT(LLL) FIELD(LLL, a) FIELD(LLL, b) FIELD(LLL, c)
  STRUCT(CCC) FIELD(CCC, a) FIELD(CCC, b) FIELD(CCC, c)
  STRUCT(DI) FIELD(DI, d) FIELD(DI, i)
  STRUCT(SC) FIELD(SC, s) FIELD(SC, c)
  STRUCT(I8I64) FIELD(I8I64, a) FIELD(I8I64, b)
  STRUCT(Outer) FIELD(Outer, ci) FIELD(Outer, dd) FIELD(Outer, tail)
  STRUCT(Ptrs) FIELD(Ptrs, name) FIELD(Ptrs, data) FIELD(Ptrs, fn)
  STRUCT(F16)
  FIELD(F16, f0) FIELD(F16, f1) FIELD(F16, f2) FIELD(F16, f3) FIELD(F16, f4) FIELD(F16, f5)
  FIELD(F16, f6) FIELD(F16, f7) FIELD(F16, f8) FIELD(F16, f9) FIELD(F16, f10) FIELD(F16, f11)
  FIELD(F16, f12) FIELD(F16, f13) FIELD(F16, f14) FIELD(F16, f15)
  return fflush(stdout) != 0 || ferror(stdout) ? 1 : 0;
}
