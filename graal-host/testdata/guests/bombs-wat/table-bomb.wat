;; A guest that grows a table, for the limit on table elements (Linker.maxTableElements, wasidl run
;; -W max-table-elements=): `grow(n)` is table.grow of n null references (the old size, or -1 when
;; refused), `answer` returns 42.
(component
  (core module $code
    (table $t 1 funcref)
    (func $grow (export "grow") (param i32) (result i32)
      (table.grow $t (ref.null func) (local.get 0)))
    (func $answer (export "answer") (result i32) (i32.const 42)))
  (core instance $code (instantiate $code))
  (type $grow-fn (func (param "elements" u32) (result s32)))
  (type $u32-fn (func (result u32)))
  (func $grow (type $grow-fn) (canon lift (core func $code "grow")))
  (func $answer (type $u32-fn) (canon lift (core func $code "answer")))
  (export "grow" (func $grow))
  (export "answer" (func $answer)))
