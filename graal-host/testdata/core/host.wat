;; Calls Java host functions of several core signatures, traps in the ways wasm can, and exports a
;; memory with a bump-allocating cabi_realloc for the canonical ABI's Memory and Realloc.
(module
  (import "env" "add" (func $add (param i32 i32) (result i32)))
  (import "env" "mix" (func $mix (param i32 i64 f32 f64) (result f64)))
  (import "env" "mul_wide" (func $mul_wide (param i64 i64) (result i64)))
  (import "env" "half" (func $half (param f32) (result f32)))
  (import "env" "record" (func $record (param i32 i64)))
  (import "env" "tick" (func $tick))
  (import "env" "check" (func $check (param i32) (result i32)))
  (memory (export "memory") 1 16)
  (global $next (mut i32) (i32.const 1024))
  (func (export "call_add") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    call $add)
  (func (export "call_mix") (param i32 i64 f32 f64) (result f64)
    local.get 0
    local.get 1
    local.get 2
    local.get 3
    call $mix)
  (func (export "call_mul_wide") (param i64 i64) (result i64)
    local.get 0
    local.get 1
    call $mul_wide)
  (func (export "call_half") (param f32) (result f32)
    local.get 0
    call $half)
  (func (export "call_record") (param i32 i64)
    local.get 0
    local.get 1
    call $record)
  (func (export "call_tick_twice")
    call $tick
    call $tick)
  ;; check(x) + 1: the host function may trap, and then nothing after it runs
  (func (export "call_check") (param i32) (result i32)
    local.get 0
    call $check
    i32.const 1
    i32.add)
  ;; sum of add(acc, i) for i in [0, n): the host-call benchmark loop
  (func (export "add_loop") (param $n i32) (result i32)
    (local $i i32)
    (local $acc i32)
    (block $done
      (loop $again
        local.get $i
        local.get $n
        i32.ge_u
        br_if $done
        local.get $acc
        local.get $i
        call $add
        local.set $acc
        local.get $i
        i32.const 1
        i32.add
        local.set $i
        br $again))
    local.get $acc)
  (func (export "unreachable")
    unreachable)
  (func (export "load_at") (param i32) (result i32)
    local.get 0
    i32.load)
  (func (export "div") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.div_s)
  (func (export "grow") (param i32) (result i32)
    local.get 0
    memory.grow)
  ;; A bump allocator: aligns up, copies min(old size, new size) bytes of a reallocated block.
  (func (export "cabi_realloc") (param $old i32) (param $old_size i32) (param $align i32)
      (param $new_size i32) (result i32)
    (local $ptr i32)
    global.get $next
    local.get $align
    i32.const 1
    i32.sub
    i32.add
    i32.const 0
    local.get $align
    i32.sub
    i32.and
    local.set $ptr
    local.get $ptr
    local.get $new_size
    i32.add
    global.set $next
    local.get $old
    if
      local.get $ptr
      local.get $old
      local.get $old_size
      local.get $new_size
      local.get $old_size
      local.get $new_size
      i32.lt_u
      select
      memory.copy
    end
    local.get $ptr))
