/* libhello.so: the library of the wasi:dl RFC's example (a guest opens "./{prefix}hello{suffix}",
   calls hello() with no arguments and a pointer return, and reads "hello" at the pointer). */
const char *hello(void);

const char *hello(void) { return "hello"; }
