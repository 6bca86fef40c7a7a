// A wasi-libc reactor (WASI preview1 through an adapter to WASI 0.2) exporting its own interface,
// test:wasi-reactor/run (reactor.wit), with a hand-written canonical ABI: lifted exports take
// (ptr, len) strings and return a pointer to their spilled results; cabi_realloc is wasi-libc's
// realloc; post-return frees what the call returned.
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT(name) __attribute__((export_name("test:wasi-reactor/run@0.1.0#" name)))
#define POST(name) __attribute__((export_name("cabi_post_test:wasi-reactor/run@0.1.0#" name)))

__attribute__((export_name("cabi_realloc")))
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
  (void)old_size;
  (void)align;  // malloc's alignment (16) covers every canonical ABI alignment
  if (new_size == 0) return (void *)align;
  void *p = realloc(old, new_size);
  if (!p) abort();
  return p;
}

static _Alignas(8) unsigned char ret_area[16];

static char *cstr(const char *p, size_t len) {
  char *s = malloc(len + 1);
  memcpy(s, p, len);
  s[len] = 0;
  return s;
}

static void ret_string(size_t at, char *s) {
  *(uint32_t *)(ret_area + at) = (uint32_t)(uintptr_t)s;
  *(uint32_t *)(ret_area + at + 4) = (uint32_t)strlen(s);
}

EXPORT("greet") unsigned char *greet(const char *name_ptr, size_t name_len) {
  printf("greet(%.*s)\n", (int)name_len, name_ptr);
  fflush(stdout);
  char *out = malloc(name_len + 9);
  snprintf(out, name_len + 9, "Hello, %.*s!", (int)name_len, name_ptr);
  ret_string(0, out);
  return ret_area;
}

POST("greet") void greet_post(unsigned char *ret) {
  free((void *)(uintptr_t) * (uint32_t *)ret);
}

static const char *errno_name(int e) {
  switch (e) {
    case ENOENT: return "ENOENT";
    case ENOTCAPABLE: return "ENOTCAPABLE";
    case EPERM: return "EPERM";
    case EACCES: return "EACCES";
    case EISDIR: return "EISDIR";
    default: return "other";
  }
}

// result<u64, string>: discriminant byte at 0, payload at 8 (u64, or string ptr and len).
EXPORT("sum-file") unsigned char *sum_file(const char *path_ptr, size_t path_len) {
  char *path = cstr(path_ptr, path_len);
  memset(ret_area, 0, sizeof ret_area);
  char *err = NULL;
  FILE *f = fopen(path, "r");
  if (!f) {
    int e = errno;
    err = malloc(path_len + 32);
    sprintf(err, "open %s: %s", path, errno_name(e));
  } else {
    uint64_t sum = 0, n;
    int r;
    while ((r = fscanf(f, "%llu", (unsigned long long *)&n)) == 1) sum += n;
    if (r != EOF || ferror(f)) {
      err = malloc(path_len + 32);
      sprintf(err, "bad number in %s", path);
    }
    fclose(f);
    if (!err) *(uint64_t *)(ret_area + 8) = sum;
  }
  free(path);
  if (err) {
    ret_area[0] = 1;
    ret_string(8, err);
  }
  return ret_area;
}

POST("sum-file") void sum_file_post(unsigned char *ret) {
  if (ret[0] == 1) free((void *)(uintptr_t) * (uint32_t *)(ret + 8));
}
