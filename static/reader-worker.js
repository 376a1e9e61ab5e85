// The workbook reader's worker. scripts/postbuild.mjs appends this to the
// reader's wasm-bindgen glue (`--target no-modules`, which defines
// `wasm_bindgen`) and writes the whole as jianfu-reader-HASH.js; the
// offline file carries the same text and starts it from a Blob.
//
// Messages in: `{ wasm }` once, the reader's wasm as a URL or its bytes;
// then `{ id, bytes, lang }`. Out: `{ id, book }`, or `{ id, error, broken }`
// where `broken` says the reader itself failed (its wasm trapped, or could
// not start), so the page starts a new worker for the next file.
let started = null;
self.onmessage = async ({ data }) => {
  if (data.wasm !== undefined) {
    started = wasm_bindgen({ module_or_path: data.wasm });
    return;
  }
  try {
    await started;
    self.postMessage({ id: data.id, book: wasm_bindgen.read(data.bytes, data.lang) });
  } catch (error) {
    // The reader throws a file's refusal as a string, in the user's
    // language; anything else is the reader's own failure, said here.
    if (typeof error === "string") {
      self.postMessage({ id: data.id, error, broken: false });
      return;
    }
    const en = data.lang === "en";
    const trapped = error instanceof WebAssembly.RuntimeError;
    const said = trapped
      ? en
        ? "The reader stopped on this workbook (it may be damaged, or laid out in a way the reader does not know); the list on screen is untouched. Open it in a spreadsheet program, save it as .xlsx and try again."
        : "读取这个工作簿时出错（文件可能已损坏，或格式特殊），页面上的清单未受影响。请在表格软件中打开它，另存为 .xlsx 后重试。"
      : en
        ? "The workbook reader could not be loaded; check the connection to the site and try again."
        : "工作簿读取模块未能加载，请检查与网站的连接后重试。";
    self.postMessage({ id: data.id, error: `${said} (${error})`, broken: true });
  }
};
