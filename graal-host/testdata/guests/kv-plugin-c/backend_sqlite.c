// The SQLite backend: one table kv (bucket, key, value_hex) with the primary key (bucket, key) in
// a database file, through the system's libsqlite3.so.0 called with wasi:dl only (the only
// library it opens). The file is the WASI environment variable KV_SQLITE_PATH, default
// "kv.sqlite3"; libsqlite3 opens it itself, so it is a path of the host (relative to the host
// process's working directory), outside any WASI preopen.
//
// Values are stored as lowercase hex text: wasi:dl@0.2.0-draft moves bytes to and from native
// memory only as C strings (alloc.write-string / read-string; its WIT leaves byte access a TODO),
// so a list<u8> (which may hold NULs) crosses as hex, and sqlite3_bind_blob / column_blob cannot
// be fed or read. Keys and bucket names are bound as text (a key with a NUL is an error).
// Keys sort by SQLite's BINARY collation (memcmp of UTF-8), as in the memory backend.
//
// The libsqlite3 functions are looked up and typed once (function resources kept); statements are
// prepared once and reset after each use (bindings kept: a bucket is bound once per run of uses). Increment and compare-and-swap run in a BEGIN IMMEDIATE
// transaction, so they are atomic across instances and processes sharing the file. SQLite errors
// become other("sqlite: <errmsg>").
#define WASI_DL_OWN_CABI_REALLOC  // kv.c's: realloc while an export runs, when wasi:dl returns
#include "../dl-common/wasi_dl.h"

#include "backend.h"

__attribute__((import_module("wasi:cli/environment@0.2.0"), import_name("get-environment")))
void wasi_get_environment(kv_str *ret);

#define SQLITE_OK 0
#define SQLITE_ROW 100
#define SQLITE_DONE 101
#define SQLITE_OPEN_READWRITE 0x2
#define SQLITE_OPEN_CREATE 0x4
#define SQLITE_TRANSIENT UINT64_MAX  // (sqlite3_destructor_type)-1: SQLite copies the bytes

struct kv_bucket {
  kv_bucket *next;
  char *id;  // NUL-terminated
};

static kv_bucket *buckets;
static char *open_error;  // why the database could not be opened (sticky), or NULL
static int32_t db;        // alloc: the sqlite3 *
static struct {
  int32_t open, prepare, bind_text, bind_int64, step, column_text, reset, clear_bindings, finalize,
      errmsg, busy_timeout;
} fn;

typedef struct {
  const char *sql;
  int32_t stmt;      // alloc: the sqlite3_stmt *, 0 until prepared
  kv_bucket *bound;  // the bucket bound to ?1 (bindings outlive sqlite3_reset), or NULL
} statement;

static statement s_get = {"SELECT value_hex FROM kv WHERE bucket = ?1 AND key = ?2", 0, NULL};
static statement s_exists = {"SELECT 1 FROM kv WHERE bucket = ?1 AND key = ?2", 0, NULL};
static statement s_set = {"INSERT INTO kv (bucket, key, value_hex) VALUES (?1, ?2, ?3) "
                          "ON CONFLICT (bucket, key) DO UPDATE SET value_hex = excluded.value_hex", 0, NULL};
static statement s_delete = {"DELETE FROM kv WHERE bucket = ?1 AND key = ?2", 0, NULL};
static statement s_list = {"SELECT key FROM kv WHERE bucket = ?1 AND (?2 IS NULL OR key > ?2) "
                           "ORDER BY key LIMIT ?3", 0, NULL};
static statement s_begin = {"BEGIN IMMEDIATE", 0, NULL};
static statement s_commit = {"COMMIT", 0, NULL};
static statement s_rollback = {"ROLLBACK", 0, NULL};

// ---- errors -------------------------------------------------------------------------------------
// A wasi:dl failure (the header's sticky dl_err) as other("sqlite: ..."), clearing it.
static kv_error *dl_error(void) {
  kv_error *e = kv_other("sqlite: ", dl_err, strlen(dl_err), "");
  dl_reset();
  return e;
}

