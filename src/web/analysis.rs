//! Runs the import and the estimate for the page, without freezing it.
//!
//! A list of a few thousand rows is analysed during the render that shows
//! it: that takes a few milliseconds. A list of 100,000 rows takes the better
//! part of a second, and a page that stops answering for that long looks
//! dead, so large lists are analysed in slices of about [`SLICE_MS`], with
//! the browser free to paint and take input in between, and a progress
//! line on screen. The slicing itself is the core's
//! ([`Importer`], [`Estimator`]); this module only schedules it.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::core::date::Date;
use crate::core::estimate::{estimate, Estimate, Estimator};
use crate::core::grid::Merges;
use crate::core::import::{import, Context, Import, Importer};
use crate::core::plan::Plan;
use crate::web::shared::Shared;
use crate::web::state::LARGE_INPUT;

/// How long one slice may run before the browser gets the thread back:
/// well under the 50 ms the browser counts as a long task's start, with room
/// for the last batch.
const SLICE_MS: f64 = 30.0;

/// Rows (or accounts) between two looks at the clock: a few milliseconds of
/// work.
const BATCH: usize = 500;

/// What the estimates depend on besides the list.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// The plans, each estimated.
    pub plans: Vec<Plan>,
    /// Today, for plans without an as-of date.
    pub today: Date,
}

impl Settings {
    /// The as-of date the list is read against: the plans share one.
    fn as_of(&self) -> Date {
        self.plans
            .first()
            .map_or(self.today, |plan| plan.as_of(self.today))
    }
}

/// Estimates already made, by plan, so that a change to one plan leaves
/// the others' estimates as they were (only the plan edited is estimated
/// again).
type Estimated = Vec<(Plan, Shared<Estimate>)>;

/// The estimate of `plan` from `before`, if it is there: a plan renamed or
/// added as a copy of another is not estimated again.
fn reuse(before: &Estimated, plan: &Plan) -> Option<Shared<Estimate>> {
    before
        .iter()
        .find(|(done, _)| done.estimates_like(plan))
        .map(|(_, estimate)| estimate.clone())
}

/// An estimate for each of `plans` from a finished analysis, while the
/// analysis of a change runs: each plan's own, else the one at its place
/// (the plan as it was before an edit), else the last. The page always has
/// as many estimates as plans. `None` when there are none to take.
fn aligned(done: &Estimated, plans: &[Plan]) -> Option<Vec<Shared<Estimate>>> {
    let (_, last) = done.last()?;
    let estimates = plans
        .iter()
        .enumerate()
        .map(|(at, plan)| {
            reuse(done, plan)
                .or_else(|| done.get(at).map(|(_, estimate)| estimate.clone()))
                .unwrap_or_else(|| last.clone())
        })
        .collect();
    Some(estimates)
}

/// What the page shows: the latest finished analysis, and how far a running
/// one has got.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// The accounts and diagnostics.
    pub import: Shared<Import>,
    /// The figures, one estimate per plan, in the plans' order.
    pub estimates: Vec<Shared<Estimate>>,
    /// `Some` while a large list is being analysed.
    pub progress: Option<Progress>,
}

/// How far the analysis of a large list has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Reading rows: bytes read of the total.
    Reading(usize, usize),
    /// Estimating: accounts done of the total.
    Estimating(usize, usize),
}

impl Progress {
    /// The share done, in whole percent.
    pub fn percent(self) -> usize {
        let (done, total) = match self {
            Progress::Reading(done, total) | Progress::Estimating(done, total) => (done, total),
        };
        (done.min(total) * 100).checked_div(total).unwrap_or(100)
    }
}

/// A finished analysis of a large list.
#[derive(Clone, Debug, PartialEq)]
struct Finished {
    text: Shared<str>,
    import: Shared<Import>,
    settings: Settings,
    estimates: Estimated,
}

/// The list to analyse: the text, and which of its cells are merged (for a
/// pasted table).
#[derive(Clone, Debug, PartialEq)]
pub struct Input {
    /// The list's text.
    pub text: Shared<str>,
    /// Its merged cells, when it came as a table.
    pub merges: Option<Shared<Merges>>,
}

impl Input {
    /// How the list is imported: against the as-of date (for days written
    /// without a year), with its merges.
    fn context(&self, as_of: Date) -> Context {
        Context {
            as_of: Some(as_of),
            merges: self.merges.as_deref().cloned(),
        }
    }
}

