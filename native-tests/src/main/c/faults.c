/* libwasidl_faults.so: see wasidl_faults.h. */
#include "wasidl_faults.h"

#include <stdint.h>
#include <stdlib.h>

/* The address to read, out of the compiler's sight so that it does not refuse the read. */
volatile uintptr_t fault_address = 8;

void *fault_segv(void) {
  volatile uintptr_t *p = (volatile uintptr_t *)fault_address;
  return (void *)*p;
}

void *fault_abort(void) {
  abort();
}

/* Recurses with a frame the compiler must keep (no tail call, no loop) until the stack is gone;
   the depth limit, never reached, only tells the compiler the recursion can end. */
volatile uintptr_t fault_depth = UINTPTR_MAX;

static uintptr_t deeper(uintptr_t n) {
  volatile char frame[256];
  frame[n % sizeof frame] = (char)n;
  if (n == fault_depth) {
    return n;
  }
  return deeper(n + 1) + frame[(n + 1) % sizeof frame];
}

void *fault_stack(void) {
  return (void *)deeper(0);
}
