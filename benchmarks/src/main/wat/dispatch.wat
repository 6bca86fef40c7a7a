;; HostImportDispatch: a compiled wasm loop calling the host's env.add n times, and the same loop
;; with the addition inline (the floor the host call is measured against). ComponentCall: id, the
;; floor of a call from Java into wasm (one polyglot execute of a core export). The memory is
;; where HostImportDispatch's storing host functions write; wasm_add is the add another instance
;; imports (a call from one core instance into another).
(module
  (import "env" "add" (func $add (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "host_loop") (param $n i32) (result i32) (local $i i32) (local $acc i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc (call $add (local.get $acc) (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $acc))
  (func (export "inline_loop") (param $n i32) (result i32) (local $i i32) (local $acc i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc (i32.add (local.get $acc) (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $acc))
  (func (export "id") (param i32) (result i32)
    (local.get 0))
  (func (export "wasm_add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1))))
