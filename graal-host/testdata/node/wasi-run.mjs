// Reference runtime for the WASI 0.2 guests: runs a component on node with jco (transpiled, WASI from
// @bytecodealliance/preview2-shim) under a sandbox set up here, and prints one JSON line
// {"stdout", "stderr", "exit"} (stdout and stderr as UTF-8 text), so a Java test can run the same
// component under our host and compare.
//
//   node wasi-run.mjs [--env NAME=VALUE]... [--dir HOST::GUEST]... [--argv0 NAME] [--net]
//                     [--echo-server] [--call IFACE.FUNC JSON-ARGS]... COMPONENT.wasm [ARGS...]
//
// Without --call the component is a command, run by `jco run`; stdin is passed through to it.
// With --call it is a reactor: it is instantiated once and each call made in order; the JSON line
// then also has "calls": [{"call", "value"} | {"call", "err"} | {"call", "trap"} | {"call", "error"}]
// (IFACE is jco's name of the exported interface, e.g. "run" for test:wasi-reactor/run@0.1.0, FUNC
// the WIT name; JSON-ARGS a JSON array; u64/s64 results as decimal strings; a result's ok is the
// "value", its err the "err" (jco unwraps results); "trap" is a WebAssembly.RuntimeError).
//
// --echo-server starts a TCP server on 127.0.0.1 (in this process) that sends back every byte it
// gets; "{echo-port}" in ARGS is replaced by its port. "{closed-port}" is replaced by a loopback
// port nothing listens on (bound and closed just before).
//
// The guest sees exactly: argv = [argv0, ARGS...] (argv0 defaults to the file name without .wasm),
// the --env variables and nothing else of node's environment, the --dir preopens (HOST mapped to
// the guest path GUEST; none by default), no initial cwd, and no network unless --net (jco run's
// own sandbox defaults, made explicit). Exit codes: jco run exits 0 when the guest's run returns ok
// and 1 when it returns err or traps (the stack goes to stderr); wasi:cli/exit's exit(err) exits 1,
// and exit-with-code(n) (0.2.12's unstable one) exits n.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { writeSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

if (process.argv[2] === '--reactor-child') {
  await reactorChild(...process.argv.slice(3));
  process.exit(0);
}

const usage = () => {
  console.error('usage: node wasi-run.mjs [--env NAME=VALUE]... [--dir HOST::GUEST]... [--argv0 NAME] [--net] '
    + '[--echo-server] [--call IFACE.FUNC JSON-ARGS]... COMPONENT.wasm [ARGS...]');
  process.exit(2);
};

const argv = process.argv.slice(2);
const env = {};
const dirs = [];
const calls = [];
let argv0 = null;
let net = false;
let echoServer = false;
while (argv.length && argv[0].startsWith('--')) {
  const opt = argv.shift();
  if (opt === '--net' || opt === '--echo-server') {
    if (opt === '--net') net = true;
    else echoServer = true;
    continue;
  }
  const value = argv.shift();
  if (value === undefined) usage();
  if (opt === '--env') {
    const eq = value.indexOf('=');
    if (eq <= 0) usage();
    env[value.slice(0, eq)] = value.slice(eq + 1);
  } else if (opt === '--dir') {
    const sep = value.indexOf('::');
    const [host, guest] = sep < 0 ? [value, value] : [value.slice(0, sep), value.slice(sep + 2)];
    if (!host || !guest) usage();
    dirs.push([guest, resolve(host)]);
  } else if (opt === '--call') {
    const json = argv.shift();
    if (!/^[^.]+\.[^.]+$/.test(value) || json === undefined) usage();
    calls.push([value, JSON.parse(json)]);
  } else if (opt === '--argv0') {
    argv0 = value;
  } else {
    usage();
  }
}
const component = argv.shift();
if (!component) usage();
const listen = (server) => new Promise((res, rej) => {
  server.once('error', rej);
  server.listen(0, '127.0.0.1', () => res(server.address().port));
});
let echo = null;
if (echoServer) {
  echo = createServer((socket) => socket.on('error', () => {}).pipe(socket));
  const port = await listen(echo);
  for (let i = 0; i < argv.length; i++) argv[i] = argv[i].replaceAll('{echo-port}', String(port));
}
if (argv.some((a) => a.includes('{closed-port}'))) {
  const closed = createServer();
  const port = await listen(closed);
  await new Promise((res) => closed.close(res));
  for (let i = 0; i < argv.length; i++) argv[i] = argv[i].replaceAll('{closed-port}', String(port));
}
const args = [argv0 ?? basename(component).replace(/\.wasm$/, ''), ...argv];

