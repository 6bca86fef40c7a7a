// A wasi-libc command (WASI preview1 through an adapter to WASI 0.2) with one subcommand per WASI
// feature, so a single .wasm per adapter covers them. Every output is deterministic, so it can be
// compared byte for byte with another runtime's (see ../wasi-expected.md).
//
//   hello | args ... | env [NAME] | stdin | exit N | clock | random | files DIR
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static int usage(void) {
  fprintf(stderr, "usage: wasi-cli-c hello|args|env [NAME]|stdin|exit N|clock|random|files DIR\n");
  return 2;
}

// The errno names the capability checks can meet (wasi-libc's numbering, so print the name).
static const char *errno_name(int e) {
  switch (e) {
    case 0: return "0";
    case EACCES: return "EACCES";
    case EBADF: return "EBADF";
    case EEXIST: return "EEXIST";
    case EINVAL: return "EINVAL";
    case EISDIR: return "EISDIR";
    case ENOENT: return "ENOENT";
    case ENOSYS: return "ENOSYS";
    case ENOTCAPABLE: return "ENOTCAPABLE";
    case ENOTDIR: return "ENOTDIR";
    case ENOTEMPTY: return "ENOTEMPTY";
    case EPERM: return "EPERM";
    case EROFS: return "EROFS";
    default: return "other";
  }
}

static int cmd_hello(void) {
  printf("hello from wasi-cli-c\n");
  fprintf(stderr, "a line on stderr\n");
  return 0;
}

static int cmd_args(int argc, char **argv) {
  printf("argc=%d\n", argc);
  for (int i = 1; i < argc; i++) printf("argv[%d]=%s\n", i, argv[i]);
  return 0;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmd_env(int argc, char **argv) {
  size_t n = 0;
  while (environ && environ[n]) n++;
  char **sorted = malloc((n + 1) * sizeof *sorted);
  memcpy(sorted, environ, n * sizeof *sorted);
  qsort(sorted, n, sizeof *sorted, cmp_str);
  printf("environ: %zu\n", n);
  for (size_t i = 0; i < n; i++) printf("%s\n", sorted[i]);
  free(sorted);
  if (argc > 2) {
    const char *v = getenv(argv[2]);
    printf("getenv(%s)=%s\n", argv[2], v ? v : "(null)");
  }
  return 0;
}

static int cmd_stdin(void) {
  size_t cap = 4096, len = 0;
  unsigned char *buf = malloc(cap);
  for (;;) {
    if (len == cap) buf = realloc(buf, cap *= 2);
    ssize_t r = read(0, buf + len, cap - len);
    if (r < 0) {
      printf("read error: %s\n", errno_name(errno));
      return 1;
    }
    if (r == 0) break;
    len += (size_t)r;
  }
  uint32_t h = 2166136261u;  // FNV-1a, 32 bits
  for (size_t i = 0; i < len; i++) h = (h ^ buf[i]) * 16777619u;
  printf("stdin: %zu bytes, fnv1a32 %08x\n", len, h);
  for (size_t i = 0; i < len; i++) buf[i] = (unsigned char)toupper(buf[i]);
  fwrite(buf, 1, len, stdout);
  free(buf);
  return 0;
}

static int cmd_clock(void) {
  struct timespec r, m0, m1;
  int e1 = clock_gettime(CLOCK_REALTIME, &r);
  int e2 = clock_gettime(CLOCK_MONOTONIC, &m0);
  struct timespec ten_ms = {0, 10 * 1000 * 1000};
  int e3 = nanosleep(&ten_ms, NULL);
  int e4 = clock_gettime(CLOCK_MONOTONIC, &m1);
  int64_t elapsed = (int64_t)(m1.tv_sec - m0.tv_sec) * 1000000000 + (m1.tv_nsec - m0.tv_nsec);
  printf("clock_gettime: %s\n", e1 || e2 || e4 ? "error" : "ok");
  printf("nanosleep(10ms): %s\n", e3 ? errno_name(errno) : "ok");
  printf("monotonic advanced >= 10ms: %s\n", elapsed >= 10000000 ? "yes" : "no");
  printf("realtime after 2024-01-01: %s\n", r.tv_sec > 1704067200 ? "yes" : "no");
  struct timespec res;
  printf("monotonic resolution > 0: %s\n",
         clock_getres(CLOCK_MONOTONIC, &res) == 0 && (res.tv_sec > 0 || res.tv_nsec > 0) ? "yes" : "no");
  return 0;
}

static int cmd_random(void) {
  unsigned char a[32], b[32];
  memset(a, 0, sizeof a);
  memset(b, 0, sizeof b);
  int ea = getentropy(a, sizeof a), eb = getentropy(b, sizeof b);
  printf("getentropy: %s\n", ea || eb ? "error" : "ok");
  printf("bytes: %zu\n", sizeof a);
  printf("two draws differ: %s\n", memcmp(a, b, sizeof a) ? "yes" : "no");
  int zero = 1;
  for (size_t i = 0; i < sizeof a; i++) zero &= a[i] == 0;
  printf("first draw all zero: %s\n", zero ? "yes" : "no");
  return 0;
}

static char path_buf[4][1024];
static const char *at(int slot, const char *dir, const char *name) {
  snprintf(path_buf[slot], sizeof path_buf[slot], "%s/%s", dir, name);
  return path_buf[slot];
}

static void list_sorted(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) {
    printf("opendir %s: %s\n", dir, errno_name(errno));
    return;
  }
  char *names[64];
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)) && n < 64) {
    if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) names[n++] = strdup(e->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof *names, cmp_str);
  printf("readdir:");
  for (int i = 0; i < n; i++) {
    printf(" %s", names[i]);
    free(names[i]);
  }
  printf("\n");
}

