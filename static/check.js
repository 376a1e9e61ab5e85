// The browser check, before the app (ARCHITECTURE.md, Start). ES5 only: it
// must run in the old browsers it turns away.
(function () {
  "use strict";

  // A module of one function, (func (result ...) code), with a memory if asked.
  function probe(results, memory, code) {
    var type = [0x60, 0, results.length].concat(results);
    var body = [0].concat(code, [0x0b]);
    return new Uint8Array(
      [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, type.length + 1, 1].concat(
        type,
        [3, 2, 1, 0],
        memory ? [5, 3, 1, 0, 1] : [],
        [10, body.length + 2, 1, body.length],
        body
      )
    );
  }

  // What stops this browser running the app, or "".
  function problem() {
    var wasm = window.WebAssembly;
    if (typeof wasm !== "object" || typeof wasm.validate !== "function") return "no WebAssembly";
    // The features of the built wasm (README, Browsers; old-browser.test.mjs
    // holds this list to it), each with a module only it makes valid.
    var features = [
      ["reference types", probe([], 0, [0xd0, 0x6f, 0x1a])], // ref.null extern
      ["multi-value", probe([0x7f, 0x7f], 0, [0x41, 0, 0x41, 0])], // two results
      ["bulk memory", probe([], 1, [0x41, 0, 0x41, 0, 0x41, 0, 0xfc, 0x0b, 0])], // memory.fill
      ["non-trapping float-to-int", probe([], 0, [0x43, 0, 0, 0, 0, 0xfc, 0, 0x1a])], // i32.trunc_sat_f32_s
      ["sign extension", probe([], 0, [0x41, 0, 0xc0, 0x1a])] // i32.extend8_s
    ];
    var missing = [];
    for (var i = 0; i < features.length; i++) {
      if (!wasm.validate(features[i][1])) missing.push(features[i][0]);
    }
    if (missing.length) return "missing WebAssembly " + missing.join(", ");
    // Chromium before 97 compiles no wasm under the CSP ('wasm-unsafe-eval').
    try {
      new wasm.Module(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    } catch (error) {
      return "WebAssembly blocked: " + error;
    }
    return "";
  }

  // Shows #jianfu-unsupported, headed for an old browser or a failed start.
  function show(old, detail) {
    var other = document.getElementById(old ? "jianfu-failed" : "jianfu-old");
    if (!other) return;
    other.parentNode.removeChild(other);
    document.getElementById("jianfu-why").appendChild(document.createTextNode(detail));
    document.getElementById("jianfu-unsupported").removeAttribute("hidden");
    // An embedding page sizes its iframe from this message, as from the app's.
    if (window.parent !== window) {
      window.parent.postMessage({ type: "jianfu:resize", height: document.documentElement.scrollHeight }, "*");
    }
  }

  var why;
  try {
    why = problem();
  } catch (error) {
    why = String(error);
  }
  // Read by the loader: start only if ok, set ran, call fail if the start fails.
  var boot = (window.jianfuBoot = {
    ok: !why,
    fail: function (error) {
      if (boot.ok) show(false, String(error));
      boot.ok = false;
    }
  });
  if (why) return show(true, why);

  // The loader runs before DOMContentLoaded (a module, run once the page is
  // parsed); if it did not (not loaded, or not understood), the start failed.
  document.addEventListener("DOMContentLoaded", function () {
    if (!boot.ran) boot.fail("the app's script did not run");
  });

  // Only now is the wasm fetched (the hosted page's preload, from postbuild).
  var script = document.currentScript;
  var url = script && script.getAttribute("data-preload");
  if (url) {
    var link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.type = "application/wasm";
    link.crossOrigin = "anonymous";
    link.href = url;
    document.head.appendChild(link);
  }
})();
