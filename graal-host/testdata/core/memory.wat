;; One page of memory and nothing else: what another module imports.
(module
  (memory (export "memory") 1 2))