/// Analyses `input` under `settings`: small lists at once, large ones (over
/// [`LARGE_INPUT`] bytes) in slices between frames.
#[hook]
pub fn use_analysis(input: &Input, settings: &Settings) -> Analysis {
    let text = &input.text;
    // Small lists: in this render. The import is kept while only the
    // settings other than the as-of date change.
    let small_import = use_memo((input.clone(), settings.as_of()), |(input, as_of)| {
        (input.text.len() <= LARGE_INPUT)
            .then(|| Shared::new(import(&input.text, &input.context(*as_of))))
    });
    // Each plan's estimate is kept while that plan, the list and the
    // as-of date stay as they were.
    let cache = use_mut_ref(|| (None::<Shared<Import>>, Estimated::new()));
    let small_estimates = (*small_import).as_ref().map(|import| {
        let mut cache = cache.borrow_mut();
        if cache.0.as_ref() != Some(import) {
            *cache = (Some(import.clone()), Estimated::new());
        }
        let estimated: Estimated = settings
            .plans
            .iter()
            .map(|plan| {
                let estimate = reuse(&cache.1, plan).unwrap_or_else(|| {
                    Shared::new(estimate(&import.accounts, plan, settings.today))
                });
                (plan.clone(), estimate)
            })
            .collect();
        let estimates = estimated.iter().map(|(_, e)| e.clone()).collect();
        cache.1 = estimated;
        estimates
    });

    // Large lists: in slices.
    let finished = use_state(|| None::<Finished>);
    let progress = use_state_eq(|| None::<Progress>);
    {
        let (finished, progress) = (finished.clone(), progress.clone());
        use_effect_with(
            (input.clone(), settings.clone()),
            move |(input, settings)| {
                let cancelled = Rc::new(Cell::new(false));
                let text = &input.text;
                if text.len() > LARGE_INPUT {
                    // A settings change keeps the import of the same text, read
                    // against the same as-of date.
                    let same = (*finished)
                        .as_ref()
                        .filter(|f| f.text == *text && f.settings.as_of() == settings.as_of());
                    let import = same.map(|f| f.import.clone());
                    let before = same.map(|f| f.estimates.clone()).unwrap_or_default();
                    let context = input.context(settings.as_of());
                    let job = Job::new(text.clone(), settings.clone(), import, before, &context);
                    // The callbacks hold setters, not the state: the last
                    // list's analysis is let go as soon as the state drops
                    // it, not when this job ends.
                    let set_finished = finished.setter();
                    let release = (*finished).as_ref().filter(|f| f.text != *text).map(|_| {
                        let set_finished = finished.setter();
                        Callback::from(move |()| set_finished.set(None))
                    });
                    wasm_bindgen_futures::spawn_local(job.run(
                        cancelled.clone(),
                        release,
                        Callback::from(move |p| progress.set(p)),
                        Callback::from(move |done| set_finished.set(Some(done))),
                    ));
                } else {
                    progress.set(None);
                    // Let the last large list's accounts go.
                    if finished.is_some() {
                        finished.set(None);
                    }
                }
                move || cancelled.set(true)
            },
        );
    }

    if let (Some(import), Some(estimates)) = (&*small_import, small_estimates) {
        return Analysis {
            import: import.clone(),
            estimates,
            progress: None,
        };
    }
    let progress = *progress;
    let shown = (*finished)
        .as_ref()
        .filter(|done| done.text == *text)
        .and_then(|done| Some((done, aligned(&done.estimates, &settings.plans)?)));
    match shown {
        Some((done, estimates)) => Analysis {
            import: done.import.clone(),
            estimates,
            progress: progress.filter(|_| done.settings != *settings),
        },
        // Nothing yet for this text: an empty page while it is read.
        _ => {
            let import = Shared::new(Import::default());
            Analysis {
                estimates: settings
                    .plans
                    .iter()
                    .map(|plan| Shared::new(estimate(&import.accounts, plan, settings.today)))
                    .collect(),
                import,
                progress: Some(progress.unwrap_or(Progress::Reading(0, text.len()))),
            }
        }
    }
}

/// The analysis of one large list under one set of settings.
struct Job {
    text: Shared<str>,
    settings: Settings,
    /// The estimates of plans that did not change, from the last analysis.
    before: Estimated,
    stage: Stage,
}

enum Stage {
    Reading(Box<Importer>),
    /// Estimating the plans in turn: those done, and the next one's
    /// estimator (`None` when it needs none: its estimate is reused).
    Estimating(Shared<Import>, Estimated, Option<Box<Estimator>>),
}

impl Job {
    fn new(
        text: Shared<str>,
        settings: Settings,
        import: Option<Shared<Import>>,
        before: Estimated,
        context: &Context,
    ) -> Job {
        let stage = match import {
            Some(import) => estimating(&settings, &before, import, Estimated::new()),
            None => Stage::Reading(Box::new(Importer::with_context(&text, context))),
        };
        Job {
            text,
            settings,
            before,
            stage,
        }
    }

