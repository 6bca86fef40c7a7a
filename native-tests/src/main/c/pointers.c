/* libwasidl_pointers.so: see wasidl_pointers.h for every function and its expected results. */
#include "wasidl_pointers.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *hello(void) { return "hello"; }

size_t count_char(const char *s, char c) {
  size_t n = 0;
  for (; *s; s++) n += *s == c;
  return n;
}

void upcase(char *s) {
  for (; *s; s++)
    if (*s >= 'a' && *s <= 'z') *s = (char)(*s - 'a' + 'A');
}

char *dup_concat(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  char *r = malloc(la + lb + 1);
  if (r == NULL) return NULL;
  memcpy(r, a, la);
  memcpy(r + la, b, lb + 1);
  return r;
}

void free_str(char *s) { free(s); }

void divmod(int a, int b, int *q, int *r) {
  *q = a / b;
  *r = a % b;
}

int make_greeting(const char *name, char **out) {
  size_t n = strlen("Hello, !") + strlen(name);
  char *s = malloc(n + 1);
  if (s == NULL) return -1;
  snprintf(s, n + 1, "Hello, %s!", name);
  *out = s;
  return (int)n;
}

static int op_add(int a, int b) { return a + b; }
static int op_sub(int a, int b) { return a - b; }
static int op_mul(int a, int b) { return a * b; }

int (*get_op(int which))(int, int) {
  switch (which) {
    case 0: return op_add;
    case 1: return op_sub;
    case 2: return op_mul;
    default: return NULL;
  }
}

int counter = 42;
double ratio = 0.5;
const char *greeting = "hi there";
struct CI origin = {'o', 7};

int bump_counter(void) { return ++counter; }
int get_counter(void) { return counter; }
double get_ratio(void) { return ratio; }
const char *get_greeting(void) { return greeting; }
struct CI get_origin(void) { return origin; }

int fail_with(int e) {
  errno = e;
  return -1;
}

int sum_ints(int n, ...) {
  va_list ap;
  va_start(ap, n);
  int s = 0;
  for (int k = 0; k < n; k++) s += va_arg(ap, int);
  va_end(ap);
  return s;
}

double sum_doubles(int n, ...) {
  va_list ap;
  va_start(ap, n);
  double s = 0;
  for (int k = 0; k < n; k++) s += va_arg(ap, double);
  va_end(ap);
  return s;
}

long long sum_mixed(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  long long s = 0;
  for (; *fmt; fmt++) {
    switch (*fmt) {
      case 'i': s += va_arg(ap, int); break;
      case 'l': s += va_arg(ap, long long); break;
      case 'd': s += (long long)va_arg(ap, double); break;
      default: break;
    }
  }
  va_end(ap);
  return s;
}

int apply(int (*cb)(int, int), int a, int b) { return cb(a, b); }

void for_each(const int *arr, int n, void (*cb)(int)) {
  for (int k = 0; k < n; k++) cb(arr[k]);
}

double apply_dd(struct DD (*cb)(struct DD), struct DD x) {
  struct DD r = cb(x);
  return r.a + r.b;
}

struct DD map_dd(struct DD (*cb)(struct DD), struct DD x) { return cb(x); }

int is_null(const void *p) { return p == NULL; }
void *echo_ptr(void *p) { return p; }