static int64_t call_int(int32_t f, size_t n, const dl_var *args) {
  return dl_ret_s64(dl_call_v(f, NULL, n, args));
}

// other("sqlite: <sqlite3_errmsg(db)>")
static kv_error *sqlite_error(void) {
  if (!DL_OK) return dl_error();
  dl_var a[] = {dl_addr(db)};
  int32_t msg = dl_ret_alloc(dl_call_v(fn.errmsg, NULL, 1, a));
  char *text = msg ? dl_read_string(msg) : NULL;
  if (msg) wasi_dl_alloc_drop(msg);
  if (!DL_OK) {
    free(text);
    return dl_error();
  }
  kv_error *e = kv_other("sqlite: ", text, strlen(text), "");
  free(text);
  return e;
}

// ---- statements ---------------------------------------------------------------------------------
// The statement, prepared on first use (0 on failure: the error is then in *e).
static int32_t prepared(statement *s, kv_error **e) {
  if (s->stmt) return s->stmt;
  int32_t sql, out = dl_alloc("pointer");
  dl_var a[] = {dl_addr(db), dl_cstr(s->sql, &sql), dl_s32(DL_C_INT, -1), dl_addr(out),
                dl_u64(DL_POINTER, 0)};
  int64_t rc = call_int(fn.prepare, 5, a);
  if (sql) wasi_dl_alloc_drop(sql);
  if (DL_OK && rc == SQLITE_OK) s->stmt = dl_ret_alloc(dl_read_prim(out));
  if (out) wasi_dl_alloc_drop(out);
  if (!DL_OK || rc != SQLITE_OK || !s->stmt) {
    *e = sqlite_error();
    s->stmt = 0;
  }
  return s->stmt;
}

// sqlite3_bind_text(stmt, i, text, len, SQLITE_TRANSIENT); text has no NUL (write-string refuses one).
static bool bind_text(int32_t stmt, int i, const char *p, size_t len) {
  if (!DL_OK) return false;
  char *z = malloc(len + 1);
  if (!z) abort();
  memcpy(z, p, len);
  z[len] = 0;
  if (strlen(z) != len) {
    free(z);
    dl_fail("a key or bucket name with a NUL byte cannot be stored");
    return false;
  }
  int32_t keep;
  dl_var a[] = {dl_addr(stmt), dl_s32(DL_C_INT, i), dl_cstr(z, &keep), dl_s32(DL_C_INT, (int32_t)len),
                dl_u64(DL_POINTER, SQLITE_TRANSIENT)};
  free(z);
  int64_t rc = call_int(fn.bind_text, 5, a);
  if (keep) wasi_dl_alloc_drop(keep);
  return DL_OK && rc == SQLITE_OK;
}

static bool bind_int64(int32_t stmt, int i, int64_t v) {
  dl_var a[] = {dl_addr(stmt), dl_s32(DL_C_INT, i), dl_s64(DL_C_LONG_LONG, v)};
  return DL_OK && call_int(fn.bind_int64, 3, a) == SQLITE_OK;
}

static int64_t step(int32_t stmt) {
  dl_var a[] = {dl_addr(stmt)};
  return DL_OK ? call_int(fn.step, 1, a) : -1;
}

// sqlite3_reset (and sqlite3_clear_bindings when clear): ready for the next use (their codes repeat
// step's). The bindings are kept otherwise, so a statement used on the same bucket again skips
// binding it (a third of the wasi:dl calls of a get).
static void done(statement *s, bool clear) {
  if (!s->stmt) return;
  char *pending = dl_err;  // keep a failure to report; reset regardless
  dl_err = NULL;
  dl_var a[] = {dl_addr(s->stmt)};
  call_int(fn.reset, 1, a);
  if (clear) {
    dl_var b[] = {dl_addr(s->stmt)};
    call_int(fn.clear_bindings, 1, b);
    s->bound = NULL;
  }
  if (pending) {
    dl_reset();
    dl_err = pending;
  }
}

