// The keyvalue app: uses all of wasi:keyvalue@0.2.0-draft2 (store, atomics, batch) and reports one
// line per step. Values are shown as text; counters are 8-byte little-endian s64.
import { open } from 'wasi:keyvalue/store@0.2.0-draft2';
import { Cas, increment, swap } from 'wasi:keyvalue/atomics@0.2.0-draft2';
import { getMany, setMany, deleteMany } from 'wasi:keyvalue/batch@0.2.0-draft2';

const enc = new TextEncoder();
const dec = new TextDecoder();

function err(e) {
  const p = e && e.payload !== undefined ? e.payload : e;
  if (p && typeof p === 'object' && 'tag' in p) {
    if (p.tag === 'store-error') return `store-error(${err(p.val)})`;
    if (p.tag === 'cas-failed') return 'cas-failed';
    return p.val === undefined ? p.tag : `${p.tag}(${p.val})`;
  }
  return `thrown ${e}`;
}

function attempt(f) {
  try {
    const v = f();
    return v === undefined ? 'ok' : `ok ${v}`;
  } catch (e) {
    return `err ${err(e)}`;
  }
}

function text(v) {
  return v === undefined || v === null ? 'none' : dec.decode(v);
}

function allKeys(bucket, out) {
  let cursor = undefined;
  let page = 0;
  do {
    const r = bucket.listKeys(cursor);
    page++;
    out.push(`list-keys page ${page}: [${r.keys.join(', ')}] ${r.cursor === undefined ? 'end' : 'more'}`);
    cursor = r.cursor;
  } while (cursor !== undefined && page < 10);
}

export const app = {
  run() {
    const out = [];
    const bucket = open('app');
    out.push('open app: ok');
    for (const [k, v] of [['b', 'two'], ['a', 'one'], ['c', 'three'], ['d', 'four']]) {
      bucket.set(k, enc.encode(v));
    }
    out.push('set b, a, c, d');
    out.push(`get a: ${text(bucket.get('a'))}`);
    out.push(`get missing: ${text(bucket.get('missing'))}`);
    out.push(`exists a: ${bucket.exists('a')}`);
    out.push(`exists missing: ${bucket.exists('missing')}`);
    bucket.delete('d');
    out.push(`delete d, exists d: ${bucket.exists('d')}`);
    bucket.delete('never-there');
    out.push('delete never-there: ok');
    allKeys(bucket, out);

    out.push(`increment counter +5: ${attempt(() => increment(bucket, 'counter', 5n))}`);
    out.push(`increment counter +3: ${attempt(() => increment(bucket, 'counter', 3n))}`);
    out.push(`get counter: [${Array.from(bucket.get('counter')).join(' ')}]`);
    out.push(`increment a +1: ${attempt(() => increment(bucket, 'a', 1n))}`);

    const cas = Cas.new(bucket, 'a');
    out.push(`cas a current: ${text(cas.current())}`);
    out.push(`swap a -> uno: ${attempt(() => swap(cas, enc.encode('uno')))}`);
    out.push(`get a: ${text(bucket.get('a'))}`);
    const stale = Cas.new(bucket, 'a');
    bucket.set('a', enc.encode('eins'));
    out.push(`stale cas current: ${text(stale.current())}`);
    out.push(`swap a -> x after a changed: ${attempt(() => swap(stale, enc.encode('x')))}`);
    out.push(`get a: ${text(bucket.get('a'))}`);
    const fresh = Cas.new(bucket, 'new-key');
    out.push(`cas new-key current: ${text(fresh.current())}`);
    out.push(`swap new-key -> created: ${attempt(() => swap(fresh, enc.encode('created')))}`);

    setMany(bucket, [['x', enc.encode('1')], ['y', enc.encode('2')]]);
    out.push('set-many x, y');
    const got = getMany(bucket, ['x', 'missing', 'y']);
    out.push(`get-many x, missing, y: ${got.map((e) => (e === undefined ? 'none' : `${e[0]}=${text(e[1])}`)).join(', ')}`);
    deleteMany(bucket, ['x', 'y', 'missing']);
    out.push(`delete-many x, y, missing; exists x: ${bucket.exists('x')}`);
    allKeys(bucket, out);

    const again = open('app');
    out.push(`open app again, get a: ${text(again.get('a'))}`);
    const other = open('other');
    out.push(`open other, exists a: ${other.exists('a')}`);
    out.push(`open empty name: ${attempt(() => (open('') ? 'bucket' : 'none'))}`);
    return out;
  },
};
