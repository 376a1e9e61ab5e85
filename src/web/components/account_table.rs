//! The per-account table: decision (editable, in the current plan), reason,
//! hours and cash for every account, and with several plans each plan's
//! decision, the accounts they disagree on marked. Sortable, filterable by
//! decision, and paginated so that 10,000 rows and more stay fast: only one
//! page is ever in the DOM.

use std::cmp::Ordering;

use web_sys::{HtmlSelectElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use crate::core::account::{Decision, Field, Platform};
use crate::core::compare::differs;
use crate::core::estimate::{AccountResult, Estimate};
use crate::core::figures::{money_span, number_span};
use crate::core::lang::Lang;
use crate::core::rules::decision_label;
use crate::web::hooks::use_painted;
use crate::web::i18n::{page_status, Text};
use crate::web::shared::Shared;
use crate::web::state::Action;

/// Rows per page.
pub const PAGE_SIZE: usize = 50;

/// Properties of [`AccountTable`].
#[derive(Properties, PartialEq)]
pub struct AccountTableProps {
    /// The interface language.
    pub lang: Lang,
    /// Each plan's estimate of the list.
    pub estimates: Vec<Shared<Estimate>>,
    /// The current plan's, which the table lists and edits.
    pub current: usize,
    /// A row to bring into view (from the diagnostics panel).
    pub focus_row: Option<usize>,
    /// Sends actions to the app.
    pub dispatch: Callback<Action>,
}

/// What the table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SortKey {
    Row,
    Name,
    Level,
    Platform,
    Followers,
    Posts,
    Hours,
    Cash,
    Decision,
}