// Column i of the current row as text (malloc'd), NULL on failure.
static char *column_text(int32_t stmt, int i) {
  dl_var a[] = {dl_addr(stmt), dl_s32(DL_C_INT, i)};
  int32_t text = DL_OK ? dl_ret_alloc(dl_call_v(fn.column_text, NULL, 2, a)) : 0;
  char *s = text ? dl_read_string(text) : NULL;
  if (text) wasi_dl_alloc_drop(text);
  if (!DL_OK) {
    free(s);
    return NULL;
  }
  return s;
}

// Binds the bucket (?1), unless still bound, and the key (?2) of s.
static bool bind_key(statement *s, kv_bucket *b, kv_str key) {
  if (s->bound != b) {
    s->bound = NULL;
    if (!bind_text(s->stmt, 1, b->id, strlen(b->id))) return false;
    s->bound = b;
  }
  return bind_text(s->stmt, 2, key.ptr, key.len);
}

// ---- hex ----------------------------------------------------------------------------------------
static char *to_hex(const uint8_t *p, size_t n) {
  static const char digits[] = "0123456789abcdef";
  char *h = kv_scratch(2 * n + 1);
  for (size_t i = 0; i < n; i++) h[2 * i] = digits[p[i] >> 4], h[2 * i + 1] = digits[p[i] & 15];
  h[2 * n] = 0;
  return h;
}

