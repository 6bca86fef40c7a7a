;; A memory of 17 pages (1 MiB + 64 KiB, growable to 18) for GraalMemory's bulk copy tests, with
;; byte access from wasm's side so that tests check what Java wrote as wasm sees it.
(module
  (memory (export "memory") 17 18)
  (func (export "load8") (param $at i32) (result i32)
    (i32.load8_u (local.get $at)))
  (func (export "store8") (param $at i32) (param $v i32)
    (i32.store8 (local.get $at) (local.get $v)))
  (func (export "grow") (param $pages i32) (result i32)
    (memory.grow (local.get $pages))))
