// A reference host for the wasi:keyvalue app on node: jco transpiles the component and a small
// in-memory wasi:keyvalue@0.2.0-draft2 in JavaScript (the same rules as graal-host's Java provider,
// dev.wasidl.keyvalue: pages of 2 sorted keys, the cursor the last key of a page, counters 8-byte
// little-endian s64) is passed as its imports, WASI from preview2-shim. Prints the report of
// test:kv-app/app.run, one line per entry.
//   node keyvalue-node.mjs COMPONENT.wasm
import { transpile } from '@bytecodealliance/jco';
import * as shim from '@bytecodealliance/preview2-shim';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const PAGE = 2;
const buckets = new Map();

class Bucket {
  constructor(map) { this.map = map; }
  get(key) { const v = this.map.get(key); return v === undefined ? undefined : v.slice(); }
  set(key, value) { this.map.set(key, value.slice()); }
  delete(key) { this.map.delete(key); }
  exists(key) { return this.map.has(key); }
  listKeys(cursor) {
    const sorted = [...this.map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const rest = cursor === undefined ? sorted : sorted.filter((k) => k > cursor);
    const keys = rest.slice(0, PAGE);
    return { keys, cursor: rest.length > PAGE ? keys[keys.length - 1] : undefined };
  }
}

function open(identifier) {
  if (identifier === '') throw { tag: 'no-such-store' };
  if (!buckets.has(identifier)) buckets.set(identifier, new Map());
  return new Bucket(buckets.get(identifier));
}

function equal(a, b) {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

class Cas {
  constructor(bucket, key) { this.bucket = bucket; this.key = key; this.expected = bucket.get(key); }
  static new(bucket, key) { return new Cas(bucket, key); }
  current() { return this.expected === undefined ? undefined : this.expected.slice(); }
}

function increment(bucket, key, delta) {
  const v = bucket.map.get(key);
  let old = 0n;
  if (v !== undefined) {
    if (v.length !== 8) throw { tag: 'other', val: `the value of ${key} is not a 64-bit integer` };
    old = new DataView(v.buffer, v.byteOffset, 8).getBigInt64(0, true);
  }
  const sum = old + delta;
  if (sum !== BigInt.asIntN(64, sum)) throw { tag: 'other', val: `incrementing ${key} overflows s64` };
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigInt64(0, sum, true);
  bucket.map.set(key, out);
  return sum;
}

function swap(cas, value) {
  if (!equal(cas.bucket.map.get(cas.key), cas.expected)) throw { tag: 'cas-failed', val: cas };
  cas.bucket.map.set(cas.key, value.slice());
}

const keyvalue = {
  'wasi:keyvalue/store': { open, Bucket },
  'wasi:keyvalue/atomics': { Cas, increment, swap },
  'wasi:keyvalue/batch': {
    getMany: (bucket, keys) => keys.map((k) => {
      const v = bucket.get(k);
      return v === undefined ? undefined : [k, v];
    }),
    setMany: (bucket, kvs) => { for (const [k, v] of kvs) bucket.set(k, v); },
    deleteMany: (bucket, keys) => { for (const k of keys) bucket.delete(k); },
  },
};

// WASI for the JS engine's own imports: wasi:PKG/IFACE -> preview2-shim's PKG.ifaceInCamelCase.
const camel = (s) => s.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
const imports = new Proxy(keyvalue, {
  get(target, name) {
    if (name in target) return target[name];
    const m = /^wasi:([a-z]+)\/([a-z-]+)/.exec(String(name));
    return m && shim[m[1]] ? shim[m[1]][camel(m[2])] : undefined;
  },
});

const { files } = await transpile(await readFile(process.argv[2]), {
  name: 'component',
  instantiation: { tag: 'async' },
  quiet: true,
});
const dir = await mkdtemp(join(tmpdir(), 'wasidl-kv-'));
try {
  for (const [name, bytes] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), bytes);
  }
  const { instantiate } = await import(pathToFileURL(join(dir, 'component.js')).href);
  const load = async (p) => WebAssembly.compile(await readFile(join(dir, p)));
  const root = await instantiate(load, imports);
  const app = root.app ?? root['test:kv-app/app@0.1.0'];
  process.stdout.write(app.run().join('\n') + '\n');
} finally {
  await rm(dir, { recursive: true, force: true });
}
