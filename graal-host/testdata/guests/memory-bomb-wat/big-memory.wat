;; A guest whose memory starts at 64 MiB (1,024 pages), for the memory limit's refusal at
;; instantiation.
(component
  (core module $code
    (memory 1024)
    (func $answer (export "answer") (result i32) (i32.const 42)))
  (core instance $code (instantiate $code))
  (type $u32-fn (func (result u32)))
  (func $answer (type $u32-fn) (canon lift (core func $code "answer")))
  (export "answer" (func $answer)))
