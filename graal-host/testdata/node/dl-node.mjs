// A reference host for the wasi:dl guests on node: jco transpiles the component, and wasi:dl is
// served here by koffi (a C FFI for node) with the semantics of ../../../../../shared/reference's
// wasi-dl-semantics.md, as bridge-ffm implements them (allocs are typed regions at an address,
// range-checked setters and getters, owned memory never called as code, ...). A development tool to
// check the guests (not part of the Maven build): the Java host must produce the same results.
//
//   node dl-node.mjs [--base DIR] COMPONENT.wasm --call FUNC JSON-ARGS [--call ...]   (a reactor)
//   node dl-node.mjs [--base DIR] COMPONENT.wasm --run [ARGS...]                       (a command)
//
// --base DIR: the folder relative library names are resolved against (the process's cwd is set
// to it). Reactor calls print one JSON line each: {"call", "value"} | {"call", "err"} | {"call",
// "trap"}. A command's stdout/stderr pass through; the exit code is the guest's.
// Needs, in $JCO_DIR (default /work/toolchain): jco 1.35.0 and preview2-shim; and koffi
// (`npm install koffi`, 3.x: its package ships prebuilt binaries) in $KOFFI_DIR (default $JCO_DIR).
// Linux x86-64 only (LP64, glibc).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const JCO_DIR = process.env.JCO_DIR || '/work/toolchain';
const require = createRequire(join(process.env.KOFFI_DIR || JCO_DIR, 'package.json'));
const koffi = require('koffi');

// ---- libc -----------------------------------------------------------------------------------
const libc = koffi.load('libc.so.6');
const c = {
  dlopen: libc.func('uint64 dlopen(const char *, int)'),
  dlerror: libc.func('const char *dlerror(void)'),
  dlsym: libc.func('uint64 dlsym(uint64, const char *)'),
  calloc: libc.func('uint64 calloc(uint64, uint64)'),
  free: libc.func('void free(uint64)'),
  strnlen: libc.func('uint64 strnlen(uint64, uint64)'),
};
const MAX_FOREIGN_STRING = 1 << 20;
const big = (x) => BigInt(x);

// ---- primitive types ------------------------------------------------------------------------
// name -> [koffi type, bytes, kind]; kind: s signed, u unsigned, f float, p pointer
const PRIMS = {
  'c-schar': ['int8', 1, 's'], 'c-uchar': ['uint8', 1, 'u'], 'c-short': ['int16', 2, 's'],
  'c-ushort': ['uint16', 2, 'u'], 'c-int': ['int32', 4, 's'], 'c-uint': ['uint32', 4, 'u'],
  'c-long': ['int64', 8, 's'], 'c-ulong': ['uint64', 8, 'u'], 'c-long-long': ['int64', 8, 's'],
  'c-ulong-long': ['uint64', 8, 'u'], 'c-float': ['float', 4, 'f'], 'c-double': ['double', 8, 'f'],
  'int8-t': ['int8', 1, 's'], 'int16-t': ['int16', 2, 's'], 'int32-t': ['int32', 4, 's'],
  'int64-t': ['int64', 8, 's'], 'uint8-t': ['uint8', 1, 'u'], 'uint16-t': ['uint16', 2, 'u'],
  'uint32-t': ['uint32', 4, 'u'], 'uint64-t': ['uint64', 8, 'u'], pointer: ['uint64', 8, 'p'],
};
const smin = (b) => -(1n << big(8 * b - 1));
const smax = (b) => (1n << big(8 * b - 1)) - 1n;
const umax = (b) => (1n << big(8 * b)) - 1n;

class DlError extends Error {
  constructor(msg) { super(msg); this.payload = msg; }
}
const fail = (msg) => { throw new DlError(msg); };

