// The RFC's own wasi:dl example (rfc-wasmtime-plugins-wasi-dl.md, "Usage") as a C component:
//   let lib = dll::Library::open(Some(&format!("./path/to/{pre}hello{suf}")), OpenFlags::NOW)?;
//   let func = lib.get("hello")?.function(vec![], Some(FfiType::Primitive(PrimitiveType::Pointer)));
//   let res = func.call(vec![])?.unwrap();   // IncomingValue::Primitive
//   assert_eq!(res.get_alloc()?.read_string()?, "hello");
// written against the raw imports of wasi_dl.h (hand-written canonical ABI), one step at a time,
// dropping every resource it obtains. The library is native-tests' libhello.so:
//   const char *hello(void) { return "hello"; }
#include "../dl-common/wasi_dl.h"

static dl_ret *fail(const char *step, char *msg) {
  size_t n = strlen(step) + strlen(msg) + 3;
  char *s = malloc(n);
  snprintf(s, n, "%s: %s", step, msg);
  free(msg);
  return dl_return(1, s);
}

static dl_ret *hello_in(const char *dir, size_t dir_len) {
  char *pre = dl_prefix(), *suf = dl_suffix();
  size_t n = dir_len + strlen(pre) + strlen(suf) + 8;
  char *name = malloc(n);
  snprintf(name, n, "%.*s/%shello%s", (int)dir_len, dir, pre, suf);
  free(pre);
  free(suf);

  // library.open(some(name), now) -> result<library, string>
  dl_ret r;
  wasi_dl_library_open(1, name, strlen(name), (int32_t)DL_NOW, &r);
  if (r.b[0] != 0) {
    char *e = dl_take_string(&r, 4);
    dl_ret *ret = fail(name, e);
    free(name);
    return ret;
  }
  free(name);
  int32_t lib = r.i[1];

  // library.get("hello") -> result<symbol, string>
  wasi_dl_library_get(lib, "hello", 5, &r);
  if (r.b[0] != 0) {
    wasi_dl_library_drop(lib);
    return fail("get hello", dl_take_string(&r, 4));
  }
  int32_t sym = r.i[1];

  // symbol.get-function([], some(primitive(pointer))) -> function
  int32_t fn = wasi_dl_symbol_get_function(sym, NULL, 0, 1, 0 /* primitive */, DL_POINTER);

  // function.call([]) -> result<option<incoming-value>>
  wasi_dl_function_call(fn, NULL, 0, &r);
  if (r.b[0] != 0) {
    wasi_dl_function_drop(fn);
    wasi_dl_symbol_drop(sym);
    wasi_dl_library_drop(lib);
    return fail("call hello", strdup("error result"));
  }
  const char *problem = r.b[4] == 0 ? "no return value" : r.b[8] != 0 ? "returned a struct" : NULL;
  if (problem) {
    if (r.b[4] != 0 && r.b[8] == 1) wasi_dl_incoming_struct_drop(r.i[3]);
    wasi_dl_function_drop(fn);
    wasi_dl_symbol_drop(sym);
    wasi_dl_library_drop(lib);
    return fail("call hello", strdup(problem));
  }
  int32_t value = r.i[3];

  // incoming-primitive.get-alloc() -> result<alloc>, then alloc.read-string() -> result<string>
  dl_ret *ret;
  wasi_dl_get_alloc(value, &r);
  if (r.b[0] != 0) {
    ret = fail("get-alloc", strdup("error result"));
  } else {
    int32_t alloc = r.i[1];
    wasi_dl_alloc_read_string(alloc, &r);
    if (r.b[0] != 0) {
      ret = fail("read-string", strdup("error result"));
    } else {
      char *s = dl_take_string(&r, 4);
      if (strcmp(s, "hello") == 0) {
        ret = dl_return(0, s);
      } else {
        size_t m = strlen(s) + 40;
        char *msg = malloc(m);
        snprintf(msg, m, "got \"%s\", expected \"hello\"", s);
        free(s);
        ret = fail("read-string", msg);
      }
    }
    wasi_dl_alloc_drop(alloc);
  }
  wasi_dl_incoming_primitive_drop(value);
  wasi_dl_function_drop(fn);
  wasi_dl_symbol_drop(sym);
  wasi_dl_library_drop(lib);
  return ret;
}

__attribute__((export_name("run"))) dl_ret *run(void) { return hello_in(".", 1); }
__attribute__((export_name("cabi_post_run"))) void run_post(dl_ret *r) { dl_return_free(r); }

__attribute__((export_name("run-in"))) dl_ret *run_in(const char *dir, size_t len) {
  dl_ret *r = hello_in(dir, len);
  if (len) free((void *)dir);  // the host allocated the argument with cabi_realloc
  return r;
}
__attribute__((export_name("cabi_post_run-in"))) void run_in_post(dl_ret *r) { dl_return_free(r); }
