/* libwasidl_hostile.so: see wasidl_hostile.h. */
#include "wasidl_hostile.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

const unsigned char hostile_small[16] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};

static size_t page(void) { return (size_t)sysconf(_SC_PAGESIZE); }

/* n pages, PROT_NONE, or NULL. */
static char *reserve(size_t n) {
  void *p = mmap(NULL, n * page(), PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? NULL : p;
}

void *hostile_prot_none(void) {
  static char *p;
  if (!p) p = reserve(1);
  return p;
}

void *hostile_read_only(void) {
  static char *p;
  if (!p) {
    char *q = reserve(1);
    if (!q || mprotect(q, page(), PROT_READ | PROT_WRITE) != 0) return NULL;
    memset(q, 0x5a, page());
    if (mprotect(q, page(), PROT_READ) != 0) return NULL;
    p = q;
  }
  return p;
}

char *hostile_unterminated(void) {
  static char *p;
  if (!p) {
    char *q = reserve(2);
    if (!q || mprotect(q, page(), PROT_READ | PROT_WRITE) != 0) return NULL;
    memset(q, 'A', page());
    p = q;
  }
  return p;
}

void *hostile_unmapped(void) {
  static char *p;
  if (!p) {
    char *q = reserve(3);
    if (!q || munmap(q + page(), page()) != 0) return NULL;
    p = q + page();
  }
  return p;
}