#define STEP(what, ok) printf("%s: %s\n", what, (ok) ? "ok" : errno_name(errno))

static int cmd_files(const char *dir) {
  const char *text = "hello, preopened directory\n";
  int fd = open(at(0, dir, "a.txt"), O_CREAT | O_TRUNC | O_WRONLY, 0644);
  STEP("create a.txt", fd >= 0);
  if (fd < 0) return 1;
  ssize_t w = write(fd, text, strlen(text));
  printf("write: %zd\n", w);
  STEP("close", close(fd) == 0);

  char buf[128] = {0};
  fd = open(at(0, dir, "a.txt"), O_RDONLY);
  STEP("open a.txt for reading", fd >= 0);
  ssize_t r = read(fd, buf, sizeof buf - 1);
  printf("read: %zd \"%.*s\"\n", r, r > 0 ? (int)r - 1 : 0, buf);
  close(fd);

  struct stat st;
  STEP("stat a.txt", stat(at(0, dir, "a.txt"), &st) == 0);
  printf("size: %lld, regular: %s\n", (long long)st.st_size, S_ISREG(st.st_mode) ? "yes" : "no");

  STEP("mkdir sub", mkdir(at(0, dir, "sub"), 0755) == 0);
  STEP("stat sub", stat(at(0, dir, "sub"), &st) == 0);
  printf("sub is a directory: %s\n", S_ISDIR(st.st_mode) ? "yes" : "no");
  fd = open(at(0, dir, "sub/b.txt"), O_CREAT | O_WRONLY, 0644);
  STEP("create sub/b.txt", fd >= 0);
  if (fd >= 0) close(fd);
  list_sorted(dir);

  STEP("rename a.txt -> c.txt", rename(at(0, dir, "a.txt"), at(1, dir, "c.txt")) == 0);
  list_sorted(dir);
  errno = 0;
  fd = open(at(0, dir, "a.txt"), O_RDONLY);
  printf("open a.txt after rename: %s\n", fd >= 0 ? "opened (bad)" : errno_name(errno));
  STEP("unlink c.txt", unlink(at(0, dir, "c.txt")) == 0);
  STEP("unlink sub/b.txt", unlink(at(0, dir, "sub/b.txt")) == 0);
  STEP("rmdir sub", rmdir(at(0, dir, "sub")) == 0);
  list_sorted(dir);

  // The capability checks: nothing outside the preopen is reachable.
  errno = 0;
  fd = open(at(0, dir, "../outside"), O_CREAT | O_WRONLY, 0644);
  printf("open %s/../outside: %s\n", dir, fd >= 0 ? "opened (bad)" : errno_name(errno));
  if (fd >= 0) close(fd);
  errno = 0;
  fd = open("/etc/passwd", O_RDONLY);
  printf("open /etc/passwd: %s\n", fd >= 0 ? "opened (bad)" : errno_name(errno));
  if (fd >= 0) close(fd);
  errno = 0;
  fd = open("outside-relative.txt", O_RDONLY);
  printf("open outside-relative.txt: %s\n", fd >= 0 ? "opened (bad)" : errno_name(errno));
  if (fd >= 0) close(fd);
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2) return usage();
  const char *cmd = argv[1];
  if (!strcmp(cmd, "hello")) return cmd_hello();
  if (!strcmp(cmd, "args")) return cmd_args(argc, argv);
  if (!strcmp(cmd, "env")) return cmd_env(argc, argv);
  if (!strcmp(cmd, "stdin")) return cmd_stdin();
  if (!strcmp(cmd, "exit") && argc > 2) {
    printf("exiting with %d\n", atoi(argv[2]));
    fflush(stdout);
    exit(atoi(argv[2]));
  }
  if (!strcmp(cmd, "clock")) return cmd_clock();
  if (!strcmp(cmd, "random")) return cmd_random();
  if (!strcmp(cmd, "files") && argc > 2) return cmd_files(argv[2]);
  return usage();
}
