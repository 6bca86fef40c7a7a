/*
 * libwasidl_pointers.so: strings, out-parameters, function pointers, global data, errno, variadic
 * functions and callbacks. Strings are NUL-terminated bytes; plain char is signed.
 */
#ifndef WASIDL_POINTERS_H
#define WASIDL_POINTERS_H

#include <stddef.h>

#include "wasidl_types.h" /* struct CI, struct DD */

/* Strings */
const char *hello(void);                       /* "hello" (static storage: never free it) */
size_t count_char(const char *s, char c);      /* occurrences of c in s: ("banana", 'a') -> 3 */
void upcase(char *s);                          /* in place, ASCII a-z only: "ab1z" -> "AB1Z" */
char *dup_concat(const char *a, const char *b); /* malloc'd a followed by b; NULL if out of memory */
void free_str(char *s);                        /* free(s); NULL is fine */

/* Out-parameters */
void divmod(int a, int b, int *q, int *r);     /* *q = a / b, *r = a % b (C truncation): (-7,2) -> -3,-1 */
/* *out = malloc'd "Hello, <name>!" (free with free_str); returns its strlen, -1 if out of memory:
   ("Bob", &s) -> 11, s = "Hello, Bob!" */
int make_greeting(const char *name, char **out);

/* Function pointers: get_op(0) adds, get_op(1) subtracts (a - b), get_op(2) multiplies;
   any other which -> NULL. */
int (*get_op(int which))(int, int);

/* Global data, read and written from outside through their symbols. Initial values: */
extern int counter;                            /* 42 */
extern double ratio;                           /* 0.5 */
extern const char *greeting;                   /* points at "hi there" */
extern struct CI origin;                       /* {'o', 7} ('o' == 111) */
int bump_counter(void);                        /* ++counter: first call in a fresh process -> 43 */
int get_counter(void);                         /* counter */
double get_ratio(void);                        /* ratio */
const char *get_greeting(void);                /* greeting (the pointer value, not a copy) */
struct CI get_origin(void);                    /* origin */

/* errno */
int fail_with(int e);                          /* errno = e; returns -1 */

/* Variadic (x86-64: callers must set al; floats are promoted to double) */
int sum_ints(int n, ...);                      /* sum of n int varargs: (3, 1, 2, 3) -> 6 */
double sum_doubles(int n, ...);                /* sum of n double varargs: (2, 0.5, 0.25) -> 0.75 */
/* One vararg per fmt char: 'i' int, 'l' long long, 'd' double truncated toward zero (added as
   (long long)d); other chars are skipped and consume nothing. ("ild", 1, 2LL, 3.9) -> 6 */
long long sum_mixed(const char *fmt, ...);

/* Callbacks */
int apply(int (*cb)(int, int), int a, int b);  /* cb(a, b) */
void for_each(const int *arr, int n, void (*cb)(int)); /* cb(arr[0]), ..., cb(arr[n-1]), in order */
double apply_dd(struct DD (*cb)(struct DD), struct DD x); /* r = cb(x); returns r.a + r.b */
struct DD map_dd(struct DD (*cb)(struct DD), struct DD x); /* returns cb(x) by value */

/* Raw pointers */
int is_null(const void *p);                    /* 1 if p == NULL, else 0 */
void *echo_ptr(void *p);                       /* p */

#endif
