;; A guest that never stops, for the time limit (Linker.callTimeout, wasidl run --timeout): `spin`
;; and wasi:cli/run loop for ever, and `answer` returns 42 so a test can see an instance answer.
(component
  (core module $code
    (func $spin (export "spin")
      (loop $forever (br $forever)))
    (func $answer (export "answer") (result i32) (i32.const 42))
    ;; result<_, _>: never returns
    (func $run (export "run") (result i32)
      (loop $forever (br $forever))
      (i32.const 0)))
  (core instance $code (instantiate $code))
  (type $void-fn (func))
  (type $u32-fn (func (result u32)))
  (type $run-fn (func (result (result))))
  (func $spin (type $void-fn) (canon lift (core func $code "spin")))
  (func $answer (type $u32-fn) (canon lift (core func $code "answer")))
  (func $run (type $run-fn) (canon lift (core func $code "run")))
  (instance $run-instance (export "run" (func $run)))
  (export "wasi:cli/run@0.2.6" (instance $run-instance))
  (export "spin" (func $spin))
  (export "answer" (func $answer)))
