;; A plugin whose test:compose/counter@0.1.0 does not match what app.wat imports: its sum takes a
;; u32 and it has no counter resource (wasidl compose must refuse it, naming both sides).
(component
  (core module $M (func (export "sum") (param i32) (result i32) (local.get 0)))
  (core instance $m (instantiate $M))
  (func $sum (param "p" u32) (result s32) (canon lift (core func $m "sum")))
  (instance $i (export "sum" (func $sum)))
  (export "test:compose/counter@0.1.0" (instance $i)))
