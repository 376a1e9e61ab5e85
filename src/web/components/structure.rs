//! Where merged accounts go: the receiving accounts with the work each
//! takes on, and what remains in each unit after the current plan (the
//! 1+N structure), as a grouped list that prints.

use yew::prelude::*;

use crate::core::estimate::Estimate;
use crate::core::figures::number_span;
use crate::core::lang::Lang;
use crate::core::structure::structure;
use crate::web::hooks::use_painted;
use crate::web::i18n::Text;
use crate::web::shared::Shared;

/// The most units listed: a list of 100,000 accounts has thousands, which
/// the CSV holds.
const UNITS_SHOWN: usize = 100;

/// The most names listed together (what joins an account, what has no
/// receiving account): laying out a paragraph of 25,000 names would take
/// the browser seconds, and no one reads it.
const NAMES_SHOWN: usize = 30;

/// Properties of [`Structure`].
#[derive(Properties, PartialEq)]
pub struct StructureProps {
    /// The interface language.
    pub lang: Lang,
    /// The current plan's estimate.
    pub estimate: Shared<Estimate>,
}

/// The receiving accounts and the structure after the plan. At the foot of
/// the page: when a list first arrives it comes after the frame that shows
/// the figures ([`use_painted`]), as its hundreds of lines would hold them
/// back.
#[component]
pub fn Structure(props: &StructureProps) -> Html {
    let lang = props.lang;
    let estimate = &props.estimate;
    let receiving = &estimate.summary.receiving;
    if !use_painted(!estimate.accounts.is_empty()) {
        return html! {};
    }
    let (units, unplaced) = structure(estimate);
    let accounts = &estimate.accounts;
    let name = |index: usize| accounts.get(index).map_or("", |a| &*a.name);
    let names = |indices: &[usize]| {
        let shown: Vec<&str> = indices.iter().take(NAMES_SHOWN).map(|&i| name(i)).collect();
        let mut text = shown.join(lang.pick("、", ", "));
        if indices.len() > NAMES_SHOWN {
            text.push_str(&match lang {
                Lang::Zh => format!("等{}个", indices.len()),
                Lang::En => format!(" and {} more", indices.len() - NAMES_SHOWN),
            });
        }
        text
    };
    // At most UNITS_SHOWN units, and at most NAMES_SHOWN accounts of each.
    let hidden = units.len().saturating_sub(UNITS_SHOWN);
    let groups = units.iter().take(UNITS_SHOWN).map(|unit| {
        let title = match unit.unit {
            "" => Text::NoUnit.get(lang),
            unit => unit,
        };
        let more = unit.kept.len().saturating_sub(NAMES_SHOWN);
        html! {
            <li>
                <strong>{ title }</strong>
                <ul>
                    { for unit.kept.iter().take(NAMES_SHOWN).map(|kept| html! {
                        <li>
                            { name(kept.account) }
                            if !kept.joined.is_empty() {
                                <span class="joined">{ Text::StructureJoined.get(lang) }{ names(&kept.joined) }</span>
                            }
                        </li>
                    }) }
                    if more > 0 {
                        <li class="hint">{ match lang {
                            Lang::Zh => format!("另有{more}个保留账号"),
                            Lang::En => format!("and {more} more accounts kept"),
                        } }</li>
                    }
                </ul>
            </li>
        }
    });
    html! {
        <section class="panel structure" aria-labelledby="structure-heading">
            if !receiving.is_empty() {
                <h2 id="receiving-heading">{ Text::ReceivingHeading.get(lang) }</h2>
                <table class="receiving" data-testid="receiving">
                    <thead><tr>
                        <th scope="col">{ Text::ReceivingAccount.get(lang) }</th>
                        <th scope="col">{ Text::ReceivingCount.get(lang) }</th>
                        <th scope="col">{ Text::ReceivingLoad.get(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for receiving.iter().map(|load| html! {
                            <tr data-row={load.row.map(|r| r.to_string())}>
                                <td>{ match load.account.as_str() {
                                    "" => Text::ReceivingUnknown.get(lang).to_string(),
                                    name => name.to_string(),
                                } }</td>
                                <td class="num">{ load.accounts_merged }</td>
                                <td class="num">{ number_span(load.added_load, 0, lang) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            <h2 id="structure-heading">{ Text::StructureHeading.get(lang) }</h2>
            <ul class="structure-list" data-testid="structure">
                { for groups }
            </ul>
            if hidden > 0 {
                <p class="hint">{ format!("{hidden} ") }{ Text::MoreUnits.get(lang) }</p>
            }
            if !unplaced.is_empty() {
                <p class="hint">
                    { Text::Unplaced.get(lang) }
                    { names(&unplaced) }
                </p>
            }
        </section>
    }
}
