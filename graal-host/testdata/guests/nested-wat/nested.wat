;; Two nested components composed by hand: $math implements test:nested/math, $calc imports it and
;; exports double/quad; the outer component instantiates both, wires them together and re-exports.
(component $outer
  (type $u32-binop (func (param "a" u32) (param "b" u32) (result u32)))
  (type $math-iface
    (instance
      (alias outer $outer $u32-binop (type $binop))
      (export "add" (func (type $binop)))
      (export "mul" (func (type $binop)))))
  (import "test:nested/log@0.1.0" (instance $log
    (export "log" (func (param "msg" string)))))

  ;; A leaf component: plain core arithmetic lifted into test:nested/math@0.1.0.
  (component $math
    (core module $impl
      (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
      (func (export "mul") (param i32 i32) (result i32) (i32.mul (local.get 0) (local.get 1))))
    (core instance $impl (instantiate $impl))
    (alias outer $outer $u32-binop (type $binop))
    (func $add (type $binop) (canon lift (core func $impl "add")))
    (func $mul (type $binop) (canon lift (core func $impl "mul")))
    (instance $math (export "add" (func $add)) (export "mul" (func $mul)))
    (export "test:nested/math@0.1.0" (instance $math)))

  ;; A component importing math and a logger, lowering them for its core module.
  (component $calc
    (alias outer $outer $math-iface (type $math-iface))
    (import "test:nested/math@0.1.0" (instance $m (type $math-iface)))
    (import "log" (func $log (param "msg" string)))
    (core module $mem (memory (export "memory") 1))
    (core instance $mem (instantiate $mem))
    (alias core export $mem "memory" (core memory $memory))
    (alias export $m "add" (func $add))
    (core func $add-lowered (canon lower (func $add)))
    (core func $log-lowered (canon lower (func $log) (memory $memory) string-encoding=utf8))
    (core module $code
      (import "math" "add" (func $add (param i32 i32) (result i32)))
      (import "host" "log" (func $log (param i32 i32)))
      (import "env" "memory" (memory 1))
      (data (i32.const 16) "doubling")
      (func (export "double") (param i32) (result i32)
        (call $log (i32.const 16) (i32.const 8))
        (call $add (local.get 0) (local.get 0)))
      (func (export "quad") (param i32) (result i32)
        (call $add
          (call $add (local.get 0) (local.get 0))
          (call $add (local.get 0) (local.get 0)))))
    (core instance $math-core (export "add" (func $add-lowered)))
    (core instance $host-core (export "log" (func $log-lowered)))
    (core instance $env (export "memory" (memory $memory)))
    (core instance $code (instantiate $code
      (with "math" (instance $math-core))
      (with "host" (instance $host-core))
      (with "env" (instance $env))))
    (type $unop (func (param "x" u32) (result u32)))
    (func $double (type $unop) (canon lift (core func $code "double")))
    (func $quad (type $unop) (canon lift (core func $code "quad")))
    (export "double" (func $double))
    (export "quad" (func $quad)))

  (instance $math-instance (instantiate $math))
  (alias export $math-instance "test:nested/math@0.1.0" (instance $math))
  (alias export $log "log" (func $log-fn))
  (instance $calc (instantiate $calc
    (with "test:nested/math@0.1.0" (instance $math))
    (with "log" (func $log-fn))))
  (alias export $calc "double" (func $double))
  (alias export $calc "quad" (func $quad))
  (export "test:nested/math@0.1.0" (instance $math))
  (export "double" (func $double))
  (export "quad" (func $quad)))
