//! The paste box and the buttons around it: upload, demo, template, clear.

use gloo::file::callbacks::FileReader;
use gloo::file::File;
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::core::demo;
use crate::core::export::template_csv;
use crate::core::lang::Lang;
use crate::web::analysis::Progress;
use crate::web::decode::decode;
use crate::web::download::download_csv;
use crate::web::i18n::{large_input, progress, Text};
use crate::web::shared::Shared;
use crate::web::state::{Action, Notice, LARGE_INPUT};

/// Properties of [`InputPanel`].
#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// The interface language.
    pub lang: Lang,
    /// The list.
    pub input: Shared<str>,
    /// How far the analysis of a large list has got.
    pub progress: Option<Progress>,
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

    let large = props.input.len() > LARGE_INPUT;
    // A large paste never reaches the box: the browser would lay out every
    // line of it, which takes seconds. When a large list is loaded, any
    // paste replaces it (the box is read-only then, so nothing else can).
    let onpaste = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let text = e
                .dyn_ref::<ClipboardEvent>()
                .and_then(ClipboardEvent::clipboard_data)
                .and_then(|data| data.get_data("text/plain").ok());
            // A paste with no text (an image, say) leaves the list alone.
            let text = text.filter(|text| !text.is_empty());
            if let Some(text) = text.filter(|text| large || text.len() > LARGE_INPUT) {
                e.prevent_default();
                dispatch.emit(Action::SetInput(text));
            }
        })
    };
    let oninput = dispatch.reform(|e: InputEvent| {
        let textarea: HtmlTextAreaElement = e.target_unchecked_into();
        let text = textarea.value();
        // Text that arrived some other way (dropped, or set by a script).
        if text.len() > LARGE_INPUT {
            textarea.set_value("");
        }
        Action::SetInput(text)
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
                readonly={large}
                placeholder={if large { Text::LargeInputPlaceholder } else { Text::InputPlaceholder }.get(lang)}
                value={if large { AttrValue::Static("") } else { AttrValue::from(props.input.rc().clone()) }}
                {oninput}
                {onpaste}
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
                if let Some(p) = props.progress {
                    <span class="pending" role="status" data-testid="progress">
                        { progress(p, lang) }
                    </span>
                }
            </div>
            if large {
                <p class="large-input" data-testid="large-input" role="status">
                    { large_input(props.input.len(), lang) }
                </p>
            }
            if is_demo {
                <p class="demo-label" data-testid="demo-label">{ demo::label(lang) }</p>
            }
        </div>
    }
}
