;; The consuming module of the linking tests, shaped like wit-component's fixup: it imports the
;; provider's function, memory, table and globals plus a host function, fills the provider's table
;; with its elem segment and writes the provider's memory with its data segment.
(module
  (type $ret_i32 (func (result i32)))
  (import "provider" "add" (func $add (param i32 i32) (result i32)))
  (import "provider" "mem" (memory 1))
  (import "provider" "tab" (table 4 funcref))
  (import "provider" "counter" (global $counter (mut i32)))
  (import "provider" "base" (global $base i32))
  (import "host" "seven" (func $seven (result i32)))
  (func $forty_two (result i32)
    i32.const 42)
  (func $base_plus_one (result i32)
    global.get $base
    i32.const 1
    i32.add)
  (elem (i32.const 0) func $forty_two $seven $base_plus_one)
  (data (i32.const 16) "\2a\00\00\00")
  ;; counter += by; returns add(counter, base)
  (func (export "bump") (param $by i32) (result i32)
    global.get $counter
    local.get $by
    i32.add
    global.set $counter
    global.get $counter
    global.get $base
    call $add)
  (func (export "store") (param i32 i32)
    local.get 0
    local.get 1
    i32.store))
