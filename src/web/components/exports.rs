//! Exports: the results as CSV (one decision, rule and reason column per
//! plan), the official-style summary paragraph of the current plan and the
//! one comparing the plans, to copy, and printing.

use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

use crate::core::estimate::Estimate;
use crate::core::export::{comparison_paragraph, plans_csv, summary_paragraph, Named};
use crate::core::lang::Lang;
use crate::core::plan::Plans;
use crate::web::download::download_csv;
use crate::web::i18n::Text;
use crate::web::shared::Shared;
use crate::web::state::{Action, Notice};

/// Properties of [`Exports`].
#[derive(Properties, PartialEq)]
pub struct ExportsProps {
    /// The interface language.
    pub lang: Lang,
    /// Each plan's estimate, in the plans' order.
    pub estimates: Vec<Shared<Estimate>>,
    /// The current plan.
    pub current: usize,
    /// The plans (their order, for the comparison paragraph).
    pub plans: Plans,
    /// Sends actions to the app.
    pub dispatch: Callback<Action>,
}

/// Each plan's name with its estimate, as the exports take them.
fn named<'a>(plans: &'a Plans, estimates: &'a [Shared<Estimate>]) -> Vec<Named<'a>> {
    let names = plans.list().iter().map(|plan| plan.name.as_str());
    names.zip(estimates.iter().map(|e| &**e)).collect()
}

/// The summary paragraph and the export buttons.
#[component]
pub fn Exports(props: &ExportsProps) -> Html {
    let lang = props.lang;
    let current = props.estimates[props.current.min(props.estimates.len() - 1)].clone();
    let paragraph = use_memo((current, lang), |(e, lang)| summary_paragraph(e, *lang));
    let comparison = use_memo(
        (props.plans.clone(), props.estimates.clone(), lang),
        |(plans, estimates, lang)| comparison_paragraph(&named(plans, estimates), *lang),
    );
    let on_csv = {
        let (plans, estimates) = (props.plans.clone(), props.estimates.clone());
        let current = props.current;
        Callback::from(move |_: MouseEvent| {
            download_csv(
                lang.pick("减负测算结果.csv", "jianfu-results.csv"),
                &plans_csv(&named(&plans, &estimates), current, lang),
            );
        })
    };
    let on_copy = {
        let (paragraph, comparison) = (paragraph.clone(), comparison.clone());
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let text = match comparison.is_empty() {
                true => (*paragraph).clone(),
                false => format!("{paragraph}\n{comparison}"),
            };
            let dispatch = dispatch.clone();
            spawn_local(async move {
                let notice = match copy(&text).await {
                    Ok(()) => Notice::Copied,
                    Err(()) => Notice::CopyFailed,
                };
                dispatch.emit(Action::Notify(notice));
            });
        })
    };
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            // A browser that cannot print just does nothing.
            let _ = window.print();
        }
    });
    html! {
        <div class="exports">
            <h3>{ Text::SummaryHeading.get(lang) }</h3>
            <p class="summary-paragraph" data-testid="summary-paragraph">{ paragraph.to_string() }</p>
            if !comparison.is_empty() {
                <p class="summary-paragraph" data-testid="comparison-paragraph">{ comparison.to_string() }</p>
            }
            <div class="toolbar no-print">
                <button type="button" data-testid="copy-summary" onclick={on_copy}>{ Text::CopySummary.get(lang) }</button>
                <button type="button" data-testid="export-csv" onclick={on_csv}>{ Text::ExportCsv.get(lang) }</button>
                <button type="button" data-testid="print" onclick={on_print}>{ Text::Print.get(lang) }</button>
            </div>
        </div>
    }
}

/// Puts `text` on the clipboard. Fails on pages the browser does not trust
/// with the clipboard (plain http on an intranet, some embeddings).
async fn copy(text: &str) -> Result<(), ()> {
    let navigator = web_sys::window().ok_or(())?.navigator();
    let promise = navigator.clipboard().write_text(text);
    JsFuture::from(promise).await.map(|_| ()).map_err(|_| ())
}
