// An independent wRPC peer for graal-host's tests: wRPC's own JavaScript implementation (wrpc-js,
// vendored) invokes wasi:keyvalue functions on a wRPC/TCP server (`wasidl serve` of a keyvalue
// plugin) and prints each result as JSON, a line each.
//   node wrpc-peer.mjs PORT
import net from 'node:net';
import { t, invoke } from './wrpc-js/index.js';

const port = Number(process.argv[2]);
const store = 'wasi:keyvalue/store@0.2.0-draft2';
const atomics = 'wasi:keyvalue/atomics@0.2.0-draft2';
const batch = 'wasi:keyvalue/batch@0.2.0-draft2';
const error = t.variant({ 'no-such-store': null, 'access-denied': null, other: t.string });
const bytes = t.list(t.u8);

/** One TCP connection as a wrpc-js transport (wRPC/TCP: a connection per invocation). */
function tcp() {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => {
      const chunks = s[Symbol.asyncIterator]();
      resolve({
        read: async () => {
          const { value, done } = await chunks.next();
          return done ? null : new Uint8Array(value);
        },
        write: (b) => new Promise((ok, fail) => s.write(b, (e) => (e ? fail(e) : ok()))),
        closeWrite: () => new Promise((ok) => s.end(ok)),
      });
    });
    s.on('error', reject);
  });
}

async function call(instance, func, paramTypes, args, resultTypes) {
  const { results, done } = await invoke(await tcp(), instance, func, paramTypes, args, resultTypes);
  await done;
  return results;
}

const text = (b) => new TextDecoder().decode(b);
const show = (v) =>
  JSON.stringify(v, (k, x) =>
    x instanceof Uint8Array ? `bytes(${text(x)})` : typeof x === 'bigint' ? `${x}` : x,
  );
const out = (label, v) => console.log(`${label}: ${show(v)}`);

const [opened] = await call(store, 'open', [t.string], ['js'], [t.result(t.own('bucket'), error)]);
const bucket = opened.val;
console.log(`open js: ${opened.tag}, a handle of ${bucket.length} bytes`);
const b = t.borrow('bucket');
const enc = (s) => new TextEncoder().encode(s);
out('set k', (await call(store, 'bucket.set', [b, t.string, bytes], [bucket, 'k', enc('v1')], [t.result(null, error)]))[0]);
out('get k', (await call(store, 'bucket.get', [b, t.string], [bucket, 'k'], [t.result(t.option(bytes), error)]))[0]);
out('get missing', (await call(store, 'bucket.get', [b, t.string], [bucket, 'missing'], [t.result(t.option(bytes), error)]))[0]);
out('exists k', (await call(store, 'bucket.exists', [b, t.string], [bucket, 'k'], [t.result(t.bool, error)]))[0]);
const keyResponse = t.record({ keys: t.list(t.string), cursor: t.option(t.string) });
out('list-keys', (await call(store, 'bucket.list-keys', [b, t.option(t.string)], [bucket, undefined], [t.result(keyResponse, error)]))[0]);
out('increment n +40', (await call(atomics, 'increment', [b, t.string, t.s64], [bucket, 'n', 40n], [t.result(t.s64, error)]))[0]);
out('increment n +2', (await call(atomics, 'increment', [b, t.string, t.s64], [bucket, 'n', 2n], [t.result(t.s64, error)]))[0]);
out('increment k', (await call(atomics, 'increment', [b, t.string, t.s64], [bucket, 'k', 1n], [t.result(t.s64, error)]))[0]);
const [cas] = await call(atomics, 'cas.new', [b, t.string], [bucket, 'k'], [t.result(t.own('cas'), error)]);
out('cas current', (await call(atomics, 'cas.current', [t.borrow('cas')], [cas.val], [t.result(t.option(bytes), error)]))[0]);
const casError = t.variant({ 'store-error': error, 'cas-failed': t.own('cas') });
out('swap k', (await call(atomics, 'swap', [t.own('cas'), bytes], [cas.val, enc('v2')], [t.result(null, casError)]))[0]);
out('set-many', (await call(batch, 'set-many', [b, t.list(t.tuple(t.string, bytes))], [bucket, [['x', enc('1')], ['y', enc('2')]]], [t.result(null, error)]))[0]);
out('get-many', (await call(batch, 'get-many', [b, t.list(t.string)], [bucket, ['k', 'x', 'nope']], [t.result(t.list(t.option(t.tuple(t.string, bytes))), error)]))[0]);
out('open ""', (await call(store, 'open', [t.string], [''], [t.result(t.own('bucket'), error)]))[0]);
// wRPC has no resource drop; wasidl's is the invocation `[resource-drop]bucket`.
out('drop bucket', await call(store, '[resource-drop]bucket', [t.own('bucket')], [bucket], []));
try {
  await call(store, 'no-such-function', [], [], [t.bool]);
  console.log('no-such-function: answered');
} catch (e) {
  console.log('no-such-function: no answer');
}
