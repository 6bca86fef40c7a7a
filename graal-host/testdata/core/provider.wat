;; The providing module of the linking tests, shaped like wit-component's shim: it owns the memory,
;; a table that another module fills, a mutable and an immutable global, and calls through the table.
(module
  (type $ret_i32 (func (result i32)))
  (memory (export "mem") 1 4)
  (table (export "tab") 4 funcref)
  (global $counter (export "counter") (mut i32) (i32.const 5))
  (global (export "base") i32 (i32.const 100))
  (func (export "add") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.add)
  ;; calls table slot $slot, trapping if another module has not filled it
  (func (export "call_slot") (param $slot i32) (result i32)
    local.get $slot
    call_indirect (type $ret_i32))
  (func (export "load") (param i32) (result i32)
    local.get 0
    i32.load)
  (func (export "get_counter") (result i32)
    global.get $counter))
