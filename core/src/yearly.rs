//! An account's yearly figures: posts, hours, cash and reads a year, from
//! its own cells or the assumptions where the list is silent (SPEC §4).
//!
//! They are what the rules judge an account by and what the estimate adds
//! up, whatever the decision, so they live apart from both: `estimate`
//! uses `rules`, and `rules` no longer needs `estimate`.

use crate::account::{Account, Field, Staffing};
use crate::assumptions::Assumptions;
use crate::num::{Num, Span};

/// An account's yearly figures, whatever the decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AccountFigures {
    /// Posts per week used (its own, or the assumption).
    pub posts_per_week: Span,
    /// Hours per post used (its own, or the assumption).
    pub hours_per_post: Span,
    /// Staff count used for a dedicated account (its own, or 1).
    pub staff: Option<Span>,
    /// Followers, if known.
    pub followers: Option<Span>,
    /// Staff hours per year.
    pub hours: Span,
    /// Outsourcing fee per year in yuan (0 when missing).
    pub outsourcing_fee: Span,
    /// Other cost per year in yuan (0 when missing).
    pub other_cost: Span,
    /// Fee plus other cost, in yuan.
    pub cash: Span,
    /// Reads per year, when average reads are known.
    pub reads: Option<Span>,
    /// Cash per read in yuan, when there are reads.
    pub cost_per_read: Option<Span>,
}

impl AccountFigures {
    /// Works out an account's yearly figures, falling back to the
    /// assumptions where the list is silent, and lists the fields that fell
    /// back or could not be read.
    ///
    /// A negative count, hours or money cannot be meant; it is treated as
    /// missing like an unreadable cell.
    pub fn of(account: &Account, assumptions: &Assumptions) -> (AccountFigures, Vec<Field>) {
        let mut assumed: Vec<Field> = account.unreadable.iter().collect();
        let mut fallback = |own: Option<Span>, default: Span, field: Field| match usable(own) {
            Some(value) => value,
            None => {
                assumed.push(field);
                default
            }
        };
        let weeks = assumptions.weeks_per_year;
        let avg_reads = usable(account.avg_reads.span());
        let dedicated = account.staffing == Some(Staffing::Dedicated);

        // Posts per week matter for the hours of a non-dedicated account
        // and for the reads of any account with average reads; only then is
        // a missing value an assumption that shapes a figure.
        let needs_posts = !dedicated || avg_reads.is_some();
        let posts_per_week = if needs_posts {
            fallback(
                account.posts_per_week.span(),
                assumptions.posts_per_week,
                Field::PostsPerWeek,
            )
        } else {
            usable(account.posts_per_week.span()).unwrap_or(assumptions.posts_per_week)
        };
        let (hours, hours_per_post, staff) = if dedicated {
            let staff = fallback(account.staff.span(), Span::point(Num::ONE), Field::Staff);
            let hpp = usable(account.hours_per_post.span()).unwrap_or(assumptions.hours_per_post);
            (staff * assumptions.fte_hours, hpp, Some(staff))
        } else {
            let hpp = fallback(
                account.hours_per_post.span(),
                assumptions.hours_per_post,
                Field::HoursPerPost,
            );
            (posts_per_week * weeks * hpp, hpp, None)
        };

        let outsourcing_fee = usable(account.outsourcing_fee.span()).unwrap_or(Span::ZERO);
        let other_cost = usable(account.other_cost.span()).unwrap_or(Span::ZERO);
        let cash = outsourcing_fee + other_cost;
        let reads = avg_reads.map(|per_post| posts_per_week * weeks * per_post);
        let cost_per_read = reads.and_then(|reads| divide(cash, reads));

        assumed.sort();
        assumed.dedup();
        let figures = AccountFigures {
            posts_per_week,
            hours_per_post,
            staff,
            followers: usable(account.followers.span()),
            hours,
            outsourcing_fee,
            other_cost,
            cash,
            reads,
            cost_per_read,
        };
        (figures, assumed)
    }
}

/// A value the estimate can use: present and not negative.
fn usable(value: Option<Span>) -> Option<Span> {
    value.filter(|span| span.low >= Num::ZERO)
}

/// Interval division `a ÷ b`, or `None` when `b` contains zero.
pub(crate) fn divide(a: Span, b: Span) -> Option<Span> {
    if b.low <= Num::ZERO && b.high >= Num::ZERO {
        return None;
    }
    let quotients = [
        a.low / b.low,
        a.low / b.high,
        a.high / b.low,
        a.high / b.high,
    ];
    let low = quotients.iter().copied().min()?;
    let high = quotients.iter().copied().max()?;
    Some(Span { low, high })
}
