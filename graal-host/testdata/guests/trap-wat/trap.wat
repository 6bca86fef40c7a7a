;; Traps with a backtrace, and a wasi:cli/run export that needs no WASI, for the command line's tests.
;; The core functions are named (the name section keeps $boom, $middle, $innermost), so a trap's
;; guest frames can be printed with their names.
(component
  (core module $code
    (func $innermost (param i32) (result i32)
      (if (local.get 0) (then (unreachable)))
      (i32.const 7))
    (func $middle (param i32) (result i32)
      (i32.add (call $innermost (local.get 0)) (i32.const 1)))
    (func $boom (export "boom") (param i32) (result i32)
      (call $middle (local.get 0)))
    (func $divide (export "divide") (param i32 i32) (result i32)
      (i32.div_s (local.get 0) (local.get 1)))
    ;; result<_, _>: 0 is ok, 1 is err; `run` fails, `succeed` does not.
    (func $run (export "run") (result i32) (i32.const 1))
    (func $succeed (export "succeed") (result i32) (i32.const 0)))
  (core instance $code (instantiate $code))
  (type $u32-fn (func (param "n" u32) (result u32)))
  (type $div-fn (func (param "a" s32) (param "b" s32) (result s32)))
  (type $run-fn (func (result (result))))
  (func $boom (type $u32-fn) (canon lift (core func $code "boom")))
  (func $divide (type $div-fn) (canon lift (core func $code "divide")))
  (func $run (type $run-fn) (canon lift (core func $code "run")))
  (func $succeed (type $run-fn) (canon lift (core func $code "succeed")))
  (instance $run-instance (export "run" (func $run)))
  (export "wasi:cli/run@0.2.6" (instance $run-instance))
  (export "boom" (func $boom))
  (export "divide" (func $divide))
  (export "succeed" (func $succeed)))
