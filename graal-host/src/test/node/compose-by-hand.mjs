// Composes a wasi:keyvalue plugin with the keyvalue app by hand (guest-toolchain.md's "composition
// without wac"), to test the plugins (guests/kv-plugin-c) independently of wasidl's own plugging:
//   node compose-by-hand.mjs PLUGIN.wasm APP.wasm OUT.wasm
// jco prints both as component WAT. The result nests both: it instantiates the plugin, then the app
// with the plugin's three wasi:keyvalue exports and its own imports for the rest, and exports the
// app's test:kv-app/app. Its imports are the app's other imports (declared as the app declares
// them: the app's top-level forms after its keyvalue imports, up to its first core module) and the
// plugin's (e.g. wasi:dl for the SQLite one; declared with the plugin's forms, names prefixed).
// Takes 10-30 s for the 12.7 MB app.
import { parse, print } from '@bytecodealliance/jco';
import { readFile, writeFile } from 'node:fs/promises';

const [pluginPath, appPath, outPath] = process.argv.slice(2);
const plugin = await print(await readFile(pluginPath));
const app = await print(await readFile(appPath));
const KV = ['store', 'atomics', 'batch'].map((i) => `wasi:keyvalue/${i}@0.2.0-draft2`);
const importsOf = (text) => [...text.matchAll(/^ {2}\(import "([^"]+)" \(instance /gm)].map((m) => m[1]);

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
if (lastKv < 0 || code < lastKv) throw new Error('the app does not start with its keyvalue imports');
const appDecls = appLines.slice(lastKv + 1, code).join('\n');
if (appDecls.includes('wasi:keyvalue')) throw new Error('the app declares more keyvalue items late');
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
  '  (alias export $app-inst "test:kv-app/app@0.1.0" (instance $run))',
  '  (export "test:kv-app/app@0.1.0" (instance $run))',
  ')',
].filter((s) => s !== '').join('\n');
await writeFile(outPath, await parse(text));
