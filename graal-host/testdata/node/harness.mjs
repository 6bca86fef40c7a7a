// Reference runtime for DifferentialTest: transpiles a component with jco (once), instantiates it
// with JS host imports that mirror the Java test hosts, runs a list of calls and prints one JSON line
// per call.
//
//   node harness.mjs COMPONENT.wasm CALLS.json   (CALLS.json "-": read from stdin once transpiled)
//
// CALLS.json: {"sessions": [{"name": "...", "calls": [CALL, ...]}, ...]}; each session is a fresh
// instance. CALL: {"id", "export": interface name or null, "func": WIT name ("greet",
// "[constructor]blob", "[method]blob.read", "[static]counter.make"), "params": [TYPE, ...],
// "result": TYPE or null, "args": [VALUE, ...]}.
//
// TYPE: "bool" | "s8" ... "f64" | "char" | "string" | {"list": T} | {"record": [[name, T], ...]} |
// {"tuple": [T, ...]} | {"variant": [[name, T or null], ...]} | {"enum": [name, ...]} |
// {"flags": [name, ...]} | {"option": T} | {"result": [T or null, T or null]} | {"own": resource} |
// {"borrow": resource}.
//
// VALUE (the JSON form of jco's JS value for that type): numbers as numbers, except NaN, Infinity,
// -Infinity and -0 of f32/f64, which are strings; s64/u64 (BigInt) as decimal strings; char and
// string as strings; lists (typed arrays too) and tuples as arrays; records as objects with
// camelCase keys in field order; variants and results as {"tag", "val"} ("val" absent without a
// payload); enums as strings; flags as objects of booleans (camelCase keys, every flag); options as
// the value or null; resources as "name#n", the n-th handle of that resource type the session got.
//
// Output line per call: {"id", "value"?, "events": [...]} or {"id", "trap": message, "events"} when
// the guest traps (a WebAssembly.RuntimeError), {"id", "error": message, "events"} for any other
// exception. "events" are the host imports the call ran, in order, in the Java hosts' spelling.
// Top-level results of exports are unwrapped by jco (err throws a ComponentError); they are wrapped
// back into {"tag", "val"} here.
import { transpile } from '@bytecodealliance/jco';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [componentPath, callsPath] = process.argv.slice(2);
if (!componentPath || !callsPath) {
  console.error('usage: node harness.mjs COMPONENT.wasm CALLS.json');
  process.exit(2);
}

// ---- names: jco's JS spelling of WIT identifiers ----------------------------------------------
const camel = (name) => name.replace(/-([a-z0-9])/gi, (_, c) => c.toUpperCase());
const pascal = (name) => camel(name).replace(/^./, (c) => c.toUpperCase());

// test:echo/host: echo-<name> returns its argument.
const ECHOES = ['bool', 's8', 'u8', 's16', 'u16', 's32', 'u32', 's64', 'u64', 'f32', 'f64', 'char',
  'string', 'bytes', 'strings', 'points', 'point', 'prims', 'color', 'small', 'big', 'shape',
  'option', 'result', 'tuple', 'thing'];

// ---- host imports, mirroring the Java hosts of DifferentialTest ---------------------------------
function hosts(events) {
  const q = JSON.stringify;
  let next = 100;
  class Counter {
    static #making = false;
    #rep;
    #value;
    constructor(start) {
      if (start === 0xdead) {
        events.push(`counter(${start}) traps`);
        throw new WebAssembly.RuntimeError('host trap: counter(57005)');
      }
      this.#rep = next++;
      this.#value = start;
      if (!Counter.#making) events.push(`counter(${start}) = #${this.#rep}`);
    }
    static make() {
      Counter.#making = true;
      try {
        const c = new Counter(1000);
        events.push(`counter.make() = #${c.#rep}`);
        return c;
      } finally {
        Counter.#making = false;
      }
    }
    increment(by) {
      this.#value = (this.#value + by) >>> 0;
      events.push(`counter#${this.#rep}.increment(${by}) = ${this.#value}`);
      return this.#value;
    }
    value() {
      events.push(`counter#${this.#rep}.value() = ${this.#value}`);
      return this.#value;
    }
    [Symbol.dispose]() {
      events.push(`counter#${this.#rep} dropped`);
    }
  }
  // test:echo/types' thing: its representation is the number it was made with (as in Java).
  class Thing {
    #n;
    constructor(n) {
      this.#n = n;
    }
    value() {
      return this.#n;
    }
  }
  return {
    'test:guest/host': {
      getName() {
        events.push('get-name()');
        return 'GraalWasm';
      },
      log(level, msg) {
        events.push(`log(${q(level)}, ${q(msg)})`);
      },
      Counter,
    },
    'test:echo/types': { Thing },
    'test:echo/host': {
      ...Object.fromEntries(ECHOES.map((name) => [camel(`echo-${name}`), (v) => v])),
      peekThing: (thing) => thing.value() * 10,
      sum17: (...xs) => BigInt(xs.reduce((a, b) => a + b, 0)),
    },
    'test:nested/log': {
      log(msg) {
        events.push(`log(${q(msg)})`);
      },
    },
  };
}

// ---- values: JSON <-> jco's JS values, by type --------------------------------------------------
const TYPED_ARRAYS = {
  u8: Uint8Array, s8: Int8Array, u16: Uint16Array, s16: Int16Array, u32: Uint32Array,
  s32: Int32Array, u64: BigUint64Array, s64: BigInt64Array, f32: Float32Array, f64: Float64Array,
};
const INT_RANGES = {
  s8: [-128, 127], u8: [0, 255], s16: [-32768, 32767], u16: [0, 65535],
  s32: [-2147483648, 2147483647], u32: [0, 4294967295],
};
const BIG_RANGES = { s64: [-(2n ** 63n), 2n ** 63n - 1n], u64: [0n, 2n ** 64n - 1n] };
const FLOAT_WORDS = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 };

