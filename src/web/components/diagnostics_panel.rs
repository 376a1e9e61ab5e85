//! The list of problems found in the paste: row, column, value and what was
//! expected. Clicking one shows that row in the account table.

use yew::prelude::*;

use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::estimate::Estimate;
use crate::core::import::Import;
use crate::core::lang::Lang;
use crate::web::i18n::{diagnostics_count, diagnostics_shown, Text};
use crate::web::shared::Shared;
use crate::web::state::Action;

/// At most this many diagnostics are listed; the count shows them all.
const SHOWN: usize = 200;

/// Properties of [`DiagnosticsPanel`].
#[derive(Properties, PartialEq)]
pub struct DiagnosticsPanelProps {
    /// The interface language.
    pub lang: Lang,
    /// The import whose diagnostics to show.
    pub import: Shared<Import>,
    /// The estimate, whose figures too large to work out exactly are
    /// listed first.
    pub estimate: Shared<Estimate>,
    /// Sends actions to the app.
    pub dispatch: Callback<Action>,
}

/// The diagnostics panel (`data-testid="diagnostics"`).
#[component]
pub fn DiagnosticsPanel(props: &DiagnosticsPanelProps) -> Html {
    let lang = props.lang;
    // The estimate's few warnings first, then the import's, one list.
    let approximated = props.estimate.approximated.diagnostics();
    let imported = &props.import.diagnostics;
    let count = approximated.len() + imported.len();
    let room = SHOWN.saturating_sub(approximated.len());
    let mut diagnostics: Vec<&Diagnostic> = approximated.iter().collect();
    diagnostics.extend(imported.iter().take(room));
    let body = if count == 0 {
        html! { <p class="ok">{ Text::NoDiagnostics.get(lang) }</p> }
    } else {
        let items = diagnostics.iter().map(|d| {
            let (class, severity) = match d.severity {
                Severity::Error => ("error", Text::SeverityError),
                Severity::Warning => ("warning", Text::SeverityWarning),
                Severity::Notice => ("notice", Text::SeverityNotice),
            };
            let row = d.row();
            let onclick = props
                .dispatch
                .reform(move |_: MouseEvent| Action::FocusRow(row.unwrap_or(0)));
            let row_cell = match row {
                None => html! { <td>{ "—" }</td> },
                Some(row) => html! {
                    <td><button type="button" class="link" {onclick}>{ row }</button></td>
                },
            };
            html! {
                <tr class={class}>
                    <td><span class={classes!("badge", class)}>{ severity.get(lang) }</span></td>
                    { row_cell }
                    <td>{ d.column().unwrap_or("") }</td>
                    <td class="raw">{ &d.value }</td>
                    <td>{ d.message(lang) }</td>
                </tr>
            }
        });
        html! {
            <div class="table-scroll">
                <table class="diagnostics-table">
                    <colgroup>
                        <col class="severity" />
                        <col class="row" />
                        <col class="column" />
                        <col class="value" />
                        <col class="message" />
                    </colgroup>
                    <thead>
                        <tr>
                            <th scope="col"><span class="visually-hidden">{ Text::SeverityNotice.get(lang) }</span></th>
                            <th scope="col">{ Text::ColumnRow.get(lang) }</th>
                            <th scope="col">{ Text::ColumnColumn.get(lang) }</th>
                            <th scope="col">{ Text::ColumnValue.get(lang) }</th>
                            <th scope="col">{ Text::ColumnMessage.get(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>{ for items }</tbody>
                </table>
                if count > SHOWN {
                    <p class="more" data-testid="diagnostics-more">
                        { diagnostics_shown(SHOWN, count, lang) }
                    </p>
                }
            </div>
        }
    };
    html! {
        <section class="diagnostics" data-testid="diagnostics" data-count={count.to_string()}
            aria-labelledby="diagnostics-heading">
            <h2 id="diagnostics-heading">
                { Text::DiagnosticsHeading.get(lang) }
                if count > 0 {
                    <span class="count">{ diagnostics_count(count, lang) }</span>
                }
            </h2>
            { body }
        </section>
    }
}
