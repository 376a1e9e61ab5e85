//! A message about the page itself (storage, clipboard, files), shown above
//! the panels until dismissed.

use yew::prelude::*;

use crate::core::lang::Lang;
use crate::web::i18n::Text;
use crate::web::state::{Action, Notice};

/// Properties of [`NoticeBar`].
#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    /// The interface language.
    pub lang: Lang,
    /// The notice to show, if any.
    pub notice: Option<Notice>,
    /// Sends actions to the app.
    pub dispatch: Callback<Action>,
}

/// The notice, with a button to dismiss it.
#[component]
pub fn NoticeBar(props: &NoticeBarProps) -> Html {
    let Some(notice) = props.notice else {
        return Html::default();
    };
    let lang = props.lang;
    let text = match notice {
        Notice::StorageReset => Text::NoticeStorageReset,
        Notice::StorageFull => Text::NoticeStorageFull,
        Notice::CopyFailed => Text::NoticeCopyFailed,
        Notice::Copied => Text::NoticeCopied,
        Notice::FileUnreadable => Text::NoticeFileUnreadable,
    };
    let onclick = props.dispatch.reform(|_: MouseEvent| Action::DismissNotice);
    html! {
        <div class="notice-bar" role="status" data-testid="notice">
            <span>{ text.get(lang) }</span>
            <button type="button" {onclick}>{ Text::Dismiss.get(lang) }</button>
        </div>
    }
}
