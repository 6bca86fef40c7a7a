// Composes a plugin with an app by hand (guest-toolchain.md's "composition without wac"), to test
// the wasi:keyvalue plugins (guests/kv-plugin-c) independently of wasidl's own plugging:
//   node compose-by-hand.mjs PLUGIN.wasm APP.wasm OUT.wasm
// jco prints both as component WAT. The result nests both: it instantiates the plugin, then the app
// with the plugin's exported interfaces for the app's imports of those names (which must be the
// app's first imports) and its own imports for the rest, and exports what the app exports. Its
// imports are the app's other imports (declared as the app declares them: the app's top-level
// forms after its plugged imports, up to its first definition) and the plugin's (e.g. wasi:dl for
// the SQLite one; declared with the plugin's forms, names prefixed). 10-30 s for the 12.7 MB app.
import { parse, print } from '@bytecodealliance/jco';
import { readFile, writeFile } from 'node:fs/promises';

const [pluginPath, appPath, outPath] = process.argv.slice(2);
const plugin = await print(await readFile(pluginPath));
const app = await print(await readFile(appPath));
const importsOf = (text) => [...text.matchAll(/^ {2}\(import "([^"]+)" \(instance /gm)].map((m) => m[1]);
const exportsOf = (text) =>
  [...text.matchAll(/^ {2}\(export (?:\$\S+ )?(?:\(;\d+;\) )?"([^"]+)" \((instance|func) /gm)].map((m) => [m[1], m[2]]);
const KV = exportsOf(plugin).filter(([n, kind]) => kind === 'instance' && importsOf(app).includes(n)).map(([n]) => n);
if (KV.length === 0) throw new Error('the app imports no interface the plugin exports');

// The plugin's top-level forms up to its last import: the types and imports to declare outside.
const pluginLines = plugin.split('\n');
let pluginHead = 0;
pluginLines.forEach((line, i) => { if (line.startsWith('  (import "')) pluginHead = i + 1; });
const pluginDecls = pluginLines.slice(1, pluginHead).join('\n')
  .replace(/\$"([^"]*)"|\$([^\s()"]+)/g, (_, q, p) => (q !== undefined ? `$"kv-plug-${q}"` : `$kv-plug-${p}`));
const pluginArgs = importsOf(plugin).map((n) => `\n      (with "${n}" (instance $kv-plug-${n}))`).join('');

// The app's declarations of its other imports: after its last keyvalue import, before its code.
const appLines = app.split('\n');
const lastKv = Math.max(...KV.map((n) => appLines.findIndex((l) => l.startsWith(`  (import "${n}"`))));
const code = appLines.findIndex((l) => /^ {2}\((core )?(module|component|instance|func|core)/.test(l));
if (lastKv < 0 || code < lastKv) throw new Error('the app does not start with its plugged imports');
const appDecls = appLines.slice(lastKv + 1, code).join('\n');
if (KV.some((n) => appDecls.includes(n))) throw new Error('the app declares plugged items late');
const appImports = importsOf(appDecls);
const dup = appImports.filter((n) => importsOf(plugin).includes(n));
if (dup.length) throw new Error(`both import ${dup}: not supported here`);

const indent = (text) => text.split('\n').map((l) => (l === '' ? l : '  ' + l)).join('\n');
const aliases = KV.map((n, i) => `  (alias export $kv-plug "${n}" (instance $kv${i}))`).join('\n');
const appArgs = [...KV.map((n, i) => `(with "${n}" (instance $kv${i}))`),
  ...appImports.map((n) => `(with "${n}" (instance $${n}))`)].map((w) => `\n      ${w}`).join('');
const text = [
  '(component',
  pluginDecls,
  appDecls,
  indent(plugin).replace('  (component', '  (component $kv-plugin'),
  `  (instance $kv-plug (instantiate $kv-plugin${pluginArgs}))`,
  aliases,
  indent(app).replace('  (component', '  (component $app'),
  `  (instance $app-inst (instantiate $app${appArgs}))`,
  ...exportsOf(app).flatMap(([n, kind], i) => [
    `  (alias export $app-inst "${n}" (${kind} $out${i}))`,
    `  (export "${n}" (${kind} $out${i}))`,
  ]),
  ')',
].filter((s) => s !== '').join('\n');
await writeFile(outPath, await parse(text));
