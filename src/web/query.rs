//! Options read from the page's query string (`?lang=en&embed=1&demo=changxing`).

use crate::core::assumptions::Assumptions;
use crate::core::demo;
use crate::core::lang::Lang;
use crate::web::embed::parse_origin;

/// The options a page URL can carry.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageOptions {
    /// `lang=zh|en`; `None` means the default, Chinese.
    pub lang: Option<Lang>,
    /// `embed=1`: no header or footer, for an iframe in an intranet page.
    pub embed: bool,
    /// `demo=changxing`: start with the Changxing demo loaded.
    pub demo: bool,
    /// `parentOrigin=https://…`: the embedding page, the only origin the
    /// summary is posted to. `None` when absent or not an http(s) origin.
    pub parent_origin: Option<String>,
    /// Assumptions to start from (from `mount`); `None` keeps the saved ones.
    pub assumptions: Option<Assumptions>,
}

impl PageOptions {
    /// Reads the options from the current page's URL. A page without a
    /// window (or with a malformed query) gets the defaults.
    pub fn from_location() -> PageOptions {
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        PageOptions::from_query(&search)
    }

    /// Reads the options from a query string such as `?lang=en`.
    pub fn from_query(search: &str) -> PageOptions {
        let mut options = PageOptions::default();
        let Ok(params) = web_sys::UrlSearchParams::new_with_str(search) else {
            return options;
        };
        options.lang = params.get("lang").as_deref().and_then(Lang::from_code);
        options.embed = params.get("embed").is_some_and(|v| v == "1" || v == "true");
        options.demo = params.get("demo").is_some_and(|v| v == demo::DEMO_KEY);
        options.parent_origin = params.get("parentOrigin").as_deref().and_then(parse_origin);
        options
    }
}