// ffi-type values here: {prim: name} or {fields: [type...]}
const toType = (t) => (t.tag === 'primitive' ? { prim: t.val } : { fields: t.val.fields });
const typeText = (t) => (t.prim ? t.prim : `struct{${t.fields.map(typeText).join(', ')}}`);
const sameType = (a, b) => typeText(a) === typeText(b);
const kTypes = new Map();
function kType(t) {
  if (t.prim) return PRIMS[t.prim][0];
  const key = typeText(t);
  if (!kTypes.has(key)) {
    const members = {};
    t.fields.forEach((f, i) => { members[`f${i}`] = kType(f); });
    kTypes.set(key, koffi.struct(members));
  }
  return kTypes.get(key);
}
const sizeOf = (t) => koffi.sizeof(kType(t));

// ---- values ---------------------------------------------------------------------------------
// outgoing value -> koffi argument of type t (checked)
function toC(v, t, where) {
  if (v.tag === 'primitive') {
    const o = v.val;
    if (!t.prim || o.type !== t.prim) fail(`${where}: a ${o.type} where ${typeText(t)} is expected`);
    if (o.value === undefined && !o.alloc) fail(`${where}: outgoing-primitive ${o.type} was never set`);
    if (o.alloc) return o.alloc.addr;
    return o.value;
  }
  if (!t.fields) fail(`${where}: a struct where ${typeText(t)} is expected`);
  const fs = v.val.fields;
  if (fs.length !== t.fields.length) fail(`${where}: a struct of ${fs.length} fields where ${typeText(t)} is expected`);
  const obj = {};
  fs.forEach((f, i) => { obj[`f${i}`] = toC(f, t.fields[i], where); });
  return obj;
}

function fromC(x, t) {
  if (t.prim) {
    const [, , kind] = PRIMS[t.prim];
    return { tag: 'primitive', val: new IncomingPrimitive(t.prim, kind === 'f' ? Number(x) : big(x)) };
  }
  return { tag: 'struct', val: new IncomingStruct(t.fields.map((f, i) => fromC(x[`f${i}`], f))) };
}

class StructType {
  constructor(fields) { this.fields = fields.map(toType); }
}

