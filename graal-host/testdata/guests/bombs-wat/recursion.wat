;; A guest that recurses without end, for the wasm stack: `recurse` calls itself until the stack
;; is exhausted, which must be a trap, never a StackOverflowError escaping or a crash; `answer`
;; returns 42 so a test can see an instance answer after.
(component
  (core module $code
    (func $recurse (export "recurse") (param i32) (result i32)
      (i32.add (call $recurse (i32.add (local.get 0) (i32.const 1))) (i32.const 1)))
    (func $answer (export "answer") (result i32) (i32.const 42)))
  (core instance $code (instantiate $code))
  (type $recurse-fn (func (param "depth" u32) (result u32)))
  (type $u32-fn (func (result u32)))
  (func $recurse (type $recurse-fn) (canon lift (core func $code "recurse")))
  (func $answer (type $u32-fn) (canon lift (core func $code "answer")))
  (export "recurse" (func $recurse))
  (export "answer" (func $answer)))
