// Reference runtime for the WASI 0.2 command guests: runs a command component with `jco run` (jco
// transpiles it and runs it on node with @bytecodealliance/preview2-shim) under a sandbox set up here,
// and prints one JSON line {"stdout", "stderr", "exit"} (stdout and stderr as UTF-8 text), so a Java
// test can run the same component under our host and compare.
//
//   node wasi-run.mjs [--env NAME=VALUE]... [--dir HOST::GUEST]... [--argv0 NAME] [--net]
//                     COMPONENT.wasm [ARGS...]        (stdin is passed through to the guest)
//
// The guest sees exactly: argv = [argv0, ARGS...] (argv0 defaults to the file name without .wasm),
// the --env variables and nothing else of node's environment, the --dir preopens (HOST mapped to
// the guest path GUEST; none by default), no initial cwd, and no network unless --net (jco run's
// own sandbox defaults, made explicit). jco run exits 0 when the guest's run returns ok and 1 when it
// returns err or traps (the stack goes to stderr); wasi:cli/exit's exit(err) also exits 1, and
// exit-with-code(n) (0.2.12's unstable one) exits n.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const usage = () => {
  console.error('usage: node wasi-run.mjs [--env NAME=VALUE]... [--dir HOST::GUEST]... [--argv0 NAME] [--net] '
    + 'COMPONENT.wasm [ARGS...]');
  process.exit(2);
};

const argv = process.argv.slice(2);
const env = {};
const dirs = [];
let argv0 = null;
let net = false;
while (argv.length && argv[0].startsWith('--')) {
  const opt = argv.shift();
  if (opt === '--net') {
    net = true;
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
  } else if (opt === '--argv0') {
    argv0 = value;
  } else {
    usage();
  }
}
const component = argv.shift();
if (!component) usage();
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
  const child = spawn(process.execPath,
    [jco, 'run', '--jco-dir', join(dir, 'out'), '--jco-import', join(dir, 'setup.mjs'), resolve(component),
      ...argv],
    { stdio: ['inherit', 'pipe', 'pipe'], env: { ...process.env, NODE_NO_WARNINGS: '1' } });
  const out = [];
  const err = [];
  child.stdout.on('data', (b) => out.push(b));
  child.stderr.on('data', (b) => err.push(b));
  const exit = await new Promise((res, rej) => {
    child.on('error', rej);
    child.on('close', (code, signal) => res(code ?? `signal ${signal}`));
  });
  process.stdout.write(JSON.stringify({
    stdout: Buffer.concat(out).toString('utf8'),
    stderr: Buffer.concat(err).toString('utf8'),
    exit,
  }) + '\n');
} finally {
  await rm(dir, { recursive: true, force: true });
}
