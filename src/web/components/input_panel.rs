//! The paste box and the buttons around it: upload, demo, template, clear.

use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use gloo::file::File;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::core::demo;
use crate::core::export::template_csv;
use crate::core::lang::Lang;
use crate::web::decode::decode;
use crate::web::download::download_csv;
use crate::web::i18n::Text;
use crate::web::state::{Action, Notice};

/// Properties of [`InputPanel`].
#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// The interface language.
    pub lang: Lang,
    /// The text in the box.
    pub input: Rc<str>,
    /// True while a large paste waits to be analysed.
    pub pending: bool,
    /// Sends actions to the app.
    pub dispatch: Callback<Action>,
}

/// The input box and its buttons.
#[component]
pub fn InputPanel(props: &InputPanelProps) -> Html {
    let lang = props.lang;
    let dispatch = props.dispatch.clone();
    // The reader must live until it calls back; dropping it cancels the read.
    let reader = use_mut_ref(|| None::<FileReader>);

    let oninput = dispatch.reform(|e: InputEvent| {
        Action::SetInput(e.target_unchecked_into::<HtmlTextAreaElement>().value())
    });
    let onchange = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // Let the same file be chosen again after an edit.
            input.set_value("");
            let dispatch = dispatch.clone();
            let file = File::from(file);
            *reader.borrow_mut() = Some(gloo::file::callbacks::read_as_bytes(
                &file,
                move |bytes| match bytes.ok().and_then(|b| decode(&b).ok()) {
                    Some((text, _)) => dispatch.emit(Action::SetInput(text)),
                    None => dispatch.emit(Action::Notify(Notice::FileUnreadable)),
                },
            ));
        })
    };
    let on_demo = dispatch.reform(|_: MouseEvent| Action::LoadDemo);
    let on_template = Callback::from(move |_: MouseEvent| {
        download_csv(
            lang.pick("公众号清单模板.csv", "account-list-template.csv"),
            &template_csv(lang),
        );
    });
    let on_clear = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            if gloo::dialogs::confirm(Text::ConfirmClear.get(lang)) {
                dispatch.emit(Action::Clear);
            }
        })
    };
    let is_demo = &*props.input == demo::DEMO_CSV;

    html! {
        <div class="input-panel">
            <h2>{ Text::InputHeading.get(lang) }</h2>
            <label for="paste" class="field-label">{ Text::InputLabel.get(lang) }</label>
            <textarea
                id="paste"
                data-testid="paste"
                spellcheck="false"
                wrap="off"
                placeholder={Text::InputPlaceholder.get(lang)}
                value={props.input.to_string()}
                {oninput}
            />
            <div class="toolbar">
                <label class="button" for="upload">{ Text::Upload.get(lang) }</label>
                <input id="upload" data-testid="upload" class="visually-hidden" type="file"
                    accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values"
                    {onchange} />
                <button type="button" class="primary" data-testid="load-demo" onclick={on_demo}>
                    { Text::LoadDemo.get(lang) }
                </button>
                <button type="button" data-testid="download-template" onclick={on_template}>
                    { Text::DownloadTemplate.get(lang) }
                </button>
                <button type="button" data-testid="clear" onclick={on_clear}>
                    { Text::Clear.get(lang) }
                </button>
                if props.pending {
                    <span class="pending" role="status">{ Text::Pending.get(lang) }</span>
                }
            </div>
            if is_demo {
                <p class="demo-label" data-testid="demo-label">{ demo::label(lang) }</p>
            }
        </div>
    }
}
