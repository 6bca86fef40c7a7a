;; Calls a Java host function that stores into the imported memory (through a store adapter, when
;; its stores are deferred), then lets the caller read what it stored.
(module
  (import "env" "memory" (memory 1))
  (import "env" "store" (func $store (param i32)))
  (import "env" "store_wide" (func $store_wide (param i32 i64) (result i64)))
  (func (export "call_store") (param i32)
    local.get 0
    call $store)
  (func (export "call_store_wide") (param i32 i64) (result i64)
    local.get 0
    local.get 1
    call $store_wide)
  (func (export "load") (param i32) (result i64)
    local.get 0
    i64.load align=1))
