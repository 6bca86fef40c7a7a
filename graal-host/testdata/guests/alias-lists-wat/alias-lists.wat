;; A guest whose results alias one another in its memory, for the limit on bytes lifted per call
;; (Linker.maxLiftedBytes): `alias(n)` returns a list of n strings that all point at the same 64 KiB
;; of its memory, so n * 64 KiB of host strings from 8 bytes of guest memory a string; `answer`
;; returns 42 so a test can see an instance answer.
(component
  (core module $code
    (memory (export "mem") 64)
    (func $alias (export "alias") (param $n i32) (result i32)
      (local $i i32)
      ;; n entries (ptr 0, len 65536) at 0x10000
      (block $done
        (loop $fill
          (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
          (i32.store
            (i32.add (i32.const 0x10000) (i32.mul (local.get $i) (i32.const 8)))
            (i32.const 0))
          (i32.store
            (i32.add (i32.const 0x10004) (i32.mul (local.get $i) (i32.const 8)))
            (i32.const 65536))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $fill)))
      ;; the result, list<string>, through the return area at 8: (ptr 0x10000, len n)
      (i32.store (i32.const 8) (i32.const 0x10000))
      (i32.store (i32.const 12) (local.get $n))
      (i32.const 8))
    (func $answer (export "answer") (result i32) (i32.const 42)))
  (core instance $code (instantiate $code))
  (alias core export $code "mem" (core memory $mem))
  (type $alias-fn (func (param "n" u32) (result (list string))))
  (type $u32-fn (func (result u32)))
  (func $alias (type $alias-fn) (canon lift (core func $code "alias") (memory $mem)))
  (func $answer (type $u32-fn) (canon lift (core func $code "answer")))
  (export "alias" (func $alias))
  (export "answer" (func $answer)))
