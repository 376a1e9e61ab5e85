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
    // The reader throws a file's refusal as a string; anything else is the
    // reader's own failure.
    const refused = typeof error === "string";
    self.postMessage({ id: data.id, error: String(error), broken: !refused });
  }
};
