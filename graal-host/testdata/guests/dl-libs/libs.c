// The wasi:dl demo: a WASI command calling real system libraries, picked at run time, with
// signatures built at run time, and printing each call and its result:
//   libm: cos, pow          libc: strlen, getpid
//   zlib: zlibVersion, crc32, compressBound, and a compress/uncompress round trip through allocs
//
//   dl-libs [--libm NAME] [--libc NAME] [--libz NAME]
// Default names come from dll.extension(): "so" -> libm.so.6, libc.so.6, libz.so.1 (the sonames;
// plain libm.so / libc.so are linker scripts on glibc systems, which dlopen refuses); "dylib" ->
// libm.dylib, libc.dylib, libz.dylib; "dll" -> ucrtbase.dll twice and zlib1.dll.
// Exit status 0 when every call gave the expected result, 1 otherwise (it goes on after a failure).
#define WASI_DL_WITH_STDIO
#include "../dl-common/wasi_dl.h"

static int failures;

// Ends a section: prints the first failure, if any, and resets for the next section.
static void section_end(void) {
  if (!DL_OK) {
    printf("  FAILED: %s\n", dl_err);
    failures++;
  }
  dl_reset();
}

static int32_t open_lib(const char *what, const char *name) {
  int32_t lib = dl_open(name, DL_NOW);
  if (lib) printf("%s: opened %s\n", what, name);
  else printf("%s: cannot open %s\n", what, name);
  return lib;
}

static int32_t func(int32_t lib, const char *name, const char *sig) {
  int32_t f = dl_func(lib, name, sig);
  if (f) printf("  %s: %s\n", name, sig);
  return f;
}

static void check(int ok, const char *what) {
  if (!ok && DL_OK) dl_fail("%s", what);
}

// A pointer-typed alloc holding s (NUL-terminated); its region is strlen(s) + 1 bytes.
static int32_t string_alloc(const char *s) {
  int32_t a = dl_alloc("pointer");
  if (a && wasi_dl_alloc_write_string(a, s, strlen(s)) != 0) dl_fail("write-string of %zu bytes failed", strlen(s));
  return a;
}

static void libm(const char *name) {
  int32_t lib = open_lib("libm", name);
  int32_t cos = func(lib, "cos", "(c-double) -> c-double");
  double c0 = dl_ret_f64(dl_call(cos, 1, dl_f64(DL_C_DOUBLE, 0.0)));
  if (DL_OK) printf("  cos(0) = %.17g\n", c0);
  check(c0 == 1.0, "cos(0) != 1");
  double cpi = dl_ret_f64(dl_call(cos, 1, dl_f64(DL_C_DOUBLE, 3.141592653589793)));
  if (DL_OK) printf("  cos(3.141592653589793) = %.17g\n", cpi);
  check(cpi == -1.0, "cos(pi) != -1");
  int32_t pow = func(lib, "pow", "(c-double, c-double) -> c-double");
  double p10 = dl_ret_f64(dl_call(pow, 2, dl_f64(DL_C_DOUBLE, 2), dl_f64(DL_C_DOUBLE, 10)));
  if (DL_OK) printf("  pow(2, 10) = %.17g\n", p10);
  check(p10 == 1024.0, "pow(2, 10) != 1024");
  double ph = dl_ret_f64(dl_call(pow, 2, dl_f64(DL_C_DOUBLE, 2), dl_f64(DL_C_DOUBLE, 0.5)));
  if (DL_OK) printf("  pow(2, 0.5) = %.17g\n", ph);
  check(ph == 1.4142135623730951, "pow(2, 0.5) != sqrt(2)");
  if (cos) wasi_dl_function_drop(cos);
  if (pow) wasi_dl_function_drop(pow);
  if (lib) wasi_dl_library_drop(lib);
  section_end();
}

// size_t as a wasi:dl type: c-ulong where it is pointer-sized (LP64), else c-ulong-long (LLP64).
static const char *size_t_type(void) {
  return wasi_dl_sizeof(DL_C_ULONG) == wasi_dl_sizeof(DL_POINTER) ? "c-ulong" : "c-ulong-long";
}