static int nibble(char c) {
  return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

// ---- opening ------------------------------------------------------------------------------------
// $KV_SQLITE_PATH or the default (malloc'd).
static char *database_path(void) {
  kv_str list;
  wasi_get_environment(&list);
  const kv_str *pairs = (const kv_str *)list.ptr;
  char *path = NULL;
  for (size_t i = 0; i < list.len; i++) {
    const kv_str *name = &pairs[2 * i], *value = &pairs[2 * i + 1];
    if (!path && name->len == strlen("KV_SQLITE_PATH") && memcmp(name->ptr, "KV_SQLITE_PATH", name->len) == 0) {
      path = malloc(value->len + 1);
      if (!path) abort();
      memcpy(path, value->ptr, value->len);
      path[value->len] = 0;
    }
    free((void *)name->ptr);
    free((void *)value->ptr);
  }
  free((void *)list.ptr);
  return path ? path : strdup("kv.sqlite3");
}

static void fail_open(const char *what) {
  if (!open_error) {
    size_t n = strlen(what) + 1;
    open_error = malloc(n);
    if (!open_error) abort();
    memcpy(open_error, what, n);
  }
}

// Prepares, runs to the end and finalizes one statement.
static kv_error *execute(const char *sql) {
  kv_error *e = NULL;
  statement once = {sql, 0, NULL};
  int32_t stmt = prepared(&once, &e);
  if (!stmt) return e;
  int64_t rc;
  while ((rc = step(stmt)) == SQLITE_ROW) {}
  if (rc != SQLITE_DONE) e = sqlite_error();
  dl_var f[] = {dl_addr(stmt)};
  call_int(fn.finalize, 1, f);
  wasi_dl_alloc_drop(stmt);
  return e;
}

// Opens the library, its functions, the database and the table, once. The journal is a WAL with
// synchronous=NORMAL: a commit is not an fsync (durable across a crash of the process, not of the
// machine), and readers in other processes do not block the writer.
static void open_database(void) {
  if (db || open_error) return;
  int32_t lib = dl_open("libsqlite3.so.0", DL_NOW);
  fn.open = dl_func(lib, "sqlite3_open_v2", "(pointer, pointer, c-int, pointer) -> c-int");
  fn.prepare = dl_func(lib, "sqlite3_prepare_v2", "(pointer, pointer, c-int, pointer, pointer) -> c-int");
  fn.bind_text = dl_func(lib, "sqlite3_bind_text", "(pointer, c-int, pointer, c-int, pointer) -> c-int");
  fn.bind_int64 = dl_func(lib, "sqlite3_bind_int64", "(pointer, c-int, c-long-long) -> c-int");
  fn.step = dl_func(lib, "sqlite3_step", "(pointer) -> c-int");
  fn.column_text = dl_func(lib, "sqlite3_column_text", "(pointer, c-int) -> pointer");
  fn.reset = dl_func(lib, "sqlite3_reset", "(pointer) -> c-int");
  fn.clear_bindings = dl_func(lib, "sqlite3_clear_bindings", "(pointer) -> c-int");
  fn.finalize = dl_func(lib, "sqlite3_finalize", "(pointer) -> c-int");
  fn.errmsg = dl_func(lib, "sqlite3_errmsg", "(pointer) -> pointer");
  fn.busy_timeout = dl_func(lib, "sqlite3_busy_timeout", "(pointer, c-int) -> c-int");
  if (lib) wasi_dl_library_drop(lib);  // the functions keep the library open
  if (!DL_OK) {
    fail_open(dl_err);
    dl_reset();
    return;
  }
  char *path = database_path();
  int32_t name, out = dl_alloc("pointer");
  dl_var a[] = {dl_cstr(path, &name), dl_addr(out), dl_s32(DL_C_INT, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE),
                dl_u64(DL_POINTER, 0)};
  int64_t rc = call_int(fn.open, 4, a);
  free(path);
  if (name) wasi_dl_alloc_drop(name);
  // even on failure SQLite returns a handle (for its errmsg)
  if (DL_OK) db = dl_ret_alloc(dl_read_prim(out));
  if (out) wasi_dl_alloc_drop(out);
  kv_error *e = NULL;
  if (DL_OK && rc == SQLITE_OK) {
    dl_var t[] = {dl_addr(db), dl_s32(DL_C_INT, 5000)};  // wait for other writers of the file
    call_int(fn.busy_timeout, 2, t);
    e = execute("PRAGMA journal_mode = WAL");
    if (!e) e = execute("PRAGMA synchronous = NORMAL");
    if (!e)
      e = execute("CREATE TABLE IF NOT EXISTS kv (bucket TEXT NOT NULL, key TEXT NOT NULL, "
                  "value_hex TEXT NOT NULL, PRIMARY KEY (bucket, key)) WITHOUT ROWID");
  } else {
    e = sqlite_error();
  }
  if (!e && !DL_OK) e = dl_error();
  if (e) {
    char *m = malloc(e->len + 1);
    if (!m) abort();
    memcpy(m, e->msg, e->len);
    m[e->len] = 0;
    fail_open(m + strlen("sqlite: "));
    free(m);
    dl_reset();
  }
}

// ---- the backend --------------------------------------------------------------------------------
// Finishes an operation: the statement reset (its bindings cleared after a failure, or when
// clear), a wasi:dl or SQLite failure as the error.
static kv_error *finish(statement *s, bool ok, kv_error *e, bool clear) {
  if (!e && (!ok || !DL_OK)) e = sqlite_error();
  done(s, clear || e != NULL);
  if (!DL_OK) dl_reset();
  return e;
}

kv_error *kvb_open(kv_str id, kv_bucket **out) {
  open_database();
  if (open_error) return kv_other("sqlite: ", open_error, strlen(open_error), "");
  for (kv_bucket *b = buckets; b; b = b->next) {
    if (strlen(b->id) == id.len && memcmp(b->id, id.ptr, id.len) == 0) {
      *out = b;
      return NULL;
    }
  }
  kv_bucket *b = malloc(sizeof *b);
  if (!b) abort();
  b->id = malloc(id.len + 1);
  if (!b->id) abort();
  memcpy(b->id, id.ptr, id.len);
  b->id[id.len] = 0;
  b->next = buckets;
  buckets = b;
  *out = b;
  return NULL;
}

kv_error *kvb_get(kv_bucket *b, kv_str key, kv_value *out) {
  kv_error *e = NULL;
  int32_t stmt = prepared(&s_get, &e);
  if (!stmt) return e;
  *out = (kv_value){false, NULL, 0};
  bool ok = bind_key(&s_get, b, key);
  int64_t rc = ok ? step(stmt) : -1;
  if (rc == SQLITE_ROW) {
    char *hex = column_text(stmt, 0);
    if (hex) {
      size_t n = strlen(hex) / 2;
      uint8_t *v = kv_scratch(n + 1);
      for (size_t i = 0; i < n; i++) v[i] = (uint8_t)(nibble(hex[2 * i]) << 4 | nibble(hex[2 * i + 1]));
      free(hex);
      *out = (kv_value){true, v, n};
    }
  }
  return finish(&s_get, rc == SQLITE_ROW || rc == SQLITE_DONE, e, false);
}

kv_error *kvb_set(kv_bucket *b, kv_str key, const uint8_t *value, size_t len) {
  kv_error *e = NULL;
  int32_t stmt = prepared(&s_set, &e);
  if (!stmt) return e;
  char *hex = to_hex(value, len);
  bool ok = bind_key(&s_set, b, key) && bind_text(stmt, 3, hex, 2 * len);
  return finish(&s_set, ok && step(stmt) == SQLITE_DONE, e, false);
}

kv_error *kvb_delete(kv_bucket *b, kv_str key) {
  kv_error *e = NULL;
  int32_t stmt = prepared(&s_delete, &e);
  if (!stmt) return e;
  bool ok = bind_key(&s_delete, b, key);
  return finish(&s_delete, ok && step(stmt) == SQLITE_DONE, e, false);
}

kv_error *kvb_exists(kv_bucket *b, kv_str key, bool *out) {
  kv_error *e = NULL;
  int32_t stmt = prepared(&s_exists, &e);
  if (!stmt) return e;
  bool ok = bind_key(&s_exists, b, key);
  int64_t rc = ok ? step(stmt) : -1;
  *out = rc == SQLITE_ROW;
  return finish(&s_exists, rc == SQLITE_ROW || rc == SQLITE_DONE, e, false);
}

kv_error *kvb_list_keys(kv_bucket *b, const kv_str *after, size_t max, kv_str *keys, size_t *n) {
  kv_error *e = NULL;
  *n = 0;
  int32_t stmt = prepared(&s_list, &e);
  if (!stmt) return e;
  bool ok = bind_text(stmt, 1, b->id, strlen(b->id)) &&
            (!after || bind_text(stmt, 2, after->ptr, after->len)) && bind_int64(stmt, 3, (int64_t)max);
  int64_t rc = ok ? step(stmt) : -1;
  while (rc == SQLITE_ROW && *n < max) {
    char *key = column_text(stmt, 0);
    if (!key) break;
    size_t len = strlen(key);
    char *copy = kv_scratch(len + 1);
    memcpy(copy, key, len + 1);
    free(key);
    keys[(*n)++] = (kv_str){copy, len};
    rc = step(stmt);
  }
  return finish(&s_list, rc == SQLITE_ROW || rc == SQLITE_DONE, e, true);  // ?2 back to NULL
}

// Runs one of BEGIN IMMEDIATE / COMMIT / ROLLBACK.
static kv_error *run(statement *s) {
  kv_error *e = NULL;
  int32_t stmt = prepared(s, &e);
  if (!stmt) return e;
  return finish(s, step(stmt) == SQLITE_DONE, e, false);
}

// body inside BEGIN IMMEDIATE .. COMMIT, or ROLLBACK when it fails.
static kv_error *transaction(kv_error *body_error) {
  if (body_error) {
    run(&s_rollback);
    return body_error;
  }
  kv_error *e = run(&s_commit);
  if (e) run(&s_rollback);
  return e;
}

kv_error *kvb_increment(kv_bucket *b, kv_str key, int64_t delta, int64_t *sum) {
  kv_error *e = run(&s_begin);
  if (e) return e;
  kv_value old;
  uint8_t bytes[8];
  e = kvb_get(b, key, &old);
  if (!e) e = kv_add(key, &old, delta, sum, bytes);
  if (!e) e = kvb_set(b, key, bytes, 8);
  return transaction(e);
}

kv_error *kvb_compare_and_set(kv_bucket *b, kv_str key, const kv_value *expected,
                              const uint8_t *value, size_t len, bool *swapped) {
  kv_error *e = run(&s_begin);
  if (e) return e;
  kv_value now;
  *swapped = false;
  e = kvb_get(b, key, &now);
  if (!e && kv_same(&now, expected)) {
    e = kvb_set(b, key, value, len);
    *swapped = !e;
  }
  return transaction(e);
}
