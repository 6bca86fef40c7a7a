;; Resource rules at run time: handles are table indices the host can see (exported as u32), so the
;; tests can drive resource.new / rep / drop and check every trap; plus a lowered host import that
;; calls back into the instance (reentrance must trap).
(component
  (import "reenter" (func $reenter))
  (core module $dtors
    (global $dropped (export "dropped") (mut i32) (i32.const 0))
    (func (export "dtor") (param i32)
      (global.set $dropped (i32.add (global.get $dropped) (local.get 0)))))
  (core instance $d (instantiate $dtors))
  (type $r (resource (rep i32) (dtor (core func $d "dtor"))))
  (type $s (resource (rep i32)))
  (core func $new (canon resource.new $r))
  (core func $drop (canon resource.drop $r))
  (core func $rep (canon resource.rep $r))
  (core func $rep-s (canon resource.rep $s))
  (core func $reenter-lowered (canon lower (func $reenter)))
  (core module $m
    (import "r" "new" (func $new (param i32) (result i32)))
    (import "r" "drop" (func $drop (param i32)))
    (import "r" "rep" (func $rep (param i32) (result i32)))
    (import "r" "rep-s" (func $rep-s (param i32) (result i32)))
    (import "r" "reenter" (func $reenter))
    (import "d" "dropped" (global $dropped (mut i32)))
    (func (export "make") (param i32) (result i32) (call $new (local.get 0)))
    (func (export "rep-of") (param i32) (result i32) (call $rep (local.get 0)))
    (func (export "rep-of-s") (param i32) (result i32) (call $rep-s (local.get 0)))
    (func (export "drop") (param i32) (call $drop (local.get 0)))
    (func (export "dropped") (result i32) (global.get $dropped))
    (func (export "call-back") (call $reenter)))
  (core instance $i (instantiate $m
    (with "r" (instance
      (export "new" (func $new))
      (export "drop" (func $drop))
      (export "rep" (func $rep))
      (export "rep-s" (func $rep-s))
      (export "reenter" (func $reenter-lowered))))
    (with "d" (instance $d))))
  (func (export "make") (param "rep" u32) (result u32) (canon lift (core func $i "make")))
  (func (export "rep-of") (param "handle" u32) (result u32) (canon lift (core func $i "rep-of")))
  (func (export "rep-of-s") (param "handle" u32) (result u32) (canon lift (core func $i "rep-of-s")))
  (func (export "drop") (param "handle" u32) (canon lift (core func $i "drop")))
  (func (export "dropped") (result u32) (canon lift (core func $i "dropped")))
  (func (export "call-back") (canon lift (core func $i "call-back"))))
