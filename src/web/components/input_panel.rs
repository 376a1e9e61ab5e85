//! The paste box and the buttons around it: upload, demo, template, clear.

use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::core::demo;
use crate::core::export::template_csv;
use crate::core::lang::Lang;
use crate::web::analysis::Progress;
use crate::web::clipboard::{read_paste, Paste};
use crate::web::download::download_csv;
use crate::web::hooks::use_box_text;
use crate::web::i18n::{large_input, progress, Text};
use crate::web::shared::Shared;
use crate::web::state::{Action, LARGE_INPUT};
use crate::web::upload::{upload, Book};

/// What the file dialog lists: the workbooks the reader reads, and text.
const ACCEPT: &str =
    ".xlsx,.xlsm,.xls,.ods,.csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values,\
    application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,\
    application/vnd.ms-excel.sheet.macroEnabled.12,application/vnd.oasis.opendocument.spreadsheet";

/// Properties of [`InputPanel`].
#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// The interface language.
    pub lang: Lang,
    /// The list.
    pub input: Shared<str>,
    /// How far the analysis of a large list has got.
    pub progress: Option<Progress>,
    /// The workbook being read, read or refused.
    pub book: Option<Book>,
    /// Sends actions to the app.
    pub dispatch: Callback<Action>,
}

/// True when a paste into the box replaces all of it: the box is empty, or
/// all of it is selected.
fn replaces_all(textarea: &HtmlTextAreaElement) -> bool {
    let value = textarea.value();
    if value.is_empty() {
        return true;
    }
    // Selection offsets count UTF-16 units.
    let length = value.encode_utf16().count() as u32;
    textarea.selection_start().ok().flatten() == Some(0)
        && textarea.selection_end().ok().flatten() == Some(length)
}

/// The input box and its buttons.
#[component]
pub fn InputPanel(props: &InputPanelProps) -> Html {
    let lang = props.lang;
    let dispatch = props.dispatch.clone();

    let large = props.input.len() > LARGE_INPUT;
    let node = use_node_ref();
    let (shown, waiting) = use_box_text((!large).then_some(&props.input), &node);
    // A large paste never reaches the box: the browser would lay out every
    // line of it, which takes seconds. When a large list is loaded, any
    // paste replaces it (the box is read-only then, so nothing else can).
    // A table pasted into an empty box (or over all of it) is the list, with
    // its merged cells; pasted into a list, its text goes in at the cursor.
    // Text pasted over all of the box is a new list; text pasted into a
    // list the box takes by itself, but for HTML, which a text box does not
    // take.
    let onpaste = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let Some(data) = e
                .dyn_ref::<ClipboardEvent>()
                .and_then(ClipboardEvent::clipboard_data)
            else {
                return;
            };
            let textarea = e.target_dyn_into::<HtmlTextAreaElement>();
            let whole = large || textarea.as_ref().is_none_or(replaces_all);
            let text = match read_paste(&data) {
                Paste::Table(grid) if whole => {
                    e.prevent_default();
                    let (text, merges) = grid.into_parts();
                    dispatch.emit(Action::PasteTable(text, merges));
                    return;
                }
                Paste::Table(grid) => grid.text(),
                // Text over all of the box is a new list (which, over the
                // demo, makes it the user's own, saved).
                Paste::Text { text, .. } if whole || text.len() > LARGE_INPUT => {
                    e.prevent_default();
                    dispatch.emit(Action::NewList(text));
                    return;
                }
                Paste::Text {
                    text,
                    from_html: true,
                } => text,
                Paste::Text { .. } | Paste::Nothing => return,
            };
            // Text the box would not take by itself: put in at the cursor.
            if let Some(textarea) = textarea {
                e.prevent_default();
                let _ = textarea.set_range_text(&text);
                dispatch.emit(Action::SetInput(textarea.value()));
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
            upload(file, lang, dispatch.clone());
        })
    };
    let on_sheet = dispatch.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        Action::ChooseSheet(select.selected_index().max(0) as usize)
    });
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
                ref={node}
                spellcheck="false"
                wrap="off"
                readonly={large || waiting}
                aria-busy={waiting.then_some("true")}
                placeholder={if large { Text::LargeInputPlaceholder } else { Text::InputPlaceholder }.get(lang)}
                value={shown.map_or(AttrValue::Static(""), |text| AttrValue::from(text.rc().clone()))}
                {oninput}
                {onpaste}
            />
            <div class="toolbar">
                <label class="button" for="upload">{ Text::Upload.get(lang) }</label>
                <input id="upload" data-testid="upload" class="visually-hidden" type="file"
                    accept={ACCEPT} {onchange} />
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
            <p class="hint">{ Text::UploadLimits.get(lang) }</p>
            { book_line(props.book.as_ref(), lang, on_sheet) }
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

/// The line about a workbook: reading it, the select of its sheets, or why
/// it was refused.
fn book_line(book: Option<&Book>, lang: Lang, on_sheet: Callback<Event>) -> Html {
    match book {
        None => Html::default(),
        Some(Book::Reading(file)) => html! {
            <p class="pending" role="status" data-testid="reading-workbook">
                { format!("{}{file}…", Text::ReadingWorkbook.get(lang)) }
            </p>
        },
        Some(Book::Failed(file, why)) => html! {
            <p class="error" role="alert" data-testid="workbook-error">
                { format!("{file}{}{why}", lang.pick("：", ": ")) }
            </p>
        },
        Some(Book::Read { book, sheet }) => html! { <>
            <p class="sheet">
                <label for="sheet">{ format!("{}{}", book.file, Text::SheetOf.get(lang)) }</label>
                <select id="sheet" data-testid="sheet" onchange={on_sheet}>
                    { for book.sheets.iter().enumerate().map(|(at, s)| html! {
                        <option selected={at == *sheet} disabled={s.table.is_err()}>
                            { sheet_label(s, lang) }
                        </option>
                    }) }
                </select>
            </p>
            if let Some(hidden) = hidden_sheets(book) {
                <p class="hint" data-testid="hidden-sheets">
                    { format!("{}{hidden}", Text::HiddenSheets.get(lang)) }
                </p>
            }
        </> },
    }
}

/// The names of the workbook's hidden sheets, if it has any.
fn hidden_sheets(book: &crate::web::upload::Workbook) -> Option<String> {
    let names: Vec<&str> = book
        .sheets
        .iter()
        .filter(|s| s.hidden)
        .map(|s| s.name.as_str())
        .collect();
    (!names.is_empty()).then(|| names.join("、"))
}

/// `账号清单（18 行）`, `旧版清单（4 行，隐藏）`, `明细（1,000,000 行，超过上限）`.
fn sheet_label(sheet: &crate::web::upload::Sheet, lang: Lang) -> String {
    let rows = crate::core::figures::count(sheet.rows, lang);
    let mut notes = vec![format!("{rows}{}", Text::Rows.get(lang))];
    if sheet.hidden {
        notes.push(Text::HiddenSheet.get(lang).to_string());
    }
    if sheet.table.is_err() {
        notes.push(Text::OverLimit.get(lang).to_string());
    }
    match lang {
        Lang::Zh => format!("{}（{}）", sheet.name, notes.join("，")),
        Lang::En => format!("{} ({})", sheet.name, notes.join(", ")),
    }
}
