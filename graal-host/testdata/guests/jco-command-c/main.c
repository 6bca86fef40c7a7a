// A wasi-libc command made a component by jco new --wasi-command (WASI 0.2 adapter from jco).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int main(int argc, char **argv) {
  const char *who = getenv("WHO");
  printf("hello %s from %s (%d args)\n", who ? who : "world", argc > 0 ? argv[0] : "?", argc);
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  char *copy = malloc(32);
  strcpy(copy, "malloc works");
  fprintf(stderr, "%s; monotonic clock %s\n", copy, ts.tv_sec >= 0 ? "ok" : "bad");
  free(copy);
  return argc > 1 ? 3 : 0;
}
