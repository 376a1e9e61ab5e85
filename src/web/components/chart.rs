//! Two small bar charts in inline SVG (no chart library): accounts before
//! and after by level, and hours freed by level. Each has a text
//! alternative, and both print in black and white.

use yew::prelude::*;

use crate::core::account::Level;
use crate::core::estimate::Estimate;
use crate::core::figures::{large_number, number_span};
use crate::core::lang::Lang;
use crate::core::num::Num;
use crate::web::i18n::Text;
use crate::web::shared::Shared;

/// Properties of [`Chart`].
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// The interface language.
    pub lang: Lang,
    /// The estimate to draw.
    pub estimate: Shared<Estimate>,
}

const WIDTH: f64 = 360.0;
const BAR_AREA: f64 = 200.0;
const LABEL_WIDTH: f64 = 120.0;
const ROW_HEIGHT: f64 = 44.0;

/// An SVG coordinate, rounded to a whole unit: finer is invisible, and
/// printing floats would cost the page a float formatter.
fn px(value: f64) -> String {
    (value.round() as i64).to_string()
}

/// Bar length for `value` on a scale whose longest bar is `max`.
fn bar(value: f64, max: f64) -> f64 {
    if max <= 0.0 {
        0.0
    } else {
        (value / max * BAR_AREA).max(0.0)
    }
}

/// The two charts.
#[component]
pub fn Chart(props: &ChartProps) -> Html {
    let lang = props.lang;
    let by_level = &props.estimate.summary.by_level;
    let levels = Level::ALL.map(|level| (level, by_level.get(level)));
    let height = ROW_HEIGHT * 3.0 + 8.0;

    let max_accounts = levels.iter().map(|(_, l)| l.before).max().unwrap_or(0) as f64;
    let accounts_rows = levels.iter().enumerate().map(|(i, (level, l))| {
        let y = i as f64 * ROW_HEIGHT + 4.0;
        let before = bar(l.before as f64, max_accounts);
        let after = bar(l.after as f64, max_accounts);
        html! {
            <g>
                <text x="0" y={px(y + 22.0)} class="chart-label">{ level.label(lang) }</text>
                <rect x={px(LABEL_WIDTH)} y={px(y)} width={px(before)} height="16" class="bar-before" />
                <text x={px(LABEL_WIDTH + before + 4.0)} y={px(y + 13.0)} class="chart-value">{ l.before }</text>
                <rect x={px(LABEL_WIDTH)} y={px(y + 18.0)} width={px(after)} height="16" class="bar-after" />
                <text x={px(LABEL_WIDTH + after + 4.0)} y={px(y + 31.0)} class="chart-value">{ l.after }</text>
            </g>
        }
    });
    let accounts_desc = levels
        .iter()
        .map(|(level, l)| match lang {
            Lang::Zh => format!(
                "{}：现有{}个，保留{}个",
                level.label(lang),
                l.before,
                l.after
            ),
            Lang::En => format!(
                "{}: {} before, {} after",
                level.label(lang),
                l.before,
                l.after
            ),
        })
        .collect::<Vec<_>>()
        .join(lang.pick("；", "; "));

    let max_hours = levels
        .iter()
        .map(|(_, l)| l.hours_freed.high)
        .max()
        .unwrap_or(Num::ZERO)
        .to_f64();
    let hours_rows = levels.iter().enumerate().map(|(i, (level, l))| {
        let y = i as f64 * ROW_HEIGHT + 4.0;
        let low = bar(l.hours_freed.low.to_f64(), max_hours);
        let high = bar(l.hours_freed.high.to_f64(), max_hours);
        let label = number_span(l.hours_freed, 0, lang);
        html! {
            <g>
                <text x="0" y={px(y + 22.0)} class="chart-label">{ level.label(lang) }</text>
                <rect x={px(LABEL_WIDTH)} y={px(y + 6.0)} width={px(high)} height="22" class="bar-range" />
                <rect x={px(LABEL_WIDTH)} y={px(y + 6.0)} width={px(low)} height="22" class="bar-after" />
                <text x={px(LABEL_WIDTH + high + 4.0)} y={px(y + 22.0)} class="chart-value">{ label }</text>
            </g>
        }
    });
    let hours_desc = levels
        .iter()
        .map(|(level, l)| {
            let low = large_number(l.hours_freed.low, lang);
            let high = large_number(l.hours_freed.high, lang);
            match lang {
                Lang::Zh => format!("{}：{}至{}小时", level.label(lang), low, high),
                Lang::En => format!("{}: {}–{} h", level.label(lang), low, high),
            }
        })
        .collect::<Vec<_>>()
        .join(lang.pick("；", "; "));
    let view_box = format!("0 0 {} {}", px(WIDTH + 60.0), px(height));

    html! {
        <div class="charts" data-testid="chart">
            <h2 class="visually-hidden">{ Text::ChartHeading.get(lang) }</h2>
            <figure>
                <figcaption>
                    { Text::ChartAccounts.get(lang) }
                    <span class="legend"><span class="swatch bar-before"></span>{ Text::Before.get(lang) }
                        <span class="swatch bar-after"></span>{ Text::After.get(lang) }</span>
                </figcaption>
                <svg viewBox={view_box.clone()} role="img" aria-label={accounts_desc.clone()}>
                    <title>{ Text::ChartAccounts.get(lang) }</title>
                    <desc>{ accounts_desc }</desc>
                    { for accounts_rows }
                </svg>
            </figure>
            <figure>
                <figcaption>{ Text::ChartHours.get(lang) }</figcaption>
                <svg viewBox={view_box} role="img" aria-label={hours_desc.clone()}>
                    <title>{ Text::ChartHours.get(lang) }</title>
                    <desc>{ hours_desc }</desc>
                    { for hours_rows }
                </svg>
            </figure>
        </div>
    }
}
