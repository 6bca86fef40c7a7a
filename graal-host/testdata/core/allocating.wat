;; A guest whose cabi_realloc a store adapter calls for queued allocations (DeferredStores): a bump
;; allocator from 4096 that logs each call's four arguments at 1024 + 16 * n (n the call count,
;; which "calls" returns). "set_mode" makes it misbehave: 1 returns a pointer near the end of
;; memory, 2 traps, 3 calls the host ("env" "poke") first, as a realloc that may not leave must not.
(module
  (import "env" "poke" (func $poke))
  (memory (export "memory") 1)
  (global $next (mut i32) (i32.const 8192))
  (global $mode (mut i32) (i32.const 0))
  (global $calls (mut i32) (i32.const 0))
  (func (export "set_mode") (param i32)
    (global.set $mode (local.get 0)))
  (func (export "calls") (result i32)
    (global.get $calls))
  (func (export "cabi_realloc") (param $old i32) (param $old_size i32) (param $align i32)
    (param $size i32) (result i32)
    (local $log i32) (local $p i32)
    (local.set $log (i32.add (i32.const 1024) (i32.shl (global.get $calls) (i32.const 4))))
    (i32.store (local.get $log) (local.get $old))
    (i32.store offset=4 (local.get $log) (local.get $old_size))
    (i32.store offset=8 (local.get $log) (local.get $align))
    (i32.store offset=12 (local.get $log) (local.get $size))
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (if (i32.eq (global.get $mode) (i32.const 1))
      (then (return (i32.const 65530))))
    (if (i32.eq (global.get $mode) (i32.const 2))
      (then unreachable))
    (if (i32.eq (global.get $mode) (i32.const 3))
      (then (call $poke)))
    (local.set $p
      (i32.and
        (i32.add (global.get $next) (i32.sub (local.get $align) (i32.const 1)))
        (i32.sub (i32.const 0) (local.get $align))))
    (global.set $next (i32.add (local.get $p) (local.get $size)))
    (local.get $p)))
