;; may_leave: a guest's cabi_realloc that calls an import while the host lowers a string into it
;; must trap (the Canonical ABI forbids leaving an instance from realloc and post-return).
(component
  (import "ping" (func $ping))
  (core module $mem (memory (export "memory") 1))
  (core instance $mem (instantiate $mem))
  (alias core export $mem "memory" (core memory $memory))
  (core func $ping-lowered (canon lower (func $ping)))
  (core module $m
    (import "env" "memory" (memory 1))
    (import "env" "ping" (func $ping))
    (global $calls (mut i32) (i32.const 0))
    (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32)
      (call $ping)
      (i32.const 1024))
    (func (export "len") (param i32 i32) (result i32) (local.get 1)))
  (core instance $i (instantiate $m
    (with "env" (instance (export "memory" (memory $memory)) (export "ping" (func $ping-lowered))))))
  (func (export "len") (param "s" string) (result u32)
    (canon lift (core func $i "len") (memory $memory) (realloc (core func $i "cabi_realloc")))))
