;; A guest that takes memory, for the memory limit (Linker.maxMemorySize, wasidl run
;; -W max-memory-size=): `grow(n)` is memory.grow (the old size in pages, or -1 when refused),
;; `grow-by-pages` grows a page at a time until refused and returns the pages it reached, and
;; `answer` returns 42 so a test can see an instance answer.
(component
  (core module $code
    (memory 1)
    (func $grow (export "grow") (param i32) (result i32)
      (memory.grow (local.get 0)))
    (func $grow-by-pages (export "grow-by-pages") (result i32)
      (loop $more
        (br_if $more (i32.ne (memory.grow (i32.const 1)) (i32.const -1))))
      (memory.size))
    (func $answer (export "answer") (result i32) (i32.const 42)))
  (core instance $code (instantiate $code))
  (type $grow-fn (func (param "pages" u32) (result s32)))
  (type $u32-fn (func (result u32)))
  (func $grow (type $grow-fn) (canon lift (core func $code "grow")))
  (func $grow-by-pages (type $u32-fn) (canon lift (core func $code "grow-by-pages")))
  (func $answer (type $u32-fn) (canon lift (core func $code "answer")))
  (export "grow" (func $grow))
  (export "grow-by-pages" (func $grow-by-pages))
  (export "answer" (func $answer)))