function fail(what, type, v) {
  throw new HarnessError(`${what} ${JSON.stringify(type)}: ${String(v)} (${typeof v})`);
}
class HarnessError extends Error {}

function toJs(type, json, handles) {
  if (typeof type === 'string') {
    switch (type) {
      case 'bool':
      case 'string':
      case 'char':
        return json;
      case 's64':
      case 'u64':
        return BigInt(json);
      case 'f32':
      case 'f64':
        return typeof json === 'string' ? FLOAT_WORDS[json] : json;
      default:
        return json;
    }
  }
  const [kind, t] = Object.entries(type)[0];
  switch (kind) {
    case 'list': {
      const elements = json.map((e) => toJs(t, e, handles));
      const ctor = typeof t === 'string' ? TYPED_ARRAYS[t] : undefined;
      return ctor ? ctor.from(elements) : elements;
    }
    case 'record':
      return Object.fromEntries(t.map(([name, ft]) => [camel(name), toJs(ft, json[camel(name)], handles)]));
    case 'tuple':
      return t.map((et, i) => toJs(et, json[i], handles));
    case 'variant': {
      const c = t.find(([name]) => name === json.tag);
      return c[1] === null ? { tag: json.tag } : { tag: json.tag, val: toJs(c[1], json.val, handles) };
    }
    case 'result': {
      const pt = json.tag === 'ok' ? t[0] : t[1];
      return pt === null ? { tag: json.tag } : { tag: json.tag, val: toJs(pt, json.val, handles) };
    }
    case 'enum':
      return json;
    case 'flags':
      return Object.fromEntries(t.map((name) => [camel(name), json[camel(name)]]));
    case 'option':
      if (typeof t === 'object' && 'option' in t) throw new HarnessError('option<option<T>> not supported');
      return json === null ? undefined : toJs(t, json, handles);
    case 'own':
    case 'borrow': {
      if (!handles.has(json)) throw new HarnessError(`no handle ${json}`);
      return handles.get(json);
    }
    default:
      throw new HarnessError(`unknown type ${JSON.stringify(type)}`);
  }
}

