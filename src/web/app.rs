//! The root component: owns the reducer, derives the estimate, and lays out
//! the panels.

use yew::prelude::*;

use crate::core::estimate::Estimate;
use crate::core::import::Import;
use crate::core::plan::Plans;

use crate::web::analysis::{use_analysis, Input, Settings};
use crate::web::components::account_table::AccountTable;
use crate::web::components::assumptions_panel::AssumptionsPanel;
use crate::web::components::by_platform::ByPlatform;
use crate::web::components::chart::Chart;
use crate::web::components::diagnostics_panel::DiagnosticsPanel;
use crate::web::components::exports::Exports;
use crate::web::components::footer::Footer;
use crate::web::components::header::Header;
use crate::web::components::headline::Headline;
use crate::web::components::input_panel::InputPanel;
use crate::web::components::notice_bar::NoticeBar;
use crate::web::components::plan_editor::PlanEditor;
use crate::web::components::plans::PlansPanel;
use crate::web::components::structure::Structure;
use crate::web::components::unmatched::Unmatched;
use crate::web::hooks::{
    use_embed_messages, use_held, use_html_lang, use_painted, use_persistence,
};
use crate::web::query::PageOptions;
use crate::web::shared::Shared;
use crate::web::state::{Action, State};
use crate::web::storage;
use crate::web::today;
use crate::web::upload::upload;

/// Properties of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Options from the URL or from `mount(element, options)`.
    #[prop_or_default]
    pub options: PageOptions,
    /// True for the top-level hosted page, the only one that reads and
    /// saves the user's list; an embedded or mounted calculator does
    /// neither (see [`Work::Embedded`](crate::web::state::Work)).
    #[prop_or_default]
    pub saves: bool,
}

/// What the panels below the fold show of the analysis: the comparison of
/// the plans, the exports and the diagnostics. A new list comes into them
/// after the frame that shows its figures ([`use_held`]); a change of plan
/// or language, at once.
#[derive(Clone, PartialEq)]
struct Analysed {
    import: Shared<Import>,
    estimates: Vec<Shared<Estimate>>,
    plans: Plans,
}

/// The whole calculator.
#[component]
pub fn App(props: &AppProps) -> Html {
    let options = props.options.clone();
    let saves = props.saves;
    let state = use_reducer(move || State::restored(saves.then(storage::load), &options));
    let lang = state.lang;
    // The reducer's own dispatcher, the same from one render to the next, so
    // that a child whose other props did not change is not rendered again.
    let dispatch: Callback<Action> = state.dispatcher().to_callback();

    use_html_lang(lang);

    let today = today();
    let plan = state.plans.current();
    let as_of = plan.as_of(today);
    let settings = Settings {
        plans: state.plans.list().to_vec(),
        today,
    };
    let input = state.input.clone();
    let analysis = use_analysis(
        &Input {
            text: input.clone(),
            merges: state.merges.clone(),
        },
        &settings,
    );
    use_persistence(&state, analysis.progress.is_some());
    let import = analysis.import;
    let current = state.plans.current_index();
    let estimates = analysis.estimates;
    let result = estimates[current].clone();

    use_embed_messages(&props.options, &result.summary);

    let on_lang = dispatch.reform(Action::SetLang);
    // A file dropped anywhere on the calculator is uploaded; the browser
    // would otherwise open it in place of the page.
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: DragEvent| {
            let file = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0));
            if let Some(file) = file {
                e.prevent_default();
                upload(file, lang, dispatch.clone());
            }
        })
    };
    let (analysed, following) = use_held(
        &Some(Analysed {
            import: import.clone(),
            estimates: estimates.clone(),
            plans: state.plans.clone(),
        }),
        |shown, new| match (shown, new) {
            (Some(shown), Some(new)) => shown.import == new.import,
            _ => false,
        },
    );
    let embedded = props.options.embed;
    // The plan editor, the assumptions and the account table, below the
    // fold, come after the frame that shows the figures ([`use_painted`]):
    // in A/B runs of fresh pages, the task that starts the page went from
    // 131 to 98 ms.
    let below_fold = use_painted(true);
    html! {
        <div class={classes!("app", embedded.then_some("embedded"))} {ondragover} {ondrop}>
            if !embedded {
                <Header {lang} {on_lang} />
            }
            <NoticeBar {lang} notice={state.notice} dispatch={dispatch.clone()} />
            <main class="content" aria-busy={following.then_some("true")}>
                <section class="panel input-area">
                    <InputPanel {lang} {input} progress={analysis.progress}
                        book={state.book.clone()} dispatch={dispatch.clone()} />
                </section>
                if let Some(Analysed { plans, estimates, .. }) = analysed.clone() {
                    <PlansPanel {lang} {plans} {estimates} dispatch={dispatch.clone()} />
                }
                <section class="panel results">
                    <Headline {lang} estimate={result.clone()} />
                    <Chart {lang} estimate={result.clone()} />
                    <ByPlatform {lang} estimate={result.clone()} />
                    if let Some(Analysed { plans, estimates, .. }) = analysed.clone() {
                        <Exports {lang} current={plans.current_index()} {estimates} {plans}
                            dispatch={dispatch.clone()} />
                    }
                </section>
                <section class="panel diagnostics-area">
                    if let Some(Analysed { import, estimates, plans }) = analysed {
                        <DiagnosticsPanel {lang} {import}
                            estimate={estimates[plans.current_index()].clone()}
                            dispatch={dispatch.clone()} />
                    }
                </section>
                if below_fold {
                    <PlanEditor {lang} plans={state.plans.clone()} estimate={result.clone()}
                        dispatch={dispatch.clone()} />
                    <AssumptionsPanel {lang} assumptions={plan.assumptions}
                        error={state.assumption_error.clone()} {as_of} dispatch={dispatch.clone()} />
                    <AccountTable {lang} estimates={estimates.clone()} {current}
                        focus_row={state.focus_row} dispatch={dispatch.clone()} />
                }
                <Structure {lang} estimate={result.clone()} />
                <Unmatched {lang} estimate={result.clone()} dispatch={dispatch.clone()} />
            </main>
            if !embedded {
                <Footer {lang} />
            }
        </div>
    }
}