static void libc(const char *name, int windows) {
  static const char text[] = "hello, wasi:dl";
  char sig[64];
  int32_t lib = open_lib("libc", name);
  snprintf(sig, sizeof sig, "(pointer) -> %s", size_t_type());
  int32_t strlen_ = func(lib, "strlen", sig);
  int32_t s = strlen_ ? string_alloc(text) : 0;
  uint64_t n = dl_ret_u64(dl_call(strlen_, 1, dl_addr(s)));
  if (DL_OK) printf("  strlen(\"%s\") = %llu\n", text, (unsigned long long)n);
  check(n == strlen(text), "strlen is wrong");
  const char *getpid_name = windows ? "_getpid" : "getpid";
  int32_t getpid = func(lib, getpid_name, "() -> c-int");
  int64_t pid = dl_ret_s64(dl_call(getpid, 0));
  if (DL_OK) printf("  %s() = %lld\n", getpid_name, (long long)pid);
  check(pid > 0, "getpid() <= 0");
  if (s) wasi_dl_alloc_drop(s);
  if (strlen_) wasi_dl_function_drop(strlen_);
  if (getpid) wasi_dl_function_drop(getpid);
  if (lib) wasi_dl_library_drop(lib);
  section_end();
}

// An out-parameter holding an unsigned long (zlib's uLong / uLongf).
static int32_t ulong_alloc(uint64_t v) {
  int32_t a = dl_alloc("c-ulong");
  dl_var o = dl_u64(DL_C_ULONG, v);
  if (a && o.tag == 0 && wasi_dl_alloc_write_primitive(a, o.val) != 0) dl_fail("write-primitive of a c-ulong failed");
  return a;
}

static uint64_t ulong_read(int32_t a) { return dl_ret_u64(dl_read_prim(a)); }