class OutgoingPrimitive {
  constructor(ty) { this.type = ty; this.value = undefined; this.alloc = null; }
  #int(v, setter) {
    const [, bytes, kind] = PRIMS[this.type];
    const n = big(v);
    if (kind === 'f') fail(`${setter} is not valid for ${this.type}`);
    const fits = kind === 's' ? n >= smin(bytes) && n <= smax(bytes) : n >= 0n && n <= umax(bytes);
    if (!fits) fail(`${setter}(${n}) does not fit ${this.type}`);
    this.value = bytes === 8 ? n : Number(n);
  }
  setS8(v) { this.#int(v, 'set-s8'); }
  setS16(v) { this.#int(v, 'set-s16'); }
  setS32(v) { this.#int(v, 'set-s32'); }
  setS64(v) { this.#int(v, 'set-s64'); }
  setU8(v) { this.#int(v, 'set-u8'); }
  setU16(v) { this.#int(v, 'set-u16'); }
  setU32(v) { this.#int(v, 'set-u32'); }
  setU64(v) { this.#int(v, 'set-u64'); }
  setF32(v) {
    if (this.type !== 'c-float' && this.type !== 'c-double') fail(`set-f32 is not valid for ${this.type}`);
    this.value = v;
  }
  setF64(v) {
    if (this.type === 'c-float') {
      if (Math.fround(v) !== v && !Number.isNaN(v)) fail(`set-f64(${v}) is not exact as c-float`);
    } else if (this.type !== 'c-double') fail(`set-f64 is not valid for ${this.type}`);
    this.value = v;
  }
  setAddr(a) {
    if (this.type !== 'pointer') fail(`set-addr is not valid for ${this.type}`);
    this.alloc = a;
  }
}

class OutgoingStruct {
  constructor(fields) { this.fields = fields; }
}

class IncomingPrimitive {
  constructor(type, value) { this.type = type; this.value = value; }
  #int(bytes, signed, getter) {
    const [, , kind] = PRIMS[this.type];
    if (kind === 'f') fail(`${getter} is not valid for ${this.type}`);
    const n = this.value;
    const fits = signed ? n >= smin(bytes) && n <= smax(bytes) : n >= 0n && n <= umax(bytes);
    if (!fits) fail(`${getter} of ${this.type} ${n} does not fit`);
    return bytes === 8 ? n : Number(n);
  }
  getS8() { return this.#int(1, true, 'get-s8'); }
  getS16() { return this.#int(2, true, 'get-s16'); }
  getS32() { return this.#int(4, true, 'get-s32'); }
  getS64() { return this.#int(8, true, 'get-s64'); }
  getU8() { return this.#int(1, false, 'get-u8'); }
  getU16() { return this.#int(2, false, 'get-u16'); }
  getU32() { return this.#int(4, false, 'get-u32'); }
  getU64() { return this.#int(8, false, 'get-u64'); }
  getF32() {
    if (this.type === 'c-float') return this.value;
    if (this.type === 'c-double' && (Math.fround(this.value) === this.value || Number.isNaN(this.value))) return this.value;
    return fail(`get-f32 is not valid for ${this.type} ${this.value}`);
  }
  getF64() {
    if (this.type === 'c-float' || this.type === 'c-double') return this.value;
    return fail(`get-f64 is not valid for ${this.type}`);
  }
  getAlloc() {
    if (this.type !== 'pointer') fail(`get-alloc is only valid for pointer, not ${this.type}`);
    return Alloc.at(this.value, { prim: 'pointer' }, null, false);
  }
}

class IncomingStruct {
  constructor(fields) { this.values = fields; }
  // each call gives new handles to the same values
  fields() {
    return this.values.map((v) => (v.tag === 'primitive'
      ? { tag: 'primitive', val: new IncomingPrimitive(v.val.type, v.val.value) }
      : { tag: 'struct', val: new IncomingStruct(v.val.values) }));
  }
}

class Alloc {
  static at(addr, type, extent, owned) {
    const a = Object.create(Alloc.prototype);
    Object.assign(a, { addr: big(addr), type, extent, owned });
    return a;
  }
  static new(ty) {
    const type = toType(ty);
    const size = sizeOf(type);
    const addr = big(c.calloc(1, size));
    if (addr === 0n) fail('out of memory');
    return Alloc.at(addr, type, size, true);
  }
  writePrimitive(v) {
    if (!this.type.prim) fail(`write-primitive to a ${typeText(this.type)} alloc`);
    koffi.encode(this.addr, kType(this.type), toC({ tag: 'primitive', val: v }, this.type, 'write-primitive'));
  }
  writeStruct(v) {
    if (!this.type.fields) fail(`write-struct to a ${typeText(this.type)} alloc`);
    koffi.encode(this.addr, kType(this.type), toC({ tag: 'struct', val: v }, this.type, 'write-struct'));
  }
  writeString(s) {
    if (this.type.prim !== 'pointer') fail(`write-string to a ${typeText(this.type)} alloc`);
    if (s.includes('\0')) fail('write-string: the string holds NUL');
    const bytes = Buffer.concat([Buffer.from(s, 'utf8'), Buffer.from([0])]);
    if (this.owned) {
      if (this.extent < bytes.length) {  // grow: a new buffer
        const addr = big(c.calloc(1, bytes.length));
        c.free(this.addr);
        this.addr = addr;
        this.extent = bytes.length;
      }
    } else if (this.extent === null || this.extent < bytes.length) {
      fail('write-string: the foreign region is not known to be large enough');
    }
    new Uint8Array(koffi.view(this.addr, bytes.length)).set(bytes);
  }
  readPrimitive() {
    if (!this.type.prim) fail(`read-primitive of a ${typeText(this.type)} alloc`);
    return new IncomingPrimitive(this.type.prim, fromC(koffi.decode(this.addr, kType(this.type)), this.type).val.value);
  }
  readStruct() {
    if (!this.type.fields) fail(`read-struct of a ${typeText(this.type)} alloc`);
    return fromC(koffi.decode(this.addr, kType(this.type)), this.type).val;
  }
  readString() {
    if (this.type.prim !== 'pointer') fail(`read-string of a ${typeText(this.type)} alloc`);
    if (this.addr < 4096n) fail(`read-string at ${this.addr}: null or near-null address`);
    const limit = this.extent ?? MAX_FOREIGN_STRING + 1;
    const n = Number(c.strnlen(this.addr, limit));
    if (n >= limit) fail('read-string: no NUL within the region');
    const bytes = n ? Buffer.from(koffi.view(this.addr, n)) : Buffer.alloc(0);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return fail('read-string: not valid UTF-8');
    }
  }
}

// ---- dll --------------------------------------------------------------------------------------
class DlFunction {
  static make(addr, args, ret) {
    const f = Object.create(DlFunction.prototype);
    const argTypes = args.map(toType);
    const retType = ret === undefined ? null : toType(ret);
    f.addr = big(addr);
    f.args = argTypes;
    f.ret = retType;
    f.proto = koffi.proto(retType ? kType(retType) : 'void', argTypes.map(kType));
    return f;
  }
  static fromAlloc(alloc, args, ret) {
    if (alloc.type.prim !== 'pointer') fail(`from-alloc of a ${typeText(alloc.type)} alloc`);
    if (alloc.owned) fail('from-alloc: owned memory is never called as code');
    if (alloc.addr < 4096n) fail(`from-alloc: null or near-null address ${alloc.addr}`);
    return DlFunction.make(alloc.addr, args, ret);
  }
  call(args) {
    if (args.length !== this.args.length) fail(`call: ${args.length} arguments for ${this.args.length} parameters`);
    const values = args.map((a, i) => toC(a, this.args[i], `argument ${i}`));
    const r = koffi.call(this.addr, this.proto, ...values);
    return this.ret ? fromC(r, this.ret) : undefined;
  }
  getAlloc() { return Alloc.at(this.addr, { prim: 'pointer' }, null, false); }
}

class DlSymbol {
  constructor(addr) { this.addr = big(addr); }
  getFunction(args, ret) { return DlFunction.make(this.addr, args, ret); }
  getAlloc(ty) {
    const type = toType(ty);
    return Alloc.at(this.addr, type, sizeOf(type), false);
  }
}

class Library {
  static open(name, flags) {
    if (flags.lazy && flags.now) fail('open flags: both lazy and now');
    if (flags.global && flags.local) fail('open flags: both global and local');
    const mode = (flags.lazy ? 1 : 2) | (flags.global ? 0x100 : 0);
    const h = c.dlopen(name ?? null, mode);
    if (!h) fail(c.dlerror() ?? `cannot open ${name}`);
    const lib = Object.create(Library.prototype);
    lib.handle = big(h);
    return lib;
  }
  get(name) {
    c.dlerror();
    const addr = c.dlsym(this.handle, name);
    if (!addr) fail(c.dlerror() ?? `undefined symbol: ${name}`);
    return new DlSymbol(addr);
  }
}

const dl = {
  'wasi:dl/ffi': {
    Alloc, StructType, OutgoingPrimitive, OutgoingStruct, IncomingPrimitive, IncomingStruct,
    sizeof: (ty) => PRIMS[ty][1],
  },
  'wasi:dl/dll': {
    Function: DlFunction, Symbol: DlSymbol, Library,
    extension: () => 'so', prefix: () => 'lib', suffix: () => '.so',
  },
};

// ---- running a component ----------------------------------------------------------------------
const argv = process.argv.slice(2);
let base = null;
if (argv[0] === '--base') { argv.shift(); base = resolve(argv.shift()); }
const component = resolve(argv.shift());
const out = mkdtempSync(join(tmpdir(), 'dl-node-'));
const name = basename(component, '.wasm');
execFileSync('node', ['--import', './preopen.mjs', 'node_modules/@bytecodealliance/jco/dist/jco.js', 'transpile',
  component, '--instantiation', 'async', '-q', '-o', out], { cwd: JCO_DIR, stdio: 'inherit' });
// jco 1.35 binds the imported resources Symbol and Function to those names inside instantiate(),
// shadowing JavaScript's globals: rename them.
const js = join(out, `${name}.js`);
let src = readFileSync(js, 'utf8');
src = src.replace(/const \{ Function, Library, Symbol, /, 'const { Function: Function$dl, Library, Symbol: Symbol$dl, ');
for (const r of ['Function', 'Symbol']) {
  src = src.split(`instanceof ${r})`).join(`instanceof ${r}$dl)`)
    .split(`Object.create(${r}.prototype)`).join(`Object.create(${r}$dl.prototype)`)
    .split(`${r}[symbolCabiDispose]`).join(`${r}$dl[symbolCabiDispose]`)
    .split(`if (${r}=== undefined)`).join(`if (${r}$dl=== undefined)`);
}
src = src.split('Function.fromAlloc(').join('Function$dl.fromAlloc(');
writeFileSync(js, src);
if (base) process.chdir(base);

const imports = { ...dl };
const mode = argv[0];
if (mode === '--run') {
  argv.shift();
  const shim = (m) => import(pathToFileURL(join(JCO_DIR, `node_modules/@bytecodealliance/preview2-shim/dist/nodejs/${m}.js`)));
  const [cli, io, fsys, clocks] = await Promise.all(['cli', 'io', 'filesystem', 'clocks'].map(shim));
  cli._setArgs([name, ...argv]);
  Object.assign(imports, {
    'wasi:cli/environment': cli.environment, 'wasi:cli/exit': cli.exit, 'wasi:cli/stderr': cli.stderr,
    'wasi:cli/stdin': cli.stdin, 'wasi:cli/stdout': cli.stdout, 'wasi:cli/terminal-input': cli.terminalInput,
    'wasi:cli/terminal-output': cli.terminalOutput, 'wasi:cli/terminal-stderr': cli.terminalStderr,
    'wasi:cli/terminal-stdin': cli.terminalStdin, 'wasi:cli/terminal-stdout': cli.terminalStdout,
    'wasi:io/error': io.error, 'wasi:io/streams': io.streams, 'wasi:clocks/wall-clock': clocks.wallClock,
    'wasi:filesystem/preopens': fsys.preopens, 'wasi:filesystem/types': fsys.types,
  });
}
const calls = [];
if (mode !== '--run') {
  while (argv.length) {
    if (argv.shift() !== '--call' || argv.length < 2) {
      console.error('usage: node dl-node.mjs [--base DIR] COMPONENT.wasm (--call FUNC JSON-ARGS)... | --run [ARGS...]');
      process.exit(2);
    }
    calls.push([argv.shift(), JSON.parse(argv.shift())]);
  }
}
const { instantiate } = await import(pathToFileURL(js));
const load = async (p) => WebAssembly.compile(readFileSync(join(out, p)));
const inst = await instantiate(load, imports);
if (mode === '--run') {
  // wasi:cli/exit exits the process itself; returning from run is exit 0
  inst.run.run();
  process.exit(0);
}
for (const [func, args] of calls) {
  const line = { call: func };
  try {
    line.value = inst[func.replace(/-([a-z])/g, (_, x) => x.toUpperCase())](...args);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) line.trap = String(e.message);
    else if (e && typeof e === 'object' && 'payload' in e) line.err = e.payload;
    else line.error = String(e?.stack ?? e);
  }
  console.log(JSON.stringify(line, (_, v) => (typeof v === 'bigint' ? v.toString() : v)));
}
