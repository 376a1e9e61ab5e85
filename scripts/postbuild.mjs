// Finishes a `trunk build` in dist/ (trunk has no single-file mode, no
// service worker and no CSP of its own). Run by `make build`.
//
//  1. index.html: its own inline loader in place of trunk's, which starts the
//     app only if static/check.js found the browser able to run it, shows
//     check.js's message if the wasm fails to start, and registers the
//     service worker; static/check.js inline, to which the wasm's preload
//     moves, so that an old browser never fetches it; and a
//     Content-Security-Policy meta tag allowing only its own origin plus the
//     hashes of those two inline scripts.
//  2. sw.js: the service worker, from static/sw.js, with the list of assets
//     and a cache name derived from their content.
//  3. jianfu-api.js: a module with a stable name for intranet pages:
//     `import { estimate, mount } from "./jianfu-api.js"`.
//  4. jianfu-offline.html: the whole app in one file (CSS, the check, JS and
//     the wasm as base64), for demonstrations from disk with no network.
//  5. The workbook reader (built by `make build` into the directory given
//     second): jianfu-reader-HASH.js, its no-modules glue followed by
//     static/reader-worker.js, which runs in a worker, and
//     jianfu-reader-HASH_bg.wasm; and jianfu-workbooks-HASH.js, the module
//     made of static/workbook.js that starts the worker, which the page's
//     loader and jianfu-api.js import the first time a workbook is chosen.
//     The offline file has static/workbook.js in its loader, and carries
//     the worker's script and wasm as inert data, started from a Blob only
//     when needed.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dist = process.argv[2] ?? "dist";
const readerDir = process.argv[3];
if (!readerDir) throw new Error("postbuild: usage: postbuild.mjs DIST READER_DIR (see make build)");
const read = (name) => readFileSync(join(dist, name));
const sha256 = (text) => createHash("sha256").update(text).digest("base64");
// A subresource integrity value, as trunk writes them.
const integrity = (text) => `sha384-${createHash("sha384").update(text).digest("base64")}`;

const indexPath = join(dist, "index.html");
let index = readFileSync(indexPath, "utf8");
const find = (pattern, what) => {
  const match = index.match(pattern);
  if (!match) throw new Error(`postbuild: no ${what} in ${indexPath}; is this trunk's output?`);
  return match;
};
const js = find(/from '\.\/(jianfu-[0-9a-f]+\.js)'/, "JS module")[1];
const wasm = find(/module_or_path: '\.\/(jianfu-[0-9a-f]+_bg\.wasm)'/, "wasm")[1];
const css = find(/href="\.\/(app-[0-9a-f]+\.css)"/, "stylesheet")[1];
const icon = find(/rel="icon" href="\.\/(favicon-[0-9a-f]+\.svg)"/, "icon")[1];
const loader = find(/<script type="module">([\s\S]*?)<\/script>/, "inline loader");
const check = find(/<script src="\.\/(check-[0-9a-f]+\.js)"[^>]*><\/script>/, "browser check");
const preload = find(/<link rel="preload" href="\.\/[^"]*_bg\.wasm"[^>]*>/, "wasm preload");