// The set-up module jco run imports before the guest: the same preview2-shim instance the generated
// code uses (jco run links it from jco's own resolution, which is this one).
const shim = (sub) => import.meta.resolve(`@bytecodealliance/preview2-shim/${sub}`);
const q = JSON.stringify;
const setup = `
import { _setEnv, _setArgs, _setCwd } from ${q(shim('cli'))};
import { _setPreopens, _addPreopen } from ${q(shim('filesystem'))};
import { _denyDnsLookup, _denyTcp, _denyUdp } from ${q(shim('sockets'))};
_setEnv(${q(env)});
_setArgs(${q(args)});
_setCwd(undefined);
_setPreopens({});
${dirs.map(([guest, host]) => `_addPreopen(${q(guest)}, ${q(host)});`).join('\n')}
${net ? '' : '_denyDnsLookup(); _denyTcp(); _denyUdp();'}
`;

const dir = await mkdtemp(join(tmpdir(), 'wasidl-wasi-run-'));
try {
  await writeFile(join(dir, 'setup.mjs'), setup);
  // jco's CLI script sits next to its API entry point (the package exports only the API).
  const jco = fileURLToPath(new URL('jco.js', import.meta.resolve('@bytecodealliance/jco')));
  const childArgs = calls.length
    ? [fileURLToPath(import.meta.url), '--reactor-child', dir, resolve(component), JSON.stringify(calls)]
    : [jco, 'run', '--jco-dir', join(dir, 'out'), '--jco-import', join(dir, 'setup.mjs'), resolve(component),
      ...argv];
  const child = spawn(process.execPath, childArgs, {
    stdio: ['inherit', 'pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  const results = [];
  child.stdio[3].on('data', (b) => results.push(b));
  const out = [];
  const err = [];
  child.stdout.on('data', (b) => out.push(b));
  child.stderr.on('data', (b) => err.push(b));
  const exit = await new Promise((res, rej) => {
    child.on('error', rej);
    child.on('close', (code, signal) => res(code ?? `signal ${signal}`));
  });
  const line = {
    stdout: Buffer.concat(out).toString('utf8'),
    stderr: Buffer.concat(err).toString('utf8'),
    exit,
  };
  if (calls.length) line.calls = Buffer.concat(results).length ? JSON.parse(Buffer.concat(results)) : null;
  process.stdout.write(JSON.stringify(line) + '\n');
} finally {
  echo?.close();
  await rm(dir, { recursive: true, force: true });
}

// The child for --call: transpiles the component as jco run does (imports from preview2-shim, linked
// into the output folder), applies the sandbox set-up, instantiates and calls; the calls' results go
// to file descriptor 3, so the guest's stdout and stderr stay its own.
async function reactorChild(dir, componentPath, callsJson) {
  const { transpile } = await import('@bytecodealliance/jco');
  const out = join(dir, 'out');
  const { files } = await transpile(await readFile(componentPath), {
    name: 'component', quiet: true, noTypescript: true, wasiShim: true,
  });
  for (const [name, bytes] of Object.entries(files)) {
    await mkdir(dirname(join(out, name)), { recursive: true });
    await writeFile(join(out, name), bytes);
  }
  await writeFile(join(out, 'package.json'), JSON.stringify({ type: 'module' }));
  await mkdir(join(out, 'node_modules', '@bytecodealliance'), { recursive: true });
  const shimDir = resolve(fileURLToPath(import.meta.resolve('@bytecodealliance/preview2-shim')), '../../..');
  await symlink(shimDir, join(out, 'node_modules', '@bytecodealliance', 'preview2-shim'), 'dir');
  await import(pathToFileURL(join(dir, 'setup.mjs')).href);
  const camel = (name) => name.replace(/-([a-z0-9])/gi, (_, c) => c.toUpperCase());
  const json = (v) => JSON.parse(JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x)));
  const results = [];
  try {
    const root = await import(pathToFileURL(join(out, 'component.js')).href);
    for (const [name, args] of JSON.parse(callsJson)) {
      const [iface, func] = name.split('.');
      const r = { call: name };
      try {
        r.value = json(root[iface][camel(func)](...args));
      } catch (e) {
        if (e?.constructor?.name === 'ComponentError' && 'payload' in e) r.err = json(e.payload);
        else if (e instanceof WebAssembly.RuntimeError) r.trap = e.message;
        else r.error = `${e?.constructor?.name}: ${e?.message}`;
      }
      results.push(r);
    }
  } finally {
    writeSync(3, JSON.stringify(results));
  }
  // let the shim's stdout writes drain, as jco run does
  await new Promise((res) => setTimeout(res));
}