/// The account table.
#[component]
pub fn AccountTable(props: &AccountTableProps) -> Html {
    let lang = props.lang;
    let sort = use_state(|| (SortKey::Row, true));
    let filter = use_state(|| None::<Decision>);
    let platform = use_state(|| None::<Platform>);
    let page = use_state(|| 0usize);
    let differing = use_state(|| false);

    let estimate = &props.estimates[props.current.min(props.estimates.len() - 1)];
    let accounts = &estimate.accounts;
    let several = props.estimates.len() > 1;
    let refs: Vec<&Estimate> = props.estimates.iter().map(|e| &**e).collect();
    // The platform filter is offered when the list has more than one.
    let platforms: Vec<Platform> = estimate
        .summary
        .by_platform
        .present()
        .map(|(platform, _)| platform)
        .collect();
    let mut visible: Vec<(usize, &AccountResult)> = accounts
        .iter()
        .enumerate()
        .filter(|(_, a)| filter.is_none_or(|d| a.decision == d))
        .filter(|(_, a)| platform.is_none_or(|p| a.platform == p))
        .filter(|&(index, _)| !*differing || differs(&refs, index))
        .collect();
    let (key, ascending) = *sort;
    visible.sort_by(|(_, a), (_, b)| {
        let order = compare(a, b, key);
        if ascending {
            order
        } else {
            order.reverse()
        }
    });
    let pages = visible.len().div_ceil(PAGE_SIZE).max(1);

    // A row asked for from the diagnostics panel: clear the filter, find its
    // page, and scroll to it once rendered.
    {
        let (filter, platform, page, sort) =
            (filter.clone(), platform.clone(), page.clone(), sort.clone());
        let accounts = estimate.clone();
        let differing = differing.clone();
        use_effect_with(props.focus_row, move |row| {
            let index = row.and_then(|row| accounts.accounts.iter().position(|a| a.row == row));
            if let Some(index) = index {
                filter.set(None);
                platform.set(None);
                differing.set(false);
                sort.set((SortKey::Row, true));
                page.set(index / PAGE_SIZE);
            }
        });
    }
    {
        let focus = props.focus_row;
        use_effect_with((focus, *page), move |(focus, _)| {
            if let Some(element) = focus.and_then(|row| {
                web_sys::window()?
                    .document()?
                    .get_element_by_id(&format!("account-row-{row}"))
            }) {
                let options = ScrollIntoViewOptions::new();
                options.set_behavior(ScrollBehavior::Smooth);
                options.set_block(ScrollLogicalPosition::Center);
                element.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    }

    let current = (*page).min(pages - 1);
    let start = current * PAGE_SIZE;
    // When the table fills (a first paste, the demo, a reload), its rows
    // come after the frame that shows the figures ([`use_painted`]): a row,
    // with its cells and its decision's select, took about 2 ms to create
    // in a first paste's unoptimised wasm, and the table starts below the
    // fold. The header and the pager come at once; the body is `aria-busy`
    // until its rows come.
    let painted = use_painted(!visible.is_empty());
    let held_back = !painted && !visible.is_empty();
    let shown = if painted { PAGE_SIZE } else { 0 };
    let rows = visible.iter().skip(start).take(shown).map(|&(index, a)| {
        let plans: Vec<Decision> = match several {
            true => refs
                .iter()
                .filter_map(|e| e.accounts.get(index).map(|r| r.decision))
                .collect(),
            false => Vec::new(),
        };
        let differs = several && differs(&refs, index);
        // Keyed by account, so that the page, filling after its first rows,
        // keeps the rows it has: unkeyed, Yew would give the existing rows
        // the last accounts and insert the first ones again before them,
        // and until the old rows re-rendered the page showed some twice.
        html! { <AccountRow key={index} {lang} account={a.clone()} focused={props.focus_row == Some(a.row)}
        {plans} {differs} dispatch={props.dispatch.clone()} /> }
    });
    let on_differing = {
        let (differing, page) = (differing.clone(), page.clone());
        Callback::from(move |_: Event| {
            differing.set(!*differing);
            page.set(0);
        })
    };

    let header = |label: Text, column: SortKey| {
        let sort = sort.clone();
        let page = page.clone();
        let active = key == column;
        let onclick = Callback::from(move |_: MouseEvent| {
            let ascending = if active { !ascending } else { true };
            sort.set((column, ascending));
            page.set(0);
        });
        let aria_sort = match (active, ascending) {
            (false, _) => "none",
            (true, true) => "ascending",
            (true, false) => "descending",
        };
        let arrow = match (active, ascending) {
            (false, _) => "",
            (true, true) => " ▲",
            (true, false) => " ▼",
        };
        html! {
            <th scope="col" aria-sort={aria_sort}>
                <button type="button" class="sort" {onclick}>{ label.get(lang) }{ arrow }</button>
            </th>
        }
    };
    let on_filter = {
        let (filter, page) = (filter.clone(), page.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            filter.set(Decision::from_key(&select.value()));
            page.set(0);
        })
    };
    let on_platform = {
        let (platform, page) = (platform.clone(), page.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let key = select.value();
            platform.set(Platform::from_key(&key));
            page.set(0);
        })
    };
    let go = |to: usize| {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.set(to))
    };
    let first = if visible.is_empty() { 0 } else { start + 1 };
    let last = (start + PAGE_SIZE).min(visible.len());

    html! {
        <section class="panel accounts" aria-labelledby="accounts-heading">
            <div class="table-head">
                <h2 id="accounts-heading">{ Text::TableHeading.get(lang) }</h2>
                <label class="filter">
                    { Text::Filter.get(lang) }
                    <select data-testid="decision-filter" onchange={on_filter}>
                        <option value="" selected={filter.is_none()}>{ Text::FilterAll.get(lang) }</option>
                        { for Decision::ALL.iter().map(|d| html! {
                            <option value={d.key()} selected={*filter == Some(*d)}>{ decision_label(*d, lang) }</option>
                        }) }
                    </select>
                </label>
                if platforms.len() > 1 {
                    <label class="filter">
                        { Text::FilterPlatform.get(lang) }
                        <select data-testid="platform-filter" onchange={on_platform}>
                            <option value="" selected={platform.is_none()}>{ Text::FilterAllPlatforms.get(lang) }</option>
                            { for platforms.iter().map(|p| html! {
                                <option value={p.key()} selected={*platform == Some(*p)}>{ p.label(lang) }</option>
                            }) }
                        </select>
                    </label>
                }
                if several {
                    <label class="filter">
                        <input type="checkbox" data-testid="differs-only" checked={*differing}
                            onchange={on_differing} />
                        { Text::DiffersOnly.get(lang) }
                    </label>
                }
            </div>
            if accounts.is_empty() {
                <p class="hint">{ Text::EmptyTable.get(lang) }</p>
            } else {
                <div class="table-scroll">
                    <table class="account-table" data-testid="account-table">
                        <thead>
                            <tr>
                                { header(Text::ColumnRow, SortKey::Row) }
                                { header(Text::ColumnName, SortKey::Name) }
                                <th scope="col">{ Text::ColumnUnit.get(lang) }</th>
                                { header(Text::ColumnLevel, SortKey::Level) }
                                { header(Text::ColumnPlatform, SortKey::Platform) }
                                { header(Text::ColumnFollowers, SortKey::Followers) }
                                { header(Text::ColumnPosts, SortKey::Posts) }
                                { header(Text::ColumnHours, SortKey::Hours) }
                                { header(Text::ColumnCash, SortKey::Cash) }
                                { header(Text::ColumnDecision, SortKey::Decision) }
                                <th scope="col">{ Text::ColumnReason.get(lang) }</th>
                                if several {
                                    <th scope="col">{ Text::ColumnPlans.get(lang) }</th>
                                }
                            </tr>
                        </thead>
                        <tbody aria-busy={held_back.then_some("true")}>{ for rows }</tbody>
                    </table>
                </div>
                <nav class="pager no-print" aria-label={Text::TableHeading.get(lang)}>
                    <button type="button" disabled={current == 0} onclick={go(current.saturating_sub(1))}>
                        { Text::PreviousPage.get(lang) }
                    </button>
                    <span data-testid="page-status">{ page_status(current + 1, pages, first, last, visible.len(), lang) }</span>
                    <button type="button" disabled={current + 1 >= pages} onclick={go(current + 1)}>
                        { Text::NextPage.get(lang) }
                    </button>
                </nav>
            }
        </section>
    }
}