// Strict: a JS value that is not jco's documented form for the type is an error, not normalized.
function fromJs(type, v, handles) {
  if (typeof type === 'string') {
    switch (type) {
      case 'bool':
        if (typeof v !== 'boolean') fail('not a', type, v);
        return v;
      case 'string':
        if (typeof v !== 'string') fail('not a', type, v);
        return v;
      case 'char':
        if (typeof v !== 'string' || [...v].length !== 1) fail('not a', type, v);
        return v;
      case 's64':
      case 'u64': {
        const [lo, hi] = BIG_RANGES[type];
        if (typeof v !== 'bigint' || v < lo || v > hi) fail('not a', type, v);
        return v.toString();
      }
      case 'f32':
      case 'f64':
        if (typeof v !== 'number') fail('not a', type, v);
        if (type === 'f32' && Math.fround(v) !== v && !Number.isNaN(v)) fail('not a', type, v);
        if (Number.isNaN(v)) return 'NaN';
        if (v === Infinity) return 'Infinity';
        if (v === -Infinity) return '-Infinity';
        if (Object.is(v, -0)) return '-0';
        return v;
      default: {
        const [lo, hi] = INT_RANGES[type] ?? fail('unknown', type, v);
        if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) fail('not a', type, v);
        return v;
      }
    }
  }
  const [kind, t] = Object.entries(type)[0];
  switch (kind) {
    case 'list': {
      const ctor = typeof t === 'string' ? TYPED_ARRAYS[t] : undefined;
      if (ctor ? !(v instanceof ctor) : !Array.isArray(v)) fail('not a', type, v);
      return Array.from(v, (e) => fromJs(t, e, handles));
    }
    case 'record':
      if (typeof v !== 'object' || v === null) fail('not a', type, v);
      return Object.fromEntries(t.map(([name, ft]) => [camel(name), fromJs(ft, v[camel(name)], handles)]));
    case 'tuple':
      if (!Array.isArray(v) || v.length !== t.length) fail('not a', type, v);
      return t.map((et, i) => fromJs(et, v[i], handles));
    case 'variant':
    case 'result': {
      const cases = kind === 'variant' ? t : [['ok', t[0]], ['err', t[1]]];
      const c = cases.find(([name]) => name === v?.tag) ?? fail('not a', type, v?.tag);
      return c[1] === null ? { tag: c[0] } : { tag: c[0], val: fromJs(c[1], v.val, handles) };
    }
    case 'enum':
      if (!t.includes(v)) fail('not a', type, v);
      return v;
    case 'flags':
      if (typeof v !== 'object' || v === null) fail('not a', type, v);
      return Object.fromEntries(
        t.map((name) => {
          const b = v[camel(name)];
          if (typeof b !== 'boolean') fail('not a flag', name, b);
          return [camel(name), b];
        }),
      );
    case 'option':
      return v === undefined || v === null ? null : fromJs(t, v, handles);
    case 'own': {
      if (typeof v !== 'object' || v === null || v.constructor?.name !== pascal(t)) fail('not a', type, v);
      const n = [...handles.keys()].filter((k) => k.startsWith(`${t}#`)).length + 1;
      handles.set(`${t}#${n}`, v);
      return `${t}#${n}`;
    }
    default:
      throw new HarnessError(`cannot lift ${JSON.stringify(type)} to the host`);
  }
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

// ---- calls -------------------------------------------------------------------------------------
function target(root, call, args) {
  const ns = call.export === null ? root : root[call.export];
  if (ns === undefined) throw new HarnessError(`no export ${call.export}`);
  let m;
  if ((m = /^\[constructor\](.+)$/.exec(call.func))) {
    const C = ns[pascal(m[1])];
    return () => new C(...args);
  }
  if ((m = /^\[method\](.+)\.(.+)$/.exec(call.func))) {
    const [self, ...rest] = args;
    return () => self[camel(m[2])](...rest);
  }
  if ((m = /^\[static\](.+)\.(.+)$/.exec(call.func))) {
    return () => ns[pascal(m[1])][camel(m[2])](...args);
  }
  const f = ns[camel(call.func)];
  if (typeof f !== 'function') throw new HarnessError(`no function ${call.func} in ${call.export}`);
  return () => f(...args);
}

function run(root, call, handles, events) {
  const args = call.params.map((t, i) => toJs(t, call.args[i], handles));
  const invoke = target(root, call, args);
  const topResult = call.result !== null && typeof call.result === 'object' && 'result' in call.result;
  let v;
  try {
    v = invoke();
    if (topResult) v = { tag: 'ok', val: v };
  } catch (e) {
    if (topResult && e?.constructor?.name === 'ComponentError' && 'payload' in e) {
      v = { tag: 'err', val: e.payload };
    } else {
      throw e;
    }
  }
  return call.result === null ? undefined : fromJs(call.result, v, handles);
}

const { files } = await transpile(await readFile(componentPath), {
  name: 'component',
  instantiation: { tag: 'async' },
  quiet: true,
});
const dir = await mkdtemp(join(tmpdir(), 'wasidl-jco-'));
try {
  // The calls are read after transpiling, so a caller can start node early and send them on stdin.
  const spec = JSON.parse(callsPath === '-' ? await readStdin() : await readFile(callsPath, 'utf8'));
  for (const [name, bytes] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), bytes);
  }
  const { instantiate } = await import(pathToFileURL(join(dir, 'component.js')).href);
  const modules = new Map();
  const getCoreModule = (path) => {
    if (!modules.has(path)) modules.set(path, readFile(join(dir, path)).then((b) => WebAssembly.compile(b)));
    return modules.get(path);
  };
  const out = [];
  for (const session of spec.sessions) {
    const events = [];
    const root = await instantiate(getCoreModule, hosts(events));
    const handles = new Map();
    for (const call of session.calls) {
      events.length = 0;
      const line = { id: call.id };
      try {
        const value = run(root, call, handles, events);
        if (call.result !== null) line.value = value;
      } catch (e) {
        if (e instanceof HarnessError) throw e;
        if (e instanceof WebAssembly.RuntimeError) line.trap = e.message;
        else line.error = `${e?.constructor?.name}: ${e?.message}`;
      }
      line.events = [...events];
      out.push(JSON.stringify(line));
    }
  }
  process.stdout.write(out.join('\n') + '\n');
} finally {
  await rm(dir, { recursive: true, force: true });
}
