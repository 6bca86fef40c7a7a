;; The plugin of wasidl compose's tests: exports test:compose/counter@0.1.0 (a resource with a
;; constructor and a method, a named record, strings both ways) and prints to stdout through
;; wasi:cli/stdout@0.2.0 itself (the app imports @0.2.6: the composition merges them). It also
;; flushes with blocking-flush, which the app's import of wasi:io/streams does not declare (the
;; composition's import must declare both parts' functions).
(component $P
  (import "wasi:io/error@0.2.0" (instance $error (export "error" (type (sub resource)))))
  (alias export $error "error" (type $io-error))
  (import "wasi:io/streams@0.2.0" (instance $streams
    (alias outer $P $io-error (type $err0))
    (export "error" (type $err (eq $err0)))
    (export "output-stream" (type $os (sub resource)))
    (type $stream-error (variant (case "last-operation-failed" (own $err)) (case "closed")))
    (export "stream-error" (type $se (eq $stream-error)))
    (export "[method]output-stream.blocking-write-and-flush"
      (func (param "self" (borrow $os)) (param "contents" (list u8)) (result (result (error $se)))))
    (export "[method]output-stream.blocking-flush"
      (func (param "self" (borrow $os)) (result (result (error $se)))))))
  (alias export $streams "output-stream" (type $output-stream))
  (import "wasi:cli/stdout@0.2.0" (instance $stdout
    (alias outer $P $output-stream (type $os))
    (export "output-stream" (type $os2 (eq $os)))
    (export "get-stdout" (func (result (own $os2))))))

  (core module $Mem
    (memory (export "mem") 1)
    (global $bump (mut i32) (i32.const 1024))
    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
      (local $p i32)
      (local.set $p (i32.and (i32.add (global.get $bump) (i32.sub (local.get 2) (i32.const 1)))
                             (i32.sub (i32.const 0) (local.get 2))))
      (global.set $bump (i32.add (local.get $p) (local.get 3)))
      (local.get $p)))
  (core instance $m (instantiate $Mem))

  (type $counter (resource (rep i32)))
  (core func $counter-new (canon resource.new $counter))
  (core func $get-stdout (canon lower (func $stdout "get-stdout")))
  (core func $write (canon lower (func $streams "[method]output-stream.blocking-write-and-flush")
    (memory (core memory $m "mem"))))
  (core func $flush (canon lower (func $streams "[method]output-stream.blocking-flush")
    (memory (core memory $m "mem"))))
  (core func $drop-os (canon resource.drop $output-stream))

  (core module $Main
    (import "m" "mem" (memory 1))
    (import "m" "realloc" (func $realloc (param i32 i32 i32 i32) (result i32)))
    (import "h" "counter-new" (func $counter-new (param i32) (result i32)))
    (import "h" "get-stdout" (func $get-stdout (result i32)))
    (import "h" "write" (func $write (param i32 i32 i32 i32)))
    (import "h" "flush" (func $flush (param i32 i32)))
    (import "h" "drop-os" (func $drop-os (param i32)))
    (data (i32.const 0) "hello, ")
    (data (i32.const 32) "provider: new counter\n")
    (func $print (param $ptr i32) (param $len i32)
      (local $s i32)
      (local.set $s (call $get-stdout))
      (call $write (local.get $s) (local.get $ptr) (local.get $len) (i32.const 80))
      (call $flush (local.get $s) (i32.const 80))
      (call $drop-os (local.get $s)))
    ;; the counter's rep is the address of its value
    (func (export "new") (param $start i32) (result i32)
      (local $cell i32)
      (local.set $cell (call $realloc (i32.const 0) (i32.const 0) (i32.const 4) (i32.const 4)))
      (i32.store (local.get $cell) (local.get $start))
      (call $print (i32.const 32) (i32.const 22))
      (call $counter-new (local.get $cell)))
    (func (export "add") (param $cell i32) (param $n i32) (result i32)
      (i32.store (local.get $cell) (i32.add (i32.load (local.get $cell)) (local.get $n)))
      (i32.load (local.get $cell)))
    (func (export "sum") (param $x i32) (param $y i32) (result i32)
      (i32.add (local.get $x) (local.get $y)))
    (func (export "greet") (param $ptr i32) (param $len i32) (result i32)
      (local $out i32)
      (local.set $out (call $realloc (i32.const 0) (i32.const 0) (i32.const 1)
        (i32.add (local.get $len) (i32.const 7))))
      (memory.copy (local.get $out) (i32.const 0) (i32.const 7))
      (memory.copy (i32.add (local.get $out) (i32.const 7)) (local.get $ptr) (local.get $len))
      (i32.store (i32.const 64) (local.get $out))
      (i32.store (i32.const 68) (i32.add (local.get $len) (i32.const 7)))
      (i32.const 64)))
  (core instance $main (instantiate $Main
    (with "m" (instance $m))
    (with "h" (instance
      (export "counter-new" (func $counter-new))
      (export "get-stdout" (func $get-stdout))
      (export "write" (func $write))
      (export "flush" (func $flush))
      (export "drop-os" (func $drop-os))))))

  (type $point (record (field "x" s32) (field "y" s32)))
  (func $new (param "start" s32) (result (own $counter)) (canon lift (core func $main "new")))
  (func $add (param "self" (borrow $counter)) (param "n" s32) (result s32)
    (canon lift (core func $main "add")))
  (func $sum (param "p" $point) (result s32) (canon lift (core func $main "sum")))
  (func $greet (param "name" string) (result string)
    (canon lift (core func $main "greet") (memory (core memory $m "mem")) (realloc (core func $m "realloc"))))
  ;; As wit-component does: a nested component gives the interface's functions types that use the
  ;; exported names of its types (an export may only use named types).
  (component $Iface
    (import "import-type-counter" (type $c (sub resource)))
    (type $point-def (record (field "x" s32) (field "y" s32)))
    (import "import-type-point" (type $pt (eq $point-def)))
    (import "import-constructor-counter" (func $new (param "start" s32) (result (own $c))))
    (import "import-method-counter-add"
      (func $add (param "self" (borrow $c)) (param "n" s32) (result s32)))
    (import "import-func-sum" (func $sum (param "p" $pt) (result s32)))
    (import "import-func-greet" (func $greet (param "name" string) (result string)))
    (export $c2 "counter" (type $c))
    (export $pt2 "point" (type $pt))
    (export "[constructor]counter" (func $new) (func (param "start" s32) (result (own $c2))))
    (export "[method]counter.add" (func $add)
      (func (param "self" (borrow $c2)) (param "n" s32) (result s32)))
    (export "sum" (func $sum) (func (param "p" $pt2) (result s32)))
    (export "greet" (func $greet)))
  (instance $counter-iface (instantiate $Iface
    (with "import-type-counter" (type $counter))
    (with "import-type-point" (type $point))
    (with "import-constructor-counter" (func $new))
    (with "import-method-counter-add" (func $add))
    (with "import-func-sum" (func $sum))
    (with "import-func-greet" (func $greet))))
  (export "test:compose/counter@0.1.0" (instance $counter-iface)))
