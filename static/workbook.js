// Workbooks, read in a worker that is started the first time a workbook is
// chosen, so the page's first load carries none of the reader (README,
// Workbooks). scripts/postbuild.mjs makes this text the module
// jianfu-workbooks-HASH.js, which the hosted page and jianfu-api.js import
// only then, and puts it into the offline file's loader; each gives its own
// `source`:
//   worker(): a new Worker running jianfu-reader-HASH.js;
//   wasm():   the reader's wasm, as a URL or as bytes.
// No `await`: the loaders it goes into must parse in every browser the
// check lets through (see tests/e2e/old-browser.test.mjs).
// `read(bytes, lang)` resolves to the reader's `{ chosen, sheets }`, or
// rejects with an Error whose message says what is wrong with the file, in
// `lang`. The page's wasm calls it as `jianfuReadWorkbook`.
const jianfuWorkbooks = (source) => {
  let worker = null;
  let last = 0;
  const pending = new Map();
  const stop = (message) => {
    if (worker) worker.terminate();
    worker = null;
    for (const call of pending.values()) call.reject(new Error(message));
    pending.clear();
  };
  const start = () => {
    worker = source.worker();
    worker.onmessage = ({ data }) => {
      const call = pending.get(data.id);
      if (!call) return;
      pending.delete(data.id);
      if (data.error === undefined) {
        call.resolve(data.book);
      } else {
        call.reject(new Error(data.error));
        if (data.broken) stop(data.error);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      stop(event.message || "jianfu: the workbook reader stopped");
    };
    worker.postMessage({ wasm: source.wasm() });
  };
  const read = (bytes, lang) =>
    new Promise((resolve, reject) => {
      if (!worker) start();
      last += 1;
      pending.set(last, { resolve, reject });
      worker.postMessage({ id: last, bytes, lang });
    });
  // A workbook given to the API: an ArrayBuffer, a typed array or a Blob
  // (a File from an <input type="file"> is a Blob).
  const bytesOf = (data) => {
    if (typeof Blob !== "undefined" && data instanceof Blob) return data.arrayBuffer().then((b) => new Uint8Array(b));
    if (data instanceof ArrayBuffer) return Promise.resolve(new Uint8Array(data));
    if (ArrayBuffer.isView(data)) return Promise.resolve(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    return Promise.reject(
      new TypeError("jianfu: estimateWorkbook(data): data must be an ArrayBuffer, a Uint8Array or a Blob"),
    );
  };
  // `estimateWorkbook(data, assumptions?, options?)`: what `estimate` gives
  // for the workbook's sheet, plus `sheet` (its name) and `sheets` (each
  // sheet's name, rows and whether it is hidden). `options.sheet` (a name,
  // or an index from 0) picks another sheet than the one naming the most
  // fields. `api` is the wasm module's exports.
  const estimateWorkbook = (api) => (data, assumptions, options) =>
    Promise.resolve().then(() => {
      const lang = options && options.lang === "en" ? "en" : "zh";
      return bytesOf(data)
        .then((bytes) => read(bytes, lang))
        .then((book) => fromSheet(api, book, assumptions, options));
    });
  const fromSheet = (api, book, assumptions, options) => {
    const wanted = options && options.sheet;
    const at =
      wanted === undefined || wanted === null
        ? book.chosen
        : typeof wanted === "number"
          ? wanted
          : book.sheets.findIndex((sheet) => sheet.name === wanted);
    const sheet = book.sheets[at];
    if (!sheet) throw new RangeError(`jianfu: options.sheet: the workbook has no sheet ${JSON.stringify(wanted)}`);
    if (sheet.error !== undefined) throw new Error(sheet.error);
    const result = api.estimateSheet(sheet.text, sheet.merges, assumptions, options);
    result.sheet = sheet.name;
    result.sheets = book.sheets.map(({ name, rows, hidden }) => ({ name, rows, hidden }));
    return result;
  };
  return { read, estimateWorkbook };
};
