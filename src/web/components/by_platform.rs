//! The totals by platform (微信公众号, 微博, 抖音…), shown when the list has
//! accounts on more than one.

use yew::prelude::*;

use crate::core::estimate::Estimate;
use crate::core::figures::{money_span, number_span};
use crate::core::lang::Lang;
use crate::web::i18n::Text;
use crate::web::shared::Shared;

/// Properties of [`ByPlatform`].
#[derive(Properties, PartialEq)]
pub struct ByPlatformProps {
    /// The interface language.
    pub lang: Lang,
    /// The estimate whose totals to show.
    pub estimate: Shared<Estimate>,
}

/// The by-platform table (`data-testid="by-platform"`), one row per
/// platform the list has: accounts before and after, hours freed and cash
/// saved.
#[component]
pub fn ByPlatform(props: &ByPlatformProps) -> Html {
    let lang = props.lang;
    let present: Vec<_> = props.estimate.summary.by_platform.present().collect();
    if present.len() < 2 {
        return Html::default();
    }
    let rows = present.into_iter().map(|(platform, totals)| {
        html! {
            <tr data-platform={platform.key()}>
                <th scope="row">{ platform.label(lang) }</th>
                <td class="num">{ totals.before }</td>
                <td class="num">{ totals.after }</td>
                <td class="num">{ number_span(totals.hours_freed, 0, lang) }</td>
                <td class="num">{ money_span(totals.cash_saved, lang) }</td>
            </tr>
        }
    });
    html! {
        <div class="by-platform" data-testid="by-platform">
            <h3>{ Text::ByPlatformHeading.get(lang) }</h3>
            <table>
                <thead>
                    <tr>
                        <th scope="col">{ Text::ColumnPlatform.get(lang) }</th>
                        <th scope="col">{ Text::Before.get(lang) }</th>
                        <th scope="col">{ Text::After.get(lang) }</th>
                        <th scope="col">{ Text::ColumnHoursFreed.get(lang) }</th>
                        <th scope="col">{ Text::ColumnCashSaved.get(lang) }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
