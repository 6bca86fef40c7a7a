;; A component whose core module's start function loops for ever: instantiating it never returns
;; unless a time limit (Linker.callTimeout, wasidl run --timeout) stops it.
(component
  (core module $code
    (func $forever (loop $l (br $l)))
    (start $forever)
    (func $answer (export "answer") (result i32) (i32.const 42)))
  (core instance $code (instantiate $code))
  (type $u32-fn (func (result u32)))
  (func $answer (type $u32-fn) (canon lift (core func $code "answer")))
  (export "answer" (func $answer)))