    /// Runs slice after slice, each followed by a new task so that the
    /// browser can paint and take input, until done or `cancelled`. First,
    /// in a task of its own, `release` lets the last list's analysis go:
    /// freeing 100,000 accounts and their estimates takes a tenth of a
    /// second, which the render of the new figures need not carry.
    async fn run(
        self,
        cancelled: Rc<Cell<bool>>,
        mut release: Option<Callback<()>>,
        on_progress: Callback<Option<Progress>>,
        on_done: Callback<Finished>,
    ) {
        let channel = web_sys::MessageChannel::new().ok();
        let mut job = Box::new(self);
        loop {
            next_task(channel.as_ref()).await;
            if cancelled.get() {
                return;
            }
            if let Some(release) = release.take() {
                release.emit(());
                continue;
            }
            match job.slice() {
                Ok(done) => {
                    // The page renders the figures in a task of its own, not
                    // after the last slice's work.
                    next_task(channel.as_ref()).await;
                    if cancelled.get() {
                        return;
                    }
                    on_progress.emit(None);
                    on_done.emit(done);
                    return;
                }
                Err(rest) => {
                    on_progress.emit(Some(rest.progress()));
                    job = rest;
                }
            }
        }
    }

    /// Works for about [`SLICE_MS`]: the result when finished, else the
    /// job with the rest of the work.
    fn slice(mut self: Box<Self>) -> Result<Finished, Box<Job>> {
        let start = js_sys::Date::now();
        loop {
            let stage = std::mem::replace(
                &mut self.stage,
                Stage::Estimating(Shared::new(Import::default()), Vec::new(), None),
            );
            self.stage = match stage {
                Stage::Reading(mut importer) => {
                    if importer.read(&self.text, BATCH) {
                        estimating(
                            &self.settings,
                            &self.before,
                            Shared::new(importer.finish()),
                            Estimated::new(),
                        )
                    } else {
                        Stage::Reading(importer)
                    }
                }
                Stage::Estimating(import, mut done, estimator) => {
                    let Some(plan) = self.settings.plans.get(done.len()).cloned() else {
                        return Ok(Finished {
                            text: self.text,
                            import,
                            settings: self.settings,
                            estimates: done,
                        });
                    };
                    match estimator {
                        None => {
                            let reused = reuse(&self.before, &plan);
                            let estimate = reused.unwrap_or_else(|| {
                                Shared::new(estimate(&import.accounts, &plan, self.settings.today))
                            });
                            done.push((plan, estimate));
                            estimating(&self.settings, &self.before, import, done)
                        }
                        Some(mut estimator) => {
                            if estimator.assess(&import.accounts, BATCH) {
                                done.push((plan, Shared::new(estimator.finish())));
                                estimating(&self.settings, &self.before, import, done)
                            } else {
                                Stage::Estimating(import, done, Some(estimator))
                            }
                        }
                    }
                }
            };
            if js_sys::Date::now() - start >= SLICE_MS {
                return Err(self);
            }
        }
    }

    fn progress(&self) -> Progress {
        match &self.stage {
            Stage::Reading(importer) => Progress::Reading(importer.progress(), self.text.len()),
            Stage::Estimating(import, done, estimator) => {
                let accounts = import.accounts.len();
                let plans = self.settings.plans.len().max(1);
                let current = estimator.as_ref().map_or(0, |e| e.progress());
                Progress::Estimating(done.len() * accounts + current, plans * accounts)
            }
        }
    }
}

/// The stage that estimates the next plan after those `done`: with an
/// estimator, unless its estimate from `before` is reused.
fn estimating(
    settings: &Settings,
    before: &Estimated,
    import: Shared<Import>,
    done: Estimated,
) -> Stage {
    let estimator = settings.plans.get(done.len()).and_then(|plan| {
        reuse(before, plan).is_none().then(|| {
            // A plan takes the figures of the one before it (see
            // `Estimator::like`).
            let accounts = &import.accounts;
            Box::new(match done.last() {
                Some((_, earlier)) => Estimator::like(accounts, plan, settings.today, earlier),
                None => Estimator::new(accounts, plan, settings.today),
            })
        })
    });
    Stage::Estimating(import, done, estimator)
}

/// Resolves in a new task, after the browser has had the chance to render
/// and handle input: a message to itself on `channel`. `setTimeout(0)`
/// would do the same, but browsers hold a timeout set from a timeout back by
/// at least 4 ms, and a large list takes a hundred slices.
/// Without a channel (no browser that runs the page lacks one), a timeout.
async fn next_task(channel: Option<&web_sys::MessageChannel>) {
    let promise = js_sys::Promise::new(&mut |resolve, _| match channel {
        Some(channel) => {
            channel.port1().set_onmessage(Some(&resolve));
            // Posting `undefined` to a port of one's own cannot fail.
            let _ = channel.port2().post_message(&JsValue::UNDEFINED);
        }
        None => {
            if let Some(window) = web_sys::window() {
                // Only fails without a window, where nothing would render.
                let _ = window.set_timeout_with_callback(&resolve);
            }
        }
    });
    // The promise resolves with `undefined` and cannot reject.
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