static void libz(const char *name) {
  static const char hello[] = "hello, wasi:dl";
  int32_t lib = open_lib("zlib", name);

  int32_t version = func(lib, "zlibVersion", "() -> pointer");
  int32_t v = dl_ret_alloc(dl_call(version, 0));
  char *vs = v ? dl_read_string(v) : NULL;
  if (DL_OK) printf("  zlibVersion() = \"%s\"\n", vs);
  check(vs && vs[0] == '1', "zlibVersion() does not start with 1");
  free(vs);
  if (v) wasi_dl_alloc_drop(v);

  int32_t crc32 = func(lib, "crc32", "(c-ulong, pointer, c-uint) -> c-ulong");
  int32_t h = crc32 ? string_alloc(hello) : 0;
  uint64_t crc = dl_ret_u64(dl_call(crc32, 3, dl_u64(DL_C_ULONG, 0), dl_addr(h), dl_u32(DL_C_UINT, sizeof hello - 1)));
  if (DL_OK) printf("  crc32(0, \"%s\", %zu) = 0x%08llx\n", hello, sizeof hello - 1, (unsigned long long)crc);
  check(crc == 0xc9781ba5ull, "crc32 is not 0xc9781ba5");
  if (h) wasi_dl_alloc_drop(h);

  // The round trip: 448 bytes of text, compressed into a buffer of compressBound(448) bytes,
  // uncompressed into a third buffer, compared. Buffers are pointer-typed allocs grown to size by
  // write-string (the region holds the string's bytes and a NUL); the lengths are c-ulong allocs
  // passed by address (uLongf *destLen).
  char text[449];
  for (int k = 0; k < 56; k++) memcpy(text + 8 * k, "wasi:dl ", 8);
  text[448] = 0;
  int32_t bound_fn = func(lib, "compressBound", "(c-ulong) -> c-ulong");
  uint64_t bound = dl_ret_u64(dl_call(bound_fn, 1, dl_u64(DL_C_ULONG, 448)));
  if (DL_OK) printf("  compressBound(448) = %llu\n", (unsigned long long)bound);
  check(bound >= 448 && bound < 1024, "compressBound(448) is not in [448, 1024)");
  int32_t compress = func(lib, "compress", "(pointer, pointer, pointer, c-ulong) -> c-int");
  int32_t uncompress = func(lib, "uncompress", "(pointer, pointer, pointer, c-ulong) -> c-int");
  char *filler = malloc(bound + 1);
  memset(filler, '.', bound);
  filler[bound] = 0;
  int32_t src = DL_OK ? string_alloc(text) : 0;
  int32_t dest = DL_OK ? string_alloc(filler) : 0;
  int32_t dest_len = DL_OK ? ulong_alloc(bound) : 0;
  free(filler);
  int64_t rc = dl_ret_s64(dl_call(compress, 4, dl_addr(dest), dl_addr(dest_len), dl_addr(src), dl_u64(DL_C_ULONG, 448)));
  uint64_t clen = DL_OK ? ulong_read(dest_len) : 0;
  if (DL_OK) printf("  compress(dest, &destLen = %llu, \"wasi:dl \" x 56, 448) = %lld, destLen = %llu\n",
                    (unsigned long long)bound, (long long)rc, (unsigned long long)clen);
  check(rc == 0, "compress did not return Z_OK");
  check(clen > 0 && clen < 448, "compressed length not in (0, 448)");

  char back_filler[449];
  memset(back_filler, '.', 448);
  back_filler[448] = 0;
  int32_t back = DL_OK ? string_alloc(back_filler) : 0;
  int32_t back_len = DL_OK ? ulong_alloc(448) : 0;
  rc = dl_ret_s64(dl_call(uncompress, 4, dl_addr(back), dl_addr(back_len), dl_addr(dest), dl_u64(DL_C_ULONG, clen)));
  uint64_t blen = DL_OK ? ulong_read(back_len) : 0;
  if (DL_OK) printf("  uncompress(back, &backLen = 448, dest, %llu) = %lld, backLen = %llu\n",
                    (unsigned long long)clen, (long long)rc, (unsigned long long)blen);
  check(rc == 0, "uncompress did not return Z_OK");
  check(blen == 448, "uncompressed length != 448");
  char *round = back ? dl_read_string(back) : NULL;
  int same = round && strcmp(round, text) == 0;
  if (DL_OK) printf("  round trip: %s\n", same ? "448 bytes, equal" : "DIFFERENT");
  check(same, "round trip changed the text");
  free(round);

  int32_t allocs[] = {src, dest, dest_len, back, back_len};
  for (size_t k = 0; k < sizeof allocs / sizeof *allocs; k++)
    if (allocs[k]) wasi_dl_alloc_drop(allocs[k]);
  int32_t fns[] = {version, crc32, bound_fn, compress, uncompress};
  for (size_t k = 0; k < sizeof fns / sizeof *fns; k++)
    if (fns[k]) wasi_dl_function_drop(fns[k]);
  if (lib) wasi_dl_library_drop(lib);
  section_end();
}

int main(int argc, char **argv) {
  char *pre = dl_prefix(), *suf = dl_suffix(), *ext = dl_extension();
  printf("wasi:dl: prefix \"%s\", suffix \"%s\", extension \"%s\"\n", pre, suf, ext);
  int windows = strcmp(ext, "dll") == 0, mac = strcmp(ext, "dylib") == 0;
  const char *m = windows ? "ucrtbase.dll" : mac ? "libm.dylib" : "libm.so.6";
  const char *c = windows ? "ucrtbase.dll" : mac ? "libc.dylib" : "libc.so.6";
  const char *z = windows ? "zlib1.dll" : mac ? "libz.dylib" : "libz.so.1";
  for (int k = 1; k < argc; k++) {
    if (k + 1 < argc && strcmp(argv[k], "--libm") == 0) m = argv[++k];
    else if (k + 1 < argc && strcmp(argv[k], "--libc") == 0) c = argv[++k];
    else if (k + 1 < argc && strcmp(argv[k], "--libz") == 0) z = argv[++k];
    else {
      fprintf(stderr, "usage: dl-libs [--libm NAME] [--libc NAME] [--libz NAME]\n");
      return 2;
    }
  }
  libm(m);
  libc(c, windows);
  libz(z);
  if (failures) printf("%d librar%s failed\n", failures, failures == 1 ? "y" : "ies");
  else printf("all calls returned the expected results\n");
  free(pre);
  free(suf);
  free(ext);
  return failures ? 1 : 0;
}