// The glue's snippets (wasm-bindgen's inline JS: web::columns) go into the
// glue itself, so that the app stays one module wherever it runs (the
// offline file inlines the glue; sw.js lists the files of dist/). The glue's
// module preload gets its new integrity, the snippets' preloads go.
{
  let glueText = read(js).toString("utf8");
  glueText = glueText.replace(/^import \{ ([\w$, ]+) \} from '\.\/(snippets\/[\w-]+\/[\w-]+\.js)';\n/gm, (_, names, path) => {
    const snippet = read(path).toString("utf8");
    for (const name of names.split(", ")) {
      if (!new RegExp(`^export function ${name}\\(`, "m").test(snippet)) {
        throw new Error(`postbuild: ${path} does not export function ${name}`);
      }
    }
    return snippet.replace(/^export function /gm, "function ") + "\n";
  });
  if (/from '\.\/snippets\//.test(glueText)) throw new Error("postbuild: a snippet import of another form is left in the glue");
  writeFileSync(join(dist, js), glueText);
  rmSync(join(dist, "snippets"), { recursive: true, force: true });
  const glueIntegrity = integrity(glueText);
  index = index
    .replace(/<link rel="modulepreload" href="\.\/snippets\/[^>]*>\s*/g, "")
    .replace(new RegExp(`(<link rel="modulepreload" href="\\./${js.replace(".", "\\.")}"[^>]*integrity=")[^"]*"`), `$1${glueIntegrity}"`);
}

// 5. The reader: its glue and the worker's own script, named for their
// content so that no cache mixes builds.
const readerGlue = readFileSync(join(readerDir, "jianfu-reader.js"), "utf8");
const readerWasm = readFileSync(join(readerDir, "jianfu-reader_bg.wasm"));
const readerScript = `${readerGlue}\n${readFileSync("static/reader-worker.js", "utf8")}`;
const readerHash = createHash("sha256").update(readerScript).update(readerWasm).digest("hex").slice(0, 16);
const readerJs = `jianfu-reader-${readerHash}.js`;
const readerBin = `jianfu-reader-${readerHash}_bg.wasm`;
for (const name of readdirSync(dist).filter((n) => n.startsWith("jianfu-reader-"))) rmSync(join(dist, name));
writeFileSync(join(dist, readerJs), readerScript);
writeFileSync(join(dist, readerBin), readerWasm);
const workbooks = readFileSync("static/workbook.js", "utf8").replace(/^\s*\/\/.*\n/gm, "");
// The hosted page and jianfu-api.js import static/workbook.js as a module
// of its own only when a workbook is chosen; the reader is beside it.
const workbooksModule = `${workbooks}
const workbooks = jianfuWorkbooks({
  worker: () => new Worker(new URL("./${readerJs}", import.meta.url)),
  wasm: () => new URL("./${readerBin}", import.meta.url).href,
});
export const read = workbooks.read;
export const estimateWorkbook = workbooks.estimateWorkbook;
`;
const workbooksJs = `jianfu-workbooks-${createHash("sha256").update(workbooksModule).digest("hex").slice(0, 16)}.js`;
for (const name of readdirSync(dist).filter((n) => n.startsWith("jianfu-workbooks-"))) rmSync(join(dist, name));
writeFileSync(join(dist, workbooksJs), workbooksModule);
// What a loader puts in the page for the wasm to call, and the API's
// estimateWorkbook; `api` names the wasm module's exports.
const lazyWorkbooks = (target, api) => `
const workbooks = () => import("./${workbooksJs}");
${target}.jianfuReadWorkbook = (bytes, lang) => workbooks().then((m) => m.read(bytes, lang));
const estimateWorkbook = (...args) => workbooks().then((m) => m.estimateWorkbook(${api})(...args));
`;

// Starts the app with `start` (a promise of the started wasm), then runs
// `then`, unless static/check.js found that this browser cannot run it; a
// failure goes to check.js's message. `ran` tells check.js the loader ran at
// all. No top-level await: Firefox has it only from 89, above the wasm's own
// floor. Without check.js (not loaded, for whatever reason) the app is tried
// anyway.
const guarded = (start, then = "") => `
const boot = window.jianfuBoot;
if (boot) boot.ran = true;
if (!boot || boot.ok) {
  ${start}.then(
    (wasm) => {${then}},
    (error) => {
      boot?.fail(error);
      throw error;
    },
  );
}
`;

// 1. The hosted page: the loader; the service worker once the app runs (not
// from file://, where there is none); the wasm preloaded by check.js only
// once the browser passed; then the one inline script pinned in the CSP.
const hostedLoader = `
import init, * as bindings from './${js}';
${lazyWorkbooks("window", "bindings")}
${guarded(
  `init({ module_or_path: './${wasm}' })`,
  `
      window.wasmBindings = bindings;
      window.jianfu.estimateWorkbook = estimateWorkbook;
      dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
      if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
        navigator.serviceWorker.register("./sw.js").catch((error) => console.warn("jianfu: offline cache unavailable:", error));
      }
    `,
)}`;

// The check is in every page, so it ships without its comments (the source,
// static/check.js, keeps them). It is inline, pinned in the CSP by its hash:
// as a file it was fetched beside the glue, and the wasm's fetch (which it
// starts) waited for it, 40–90 ms into a cold load on this machine.
const checkSource = read(check[1]).toString("utf8");
if (/"[^"\n]*\/\/[^"\n]*"|\/\*|<\/script/.test(checkSource)) {
  throw new Error("postbuild: static/check.js has // in a string, a /* comment or </script: strip it another way");
}
const checkScript = checkSource.replace(/^\s*\/\/.*\n/gm, "").replace(/[ \t]+\/\/ .*$/gm, "").replace(/^\s+/gm, "");
rmSync(join(dist, check[1]));
const checkTag = `<script data-preload="./${wasm}">${checkScript}</script>`;

// The style ships without its comments and indentation too (0.6 KB
// gzipped; static/app.css keeps them), its integrity rewritten.
const styleSource = read(css).toString("utf8");
if (/["'][^"'\n]*\/\*/.test(styleSource)) throw new Error("postbuild: static/app.css has /* in a string: strip it another way");
const styleText = styleSource.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s+/gm, "");
writeFileSync(join(dist, css), styleText);
const cssLink = find(/<link rel="stylesheet" href="\.\/app-[0-9a-f]+\.css"[^>]*>/, "stylesheet link")[0];
const cssIntegrity = integrity(styleText);

index = index
  .replace(cssLink, () => cssLink.replace(/ integrity="[^"]*"/, ` integrity="${cssIntegrity}"`))
  .replace(loader[0], () => `<script type="module">${hostedLoader}</script>`)
  .replace(preload[0], "")
  .replace(check[0], () => checkTag);

const csp = (scriptHashes, styleSources, workers = "'self'") =>
  [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.map((h) => `'sha256-${h}'`).join(" ")}`,
    `style-src ${styleSources}`,
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    `worker-src ${workers}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
const cspMeta = (policy) => `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
index = index.replace(
  '<meta charset="utf-8" />',
  `<meta charset="utf-8" />\n    ${cspMeta(csp([sha256(hostedLoader), sha256(checkScript)], "'self'"))}`,
);
writeFileSync(indexPath, index);

// 3. The stable module for intranet pages. It is written before the service
// worker so that the worker precaches it too. A page that imports it has no
// browser check of its own (static/check.js is the app page's), so a wasm
// that cannot start rejects the import with an Error that says which
// browsers work, in the words of index.html's message (README, Browsers).
const browsers = [/<p>(可用的浏览器：[^<]*)<\/p>/, /<p lang="en">(Jianfu works in [^<]*)<\/p>/].map((re) => {
  const found = index.match(re);
  if (!found) throw new Error(`postbuild: index.html has no browser line matching ${re}`);
  return found[1];
});
writeFileSync(
  join(dist, "jianfu-api.js"),
  `// Jianfu's JavaScript API under a stable name. Usage:
//   import { estimate, compare, estimateWorkbook, parse, demoText, version, mount } from "./jianfu-api.js";
import init, * as api from "./${js}";
${lazyWorkbooks("globalThis", "api")}
try {
  await init({ module_or_path: new URL("./${wasm}", import.meta.url) });
} catch (error) {
  throw new Error(${JSON.stringify(`jianfu: ${browsers[1]} ${browsers[0]}`)} + " (" + error + ")", { cause: error });
}
export const { estimate, compare, parse, demoText, version, mount } = api;
export { estimateWorkbook };
`,
);

// 4. The one-file offline build. wasm-bindgen's glue is an ES module; inlined
// into one module script, its exports become plain declarations, and init
// gets the wasm bytes instead of a URL.
const glue = read(js)
  .toString("utf8")
  .replace(/^export \{[^}]*\};?\s*$/gm, "")
  .replace(/^export (function|class|const|let|async function) /gm, "$1 ");
if (/^export /m.test(glue)) throw new Error("postbuild: an export form in the glue was not inlined");
const wasmBase64 = read(wasm).toString("base64");
const fromBase64 = (text) => `Uint8Array.from(atob(${text}), (c) => c.charCodeAt(0))`;
const inert = (id) => `document.getElementById("${id}").textContent`;
const offlineReader = `{
  worker: () => new Worker(URL.createObjectURL(new Blob([${inert("jianfu-reader")}], { type: "text/javascript" }))),
  wasm: () => ${fromBase64(inert("jianfu-reader-wasm"))},
}`;
const offlineScript = `${glue}
${workbooks}
const workbooks = jianfuWorkbooks(${offlineReader});
window.jianfuReadWorkbook = workbooks.read;
{${guarded(
  `__wbg_init({ module_or_path: ${fromBase64(`"${wasmBase64}"`)} })`,
  `window.jianfu.estimateWorkbook = workbooks.estimateWorkbook({ estimateSheet });`,
)}}
`;
if (readerScript.includes("</script")) throw new Error("postbuild: the reader's script holds </script");
const iconData = `data:image/svg+xml;base64,${read(icon).toString("base64")}`;
let offline = readFileSync(indexPath, "utf8")
  .replace(
    /<meta http-equiv="Content-Security-Policy"[^>]*>/,
    // The reader's worker is started from a Blob of the file's own text.
    cspMeta(csp([sha256(offlineScript), sha256(checkScript)], `'sha256-${sha256(styleText)}'`, "blob:")),
  )
  .replace(/<link rel="icon"[^>]*>/, `<link rel="icon" href="${iconData}" />`)
  .replace(/<link rel="stylesheet"[^>]*>/, () => `<style>${styleText}</style>`)
  .replace(/<link rel="modulepreload"[^>]*>/, "")
  .replace(checkTag, () => `<script>${checkScript}</script>`);
offline = offline.replace(
  /<script type="module">[\s\S]*?<\/script>/,
  () =>
    `<script type="text/plain" id="jianfu-reader">${readerScript}</script>\n` +
    `<script type="application/octet-stream" id="jianfu-reader-wasm">${readerWasm.toString("base64")}</script>\n` +
    `<script type="module">${offlineScript}</script>`,
);
if (offline.includes(check[1]) || offline.includes(wasm)) throw new Error("postbuild: the offline file still names a hosted file");
writeFileSync(join(dist, "jianfu-offline.html"), offline);

// 2. The service worker: every file in dist/, under a cache named for their
// content, so a new build never mixes with an old one. The offline file is
// left out: it repeats the whole app, and is only ever downloaded.
// The reader is not precached, which would download it on every first
// visit: the worker caches it the first time a workbook is read.
const all = readdirSync(dist)
  .filter((name) => name !== "sw.js" && name !== "jianfu-offline.html")
  .sort();
const lazy = [workbooksJs, readerJs, readerBin];
const assets = all.filter((name) => !lazy.includes(name));
const version = createHash("sha256");
for (const name of all) version.update(name).update(read(name));
const worker = readFileSync("static/sw.js", "utf8")
  .replace("__VERSION__", version.digest("hex").slice(0, 16))
  .replace("__ASSETS__", JSON.stringify(["./", ...assets.map((a) => `./${a}`)]))
  .replace("__LAZY__", JSON.stringify(lazy.map((a) => `./${a}`)));
if (worker.includes("__VERSION__") || worker.includes("__ASSETS__") || worker.includes("__LAZY__")) {
  throw new Error("postbuild: static/sw.js placeholders not filled");
}
writeFileSync(join(dist, "sw.js"), worker);
console.log(`postbuild: CSP, sw.js (${assets.length} assets), jianfu-api.js, jianfu-offline.html`);
