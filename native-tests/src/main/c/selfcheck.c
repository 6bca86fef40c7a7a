/*
 * Run by build.sh on every build: checks, on this machine's dynamic loader, the dlopen behaviour that
 * wasidl_dlopen.h documents and the open-flag tests rely on. Silent on success; exit 1 on a mismatch.
 * Usage: selfcheck <dir holding the built libraries>
 */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "wasidl_dlopen.h"

static const char *dir;
static int failures;

static void *open_lib(const char *name, int flags, int expect_ok, const char *what) {
  char path[4096];
  snprintf(path, sizeof path, "%s/lib%s.so", dir, name);
  void *h = dlopen(path, flags);
  const char *err = h ? NULL : dlerror();
  if (expect_ok && h == NULL) {
    fprintf(stderr, "native-tests selfcheck: %s: dlopen(%s) failed: %s\n", what, name, err);
    failures++;
  } else if (!expect_ok && h != NULL) {
    fprintf(stderr, "native-tests selfcheck: %s: dlopen(%s) succeeded, expected it to fail\n", what, name);
    failures++;
  } else if (!expect_ok && strstr(err, "undefined symbol: provided_value") == NULL) {
    fprintf(stderr, "native-tests selfcheck: %s: unexpected dlerror: %s\n", what, err);
    failures++;
  }
  return h;
}

static void expect_consume(void *h, const char *what) {
  if (h == NULL) return;
  int (*f)(void) = (int (*)(void))dlsym(h, "consume");
  int got = f ? f() : -1;
  if (got != 4243) {
    fprintf(stderr, "native-tests selfcheck: %s: consume() returned %d, expected 4243\n", what, got);
    failures++;
  }
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: selfcheck <dir>\n");
    return 2;
  }
  dir = argv[1];
  open_lib("wasidl_consumer", RTLD_NOW, 0, "RTLD_NOW without the provider");
  open_lib("wasidl_provider", RTLD_NOW | RTLD_LOCAL, 1, "provider RTLD_LOCAL");
  open_lib("wasidl_consumer", RTLD_NOW, 0, "RTLD_NOW with the provider only RTLD_LOCAL");
  void *lazy = open_lib("wasidl_consumer_lazy", RTLD_LAZY, 1, "RTLD_LAZY without the provider");
  open_lib("wasidl_consumer_lazy", RTLD_NOW, 1, "RTLD_NOW on an already lazily loaded library");
  open_lib("wasidl_provider", RTLD_NOW | RTLD_GLOBAL, 1, "provider promoted to RTLD_GLOBAL");
  expect_consume(lazy, "lazy consumer, provider opened RTLD_GLOBAL after it");
  void *now = open_lib("wasidl_consumer", RTLD_NOW, 1, "RTLD_NOW with the provider RTLD_GLOBAL");
  expect_consume(now, "RTLD_NOW consumer");
  return failures ? 1 : 0;
}
