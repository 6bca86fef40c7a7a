// Composes a wasi:keyvalue plugin with the keyvalue app by hand (guest-toolchain.md's "composition
// without wac"), to test the plugins (guests/kv-plugin-c) independently of wasidl's own plugging:
//   node compose-by-hand.mjs PLUGIN.wasm APP.wasm OUT.wasm
// jco prints both as component WAT; the plugin is nested at the top of the app and instantiated,
// and the app's three wasi:keyvalue imports become aliases of that instance's exports (jco prints
// references by name, so the extra component and instance shift no index the app uses). The
// plugin's own imports (e.g. wasi:dl for the SQLite one) become imports of the result, declared
// with the plugin's own types (copied, names prefixed) and passed on. Takes ~30 s for the 12.7 MB app.
import { parse, print } from '@bytecodealliance/jco';
import { readFile, writeFile } from 'node:fs/promises';

const [pluginPath, appPath, outPath] = process.argv.slice(2);
const plugin = await print(await readFile(pluginPath));
const app = await print(await readFile(appPath));

const pluginLines = plugin.split('\n');
if (pluginLines[0] !== '(component') throw new Error('unexpected plugin text');
// The plugin's top-level forms up to its last import: the types and imports to declare outside.
let headEnd = 0;
pluginLines.forEach((line, i) => { if (line.startsWith('  (import "')) headEnd = i + 1; });
const head = pluginLines.slice(1, headEnd).join('\n')
  .replace(/\$"([^"]*)"|\$([^\s()"]+)/g, (_, q, p) => (q !== undefined ? `$"kv-plug-${q}"` : `$kv-plug-${p}`));
const importNames = [...plugin.matchAll(/^ {2}\(import "([^"]+)" \(instance /gm)].map((m) => m[1]);
const args = importNames.map((n) => `\n      (with "${n}" (instance $kv-plug-${n}))`).join('');
const nested = pluginLines.map((l) => '  ' + l).join('\n').replace('  (component', '  (component $kv-plugin');

if (!app.startsWith('(component\n')) throw new Error('unexpected app text');
let body = app.slice('(component\n'.length);
for (const iface of ['store', 'atomics', 'batch']) {
  const name = `wasi:keyvalue/${iface}@0.2.0-draft2`;
  const esc = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const re = new RegExp(`^ {2}\\(import "${esc}" \\(instance \\$${esc} \\(;\\d+;\\) \\(type [^)]*\\)\\)\\)$`, 'm');
  if (!re.test(body)) throw new Error(`no import of ${name} in the app`);
  body = body.replace(re, `  (alias export $kv-plug "${name}" (instance $${name}))`);
}

const text = ['(component', head, nested, `  (instance $kv-plug (instantiate $kv-plugin${args}))`, body]
  .filter((s) => s !== '').join('\n');
await writeFile(outPath, await parse(text));
