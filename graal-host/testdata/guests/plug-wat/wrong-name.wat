;; Imports a function provider.wat's interface lacks: refused at instantiation.
(component
  (import "test:plug/counters@0.1.0" (instance
    (export "counter" (type (sub resource)))
    (export "reset" (func)))))
