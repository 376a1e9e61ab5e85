//! A message about the page itself (storage, clipboard, files), shown above
//! the panels until dismissed.

use yew::prelude::*;

use crate::core::lang::Lang;
use crate::web::i18n::Text;
use crate::web::state::{Action, Notice};
use crate::web::storage;

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

/// The notice, with a button to dismiss it, or with the choices it asks
/// for: the demo (back to the saved list, or keep the demo as the list) and
/// another tab's save (load it, or keep this tab's).
#[component]
pub fn NoticeBar(props: &NoticeBarProps) -> Html {
    let Some(notice) = props.notice else {
        return Html::default();
    };
    let lang = props.lang;
    let button = |label: Text, testid: &'static str, action: Box<dyn Fn() -> Option<Action>>| {
        let dispatch = props.dispatch.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            if let Some(action) = action() {
                dispatch.emit(action);
            }
        });
        html! {
            <button type="button" data-testid={testid} {onclick}>{ label.get(lang) }</button>
        }
    };
    let restore = || -> Box<dyn Fn() -> Option<Action>> {
        Box::new(|| Some(Action::Restore(storage::load())))
    };
    let dismiss = || {
        button(
            Text::Dismiss,
            "dismiss-notice",
            Box::new(|| Some(Action::DismissNotice)),
        )
    };
    let (text, buttons) = match notice {
        Notice::ViewingDemo => (
            Text::NoticeViewingDemo,
            html! {
                <>
                    { button(Text::BackToMine, "back-to-mine", restore()) }
                    { button(Text::KeepDemo, "keep-demo", Box::new(move || {
                        gloo::dialogs::confirm(Text::ConfirmKeepDemo.get(lang))
                            .then_some(Action::KeepThis)
                    })) }
                </>
            },
        ),
        Notice::ChangedElsewhere => (
            Text::NoticeChangedElsewhere,
            html! {
                <>
                    { button(Text::LoadOtherTab, "load-other-tab", restore()) }
                    { button(Text::KeepThisTab, "keep-this-tab", Box::new(|| Some(Action::KeepThis))) }
                </>
            },
        ),
        Notice::StorageReset => (Text::NoticeStorageReset, dismiss()),
        Notice::StorageFull => (Text::NoticeStorageFull, dismiss()),
        Notice::CopyFailed => (Text::NoticeCopyFailed, dismiss()),
        Notice::Copied => (Text::NoticeCopied, dismiss()),
        Notice::FileUnreadable => (Text::NoticeFileUnreadable, dismiss()),
    };
    html! {
        <div class="notice-bar" role="status" data-testid="notice" data-notice={notice.key()}>
            <span>{ text.get(lang) }</span>
            { buttons }
        </div>
    }
}
