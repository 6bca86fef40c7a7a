;; A host function's string result lowered into a guest whose cabi_realloc misbehaves on demand
;; (set-mode): 1 calls an import, which realloc may not; 2 returns a range past the end of memory.
;; The host's store adapter calls realloc itself for a queued allocation, so these must trap there
;; as they trap when the host calls realloc. realloc lives in a module of its own so that the
;; string's canon lower can name it before the module that imports the lowered function.
(component
  (import "ping" (func $ping))
  (import "greet" (func $greet (result string)))
  (core func $ping-lowered (canon lower (func $ping)))
  (core module $a
    (import "env" "ping" (func $ping))
    (memory (export "memory") 1)
    (global $mode (mut i32) (i32.const 0))
    (global $next (mut i32) (i32.const 1024))
    (func (export "set-mode") (param i32)
      (global.set $mode (local.get 0)))
    (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32)
      (if (i32.eq (global.get $mode) (i32.const 1))
        (then (call $ping)))
      (if (i32.eq (global.get $mode) (i32.const 2))
        (then (return (i32.const 65534))))
      (global.set $next (i32.add (global.get $next) (local.get 3)))
      (i32.sub (global.get $next) (local.get 3))))
  (core instance $a (instantiate $a (with "env" (instance (export "ping" (func $ping-lowered))))))
  (alias core export $a "memory" (core memory $memory))
  (core func $greet-lowered
    (canon lower (func $greet) (memory $memory) (realloc (core func $a "cabi_realloc"))))
  (core module $m
    (import "env" "memory" (memory 1))
    (import "env" "greet" (func $greet (param i32)))
    (import "env" "set-mode" (func $set-mode (param i32)))
    ;; greet's (pointer, length) at 16; returns the length
    (func (export "greet-len") (param i32) (result i32)
      (call $set-mode (local.get 0))
      (call $greet (i32.const 16))
      (i32.load offset=4 (i32.const 16)))
    ;; byte i of the last greeting
    (func (export "greet-byte") (param i32) (result i32)
      (i32.load8_u (i32.add (i32.load (i32.const 16)) (local.get 0)))))
  (core instance $i (instantiate $m
    (with "env" (instance
      (export "memory" (memory $memory))
      (export "greet" (func $greet-lowered))
      (export "set-mode" (func $a "set-mode"))))))
  (func (export "greet-len") (param "mode" u32) (result u32)
    (canon lift (core func $i "greet-len")))
  (func (export "greet-byte") (param "i" u32) (result u32)
    (canon lift (core func $i "greet-byte"))))
