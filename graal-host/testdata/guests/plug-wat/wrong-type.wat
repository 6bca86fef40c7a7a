;; Imports provider.wat's interface with dropped at the wrong result type: refused at instantiation.
(component
  (import "test:plug/counters@0.1.0" (instance
    (export "counter" (type (sub resource)))
    (export "dropped" (func (result u64))))))
