//! Uploaded files to text, with the browser's own decoders.
//!
//! Chinese Excel saves CSV as GB18030 (GBK) more often than as UTF-8. Every
//! browser ships both decoders in `TextDecoder`, so the page carries no
//! encoding tables of its own: try UTF-8 strictly, and if the bytes are not
//! valid UTF-8, read them as GB18030. A BOM is removed by the decoder.

use wasm_bindgen::JsValue;
use web_sys::{TextDecodeOptions, TextDecoder, TextDecoderOptions};

/// Which decoder read a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (with or without a BOM).
    Utf8,
    /// GB18030, the superset of GBK and GB2312.
    Gb18030,
}

/// Decodes a file's bytes: UTF-8 if they are valid UTF-8, else GB18030.
///
/// Fails only if the browser lacks both decoders, which no supported browser
/// does; the error is the browser's own message.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), JsValue> {
    let strict = TextDecoderOptions::new();
    strict.set_fatal(true);
    let utf8 = TextDecoder::new_with_label_and_options("utf-8", &strict)?;
    let options = TextDecodeOptions::new();
    if let Ok(text) = utf8.decode_with_u8_array_and_options(bytes, &options) {
        return Ok((text, Encoding::Utf8));
    }
    // GB18030 maps every byte sequence to something, so it is not run
    // strictly: a stray byte becomes U+FFFD rather than losing the file.
    let gb = TextDecoder::new_with_label("gb18030")?;
    let text = gb.decode_with_u8_array(bytes)?;
    Ok((text, Encoding::Gb18030))
}