fn compare(a: &AccountResult, b: &AccountResult, key: SortKey) -> Ordering {
    let by = match key {
        SortKey::Row => Ordering::Equal,
        SortKey::Name => a.name.cmp(&b.name),
        SortKey::Level => a.level.cmp(&b.level),
        SortKey::Platform => a.platform.cmp(&b.platform),
        SortKey::Followers => a
            .figures
            .followers
            .map(|f| f.low)
            .cmp(&b.figures.followers.map(|f| f.low)),
        SortKey::Posts => a
            .figures
            .posts_per_week
            .low
            .cmp(&b.figures.posts_per_week.low),
        SortKey::Hours => a.figures.hours.low.cmp(&b.figures.hours.low),
        SortKey::Cash => a.figures.cash.low.cmp(&b.figures.cash.low),
        SortKey::Decision => a.decision.key().cmp(b.decision.key()),
    };
    by.then(a.row.cmp(&b.row))
}

/// Properties of [`AccountRow`].
#[derive(Properties, PartialEq)]
struct AccountRowProps {
    lang: Lang,
    account: AccountResult,
    focused: bool,
    /// Each plan's decision, with several plans.
    plans: Vec<Decision>,
    /// True when the plans disagree on it.
    differs: bool,
    dispatch: Callback<Action>,
}

/// One account.
#[component]
fn AccountRow(props: &AccountRowProps) -> Html {
    let lang = props.lang;
    let a = &props.account;
    let assumed = |field: Field| {
        a.assumed.contains(&field).then(|| {
            html! {
                <span class="mark assumed" title={Text::AssumedMark.get(lang)}>{ "*" }</span>
            }
        })
    };
    let on_decision = {
        let name = a.override_key();
        props.dispatch.reform(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let decision = Decision::from_key(&select.value()).unwrap_or(Decision::Keep);
            Action::Override(name.clone(), decision)
        })
    };
    let on_undo = {
        let name = a.override_key();
        props
            .dispatch
            .reform(move |_: MouseEvent| Action::ResetOverride(name.clone()))
    };
    let select_label = format!("{} {}", a.name, Text::ColumnDecision.get(lang));
    html! {
        <tr id={format!("account-row-{}", a.row)} data-row={a.row.to_string()}
            class={classes!(a.decision.key(), props.focused.then_some("focused"),
                props.differs.then_some("differs"))}
            data-differs={props.differs.then_some("true")}>
            <td class="num">{ a.row }</td>
            <td class="name">{ &a.name }</td>
            <td>{ &a.unit }</td>
            <td>
                { a.level.label(lang) }
                if a.level_inferred {
                    <span class="mark inferred">{ "（" }{ Text::Inferred.get(lang) }{ "）" }</span>
                }
            </td>
            <td>{ a.platform.label(lang) }</td>
            <td class="num">{ a.figures.followers.map(|f| number_span(f, 0, lang)).unwrap_or_default() }</td>
            <td class="num">{ number_span(a.figures.posts_per_week, 2, lang) }{ assumed(Field::PostsPerWeek) }</td>
            <td class="num">{ number_span(a.figures.hours, 0, lang) }{ assumed(Field::HoursPerPost) }</td>
            <td class="num">{ money_span(a.figures.cash, lang) }</td>
            <td>
                <select class={classes!("decision", a.decision.key())} aria-label={select_label}
                    data-testid="decision-select" onchange={on_decision}>
                    { for Decision::ALL.iter().map(|d| html! {
                        <option value={d.key()} selected={a.decision == *d}>{ decision_label(*d, lang) }</option>
                    }) }
                </select>
                if a.overridden {
                    <div class="mark overridden">
                        { Text::Overridden.get(lang) }{ " " }
                        <button type="button" class="link" onclick={on_undo}>{ Text::UndoOverride.get(lang) }</button>
                    </div>
                }
            </td>
            <td class="reason">{ a.reason().text(lang) }</td>
            if !props.plans.is_empty() {
                <td class="plans-decisions" data-testid="plan-decisions">
                    { for props.plans.iter().enumerate().map(|(n, d)| html! {
                        <span class={classes!("plan-decision", d.key())}
                            title={format!("{} {}", Text::PlanNumber.get(lang), n + 1)}>
                            { format!("{}{}", n + 1, decision_label(*d, lang)) }
                        </span>
                    }) }
                </td>
            }
        </tr>
    }
}
