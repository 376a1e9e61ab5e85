//! Uploaded files to text, with the browser's own decoders.
//!
//! Chinese Excel saves CSV as GB18030 (GBK) more often than as UTF-8. Every
//! browser ships both decoders in `TextDecoder`, so the page carries no
//! encoding tables of its own: try UTF-8 strictly, and if the bytes are not
//! valid UTF-8, read them as GB18030. A BOM is removed by the decoder. Excel's
//! "Unicode text" export is UTF-16 with a BOM, which is read as such; an
//! Excel workbook or other binary file is refused, with a notice, rather than
//! decoded into garbage.

use wasm_bindgen::JsValue;
use web_sys::{TextDecodeOptions, TextDecoder, TextDecoderOptions};

/// Which decoder read a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (with or without a BOM).
    Utf8,
    /// GB18030, the superset of GBK and GB2312.
    Gb18030,
    /// UTF-16 with a byte-order mark.
    Utf16,
}

/// Why a file could not be read as text.
#[derive(Clone, Debug, PartialEq)]
pub enum DecodeError {
    /// The bytes are not text: an Excel workbook (`.xlsx` is a ZIP, `.xls`
    /// an OLE file) or another binary file.
    NotText,
    /// The browser has no decoder for the encoding (no supported browser
    /// lacks one); the browser's message.
    Decoder(JsValue),
}

/// Decodes a file's bytes: UTF-16 if it starts with a UTF-16 byte-order mark
/// (Excel's "Unicode text"), UTF-8 if the bytes are valid UTF-8, else
/// GB18030. Binary files are refused rather than shown as garbage.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    let decoder = |label: &str, fatal: bool| {
        let options = TextDecoderOptions::new();
        options.set_fatal(fatal);
        TextDecoder::new_with_label_and_options(label, &options).map_err(DecodeError::Decoder)
    };
    let utf16 = match bytes {
        [0xFF, 0xFE, ..] => Some("utf-16le"),
        [0xFE, 0xFF, ..] => Some("utf-16be"),
        _ => None,
    };
    if let Some(label) = utf16 {
        let text = decoder(label, false)?
            .decode_with_u8_array(bytes)
            .map_err(DecodeError::Decoder)?;
        return Ok((text, Encoding::Utf16));
    }
    if is_binary(bytes) {
        return Err(DecodeError::NotText);
    }
    let options = TextDecodeOptions::new();
    if let Ok(text) = decoder("utf-8", true)?.decode_with_u8_array_and_options(bytes, &options) {
        return Ok((text, Encoding::Utf8));
    }
    // GB18030 maps every byte sequence to something, so it is not run
    // strictly: a stray byte becomes U+FFFD rather than losing the file.
    let text = decoder("gb18030", false)?
        .decode_with_u8_array(bytes)
        .map_err(DecodeError::Decoder)?;
    Ok((text, Encoding::Gb18030))
}

/// True for a ZIP (`.xlsx`, `.ods`, `.docx`) or OLE (`.xls`, `.doc`) file,
/// by its first bytes: what the upload gives to the workbook reader.
pub fn is_container(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// True for a ZIP or OLE file, or any file with a NUL byte near its start,
/// which no CSV in UTF-8 or GB18030 has.
fn is_binary(bytes: &[u8]) -> bool {
    is_container(bytes) || bytes.iter().take(8192).any(|&b| b == 0)
}
