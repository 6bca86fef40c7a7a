// A TCP client on WASI 0.2 sockets. wasi-libc (Debian's 2022 build, WASI preview1) has no socket()
// or connect() and preview1 cannot create sockets, so this program calls wasi:sockets@0.2.12
// directly with a hand-written canonical ABI (wit/ lists the imports), and uses wasi-libc for
// argv and printf (through a preview1 reactor adapter; its wasi:cli/run export is ../cli-run/run.c,
// because a wasm-ld command would run __wasm_call_dtors after every cabi_realloc: see there).
//
//   wasi-tcp-c A.B.C.D PORT LINE   connects, sends LINE and a newline, reads one line back, prints it
//                                  (the port is not printed, so outputs compare across runs)
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IMPORT(module, name) __attribute__((import_module(module "@0.2.12"), import_name(name)))

// wasi:sockets
IMPORT("wasi:sockets/instance-network", "instance-network") int32_t instance_network(void);
IMPORT("wasi:sockets/network", "[resource-drop]network") void network_drop(int32_t);
IMPORT("wasi:sockets/tcp-create-socket", "create-tcp-socket") void create_tcp_socket(int32_t family, void *ret);
IMPORT("wasi:sockets/tcp", "[method]tcp-socket.start-connect")
void tcp_start_connect(int32_t self, int32_t network, int32_t disc, int32_t port, int32_t a0, int32_t a1,
                       int32_t a2, int32_t a3, int32_t p6, int32_t p7, int32_t p8, int32_t p9, int32_t p10,
                       int32_t p11, void *ret);
IMPORT("wasi:sockets/tcp", "[method]tcp-socket.finish-connect") void tcp_finish_connect(int32_t self, void *ret);
IMPORT("wasi:sockets/tcp", "[method]tcp-socket.subscribe") int32_t tcp_subscribe(int32_t self);
IMPORT("wasi:sockets/tcp", "[resource-drop]tcp-socket") void tcp_drop(int32_t);
// wasi:io
IMPORT("wasi:io/poll", "[method]pollable.block") void pollable_block(int32_t self);
IMPORT("wasi:io/poll", "[resource-drop]pollable") void pollable_drop(int32_t);
IMPORT("wasi:io/error", "[resource-drop]error") void error_drop(int32_t);
IMPORT("wasi:io/streams", "[method]output-stream.blocking-write-and-flush")
void blocking_write_and_flush(int32_t self, const void *ptr, int32_t len, void *ret);
IMPORT("wasi:io/streams", "[method]input-stream.blocking-read")
void blocking_read(int32_t self, int64_t len, void *ret);
IMPORT("wasi:io/streams", "[resource-drop]input-stream") void input_stream_drop(int32_t);
IMPORT("wasi:io/streams", "[resource-drop]output-stream") void output_stream_drop(int32_t);

// Lists the host returns (blocking-read's bytes) are allocated here.
__attribute__((export_name("cabi_realloc")))
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
  (void)old_size;
  if (new_size == 0) return (void *)align;
  void *p = realloc(old, new_size);
  if (!p) abort();
  return p;
}

static const char *const ERROR_CODES[] = {
    "unknown", "access-denied", "not-supported", "invalid-argument", "out-of-memory", "timeout",
    "concurrency-conflict", "not-in-progress", "would-block", "invalid-state", "new-socket-limit",
    "address-not-bindable", "address-in-use", "remote-unreachable", "connection-refused",
    "connection-reset", "connection-aborted", "datagram-too-large", "name-unresolvable",
    "temporary-resolver-failure", "permanent-resolver-failure"};
#define WOULD_BLOCK 8

static const char *code_name(uint8_t c) {
  return c < sizeof ERROR_CODES / sizeof *ERROR_CODES ? ERROR_CODES[c] : "?";
}

// result<T, E> as the callee writes it through the return pointer: discriminant byte at 0, payload
// at 4 (every payload here is 4-aligned).
static _Alignas(8) uint8_t ret[16];
#define RET_I32(off) (*(int32_t *)(ret + (off)))

// a stream-error payload at 4: variant { last-operation-failed(own<error>), closed }
static const char *stream_error(void) {
  if (ret[4] == 0) {
    error_drop(RET_I32(8));
    return "last-operation-failed";
  }
  return "closed";
}

int main(int argc, char **argv) {
  unsigned a[4];
  if (argc != 4 || sscanf(argv[1], "%u.%u.%u.%u", &a[0], &a[1], &a[2], &a[3]) != 4) {
    fprintf(stderr, "usage: wasi-tcp-c A.B.C.D PORT LINE\n");
    return 2;
  }
  int port = atoi(argv[2]);
  const char *line = argv[3];

  int32_t net = instance_network();
  create_tcp_socket(0 /* ipv4 */, ret);
  if (ret[0]) {
    printf("create-tcp-socket: %s\n", code_name(ret[4]));
    return 1;
  }
  int32_t sock = RET_I32(4);
  tcp_start_connect(sock, net, 0 /* ipv4 */, port, a[0], a[1], a[2], a[3], 0, 0, 0, 0, 0, 0, ret);
  if (ret[0]) {
    printf("start-connect: %s\n", code_name(ret[1]));
    return 1;
  }
  int32_t in, out;
  for (;;) {
    int32_t p = tcp_subscribe(sock);
    pollable_block(p);
    pollable_drop(p);
    tcp_finish_connect(sock, ret);
    if (ret[0] == 0) {
      in = RET_I32(4);
      out = RET_I32(8);
      break;
    }
    if (ret[4] != WOULD_BLOCK) {
      printf("connect %s: %s\n", argv[1], code_name(ret[4]));
      return 1;
    }
  }
  printf("connected to %s\n", argv[1]);

  size_t n = strlen(line);
  char *msg = malloc(n + 1);
  memcpy(msg, line, n);
  msg[n] = '\n';
  blocking_write_and_flush(out, msg, (int32_t)n + 1, ret);
  free(msg);
  if (ret[0]) {
    printf("write: %s\n", stream_error());
    return 1;
  }
  printf("sent %zu bytes\n", n + 1);

  // read up to the first newline (or the end of the stream)
  size_t len = 0, cap = 256;
  char *reply = malloc(cap);
  const char *end = "newline";
  while (!memchr(reply, '\n', len)) {
    blocking_read(in, 4096, ret);
    if (ret[0]) {
      end = stream_error();
      break;
    }
    uint8_t *bytes = (uint8_t *)(uintptr_t)RET_I32(4);
    size_t got = (size_t)RET_I32(8);
    if (len + got > cap) reply = realloc(reply, cap = len + got);
    memcpy(reply + len, bytes, got);
    len += got;
    free(bytes);
  }
  char *nl = memchr(reply, '\n', len);
  size_t shown = nl ? (size_t)(nl - reply) : len;
  printf("received %zu bytes up to %s: %.*s\n", nl ? shown + 1 : len, end, (int)shown, reply);
  free(reply);

  input_stream_drop(in);
  output_stream_drop(out);
  tcp_drop(sock);
  network_drop(net);
  return 0;
}
