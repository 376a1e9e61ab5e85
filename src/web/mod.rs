//! The web shell: the Yew app and the JavaScript API. Compiled for wasm32 only.
