//! The interface's string catalogue: every word the page shows comes from
//! here, in Simplified Chinese and English. Diagnostics and reasons come from
//! the core in the same two languages.

use crate::core::lang::Lang;

/// One piece of interface text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    /// The product name.
    Title,
    /// The one-line purpose under the title.
    Tagline,
    /// The label of the language switch: the *other* language's name.
    SwitchLanguage,
    /// The accessible label of the language switch.
    SwitchLanguageLabel,
    /// The footer's privacy promise.
    FooterPrivacy,
}

impl Text {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Text::Title => ("减负测算", "Jianfu"),
            Text::Tagline => (
                "粘贴本单位政务公众号清单，立即测算关停、归并能释放多少工时、节约多少资金。",
                "Paste your unit's list of government WeChat accounts and see at once how many staff hours and how much money closing or merging them frees.",
            ),
            Text::SwitchLanguage => ("English", "中文"),
            Text::SwitchLanguageLabel => ("切换到英文界面", "Switch to Chinese"),
            Text::FooterPrivacy => (
                "全部计算在本机浏览器内完成，数据不离开本页面。",
                "Everything is computed in this browser; no data leaves the page.",
            ),
        };
        lang.pick(zh, en)
    }
}
