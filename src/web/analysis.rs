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

use yew::prelude::*;

use crate::core::assumptions::Assumptions;
use crate::core::date::Date;
use crate::core::estimate::{estimate, Estimate, Estimator, Overrides};
use crate::core::grid::Merges;
use crate::core::import::{import, Context, Import, Importer};
use crate::web::shared::Shared;
use crate::web::state::LARGE_INPUT;

/// How long one slice may run before the browser gets the thread back:
/// well under the 50 ms the browser counts as a long task's start, with room
/// for the last batch.
const SLICE_MS: f64 = 30.0;

/// Rows (or accounts) between two looks at the clock: a few milliseconds of
/// work.
const BATCH: usize = 500;

/// What an estimate depends on besides the list.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// The assumptions in force.
    pub assumptions: Assumptions,
    /// Decisions set by hand.
    pub overrides: Overrides,
    /// The date dormancy is measured to.
    pub as_of: Date,
}

impl Settings {
    fn estimate(&self, import: &Import) -> Estimate {
        estimate(
            &import.accounts,
            &self.assumptions,
            self.as_of,
            &self.overrides,
        )
    }
}

/// What the page shows: the latest finished analysis, and how far a running
/// one has got.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// The accounts and diagnostics.
    pub import: Shared<Import>,
    /// The figures.
    pub estimate: Shared<Estimate>,
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
    estimate: Shared<Estimate>,
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
    let small_import = use_memo((input.clone(), settings.as_of), |(input, as_of)| {
        (input.text.len() <= LARGE_INPUT)
            .then(|| Shared::new(import(&input.text, &input.context(*as_of))))
    });
    let small_estimate = use_memo(
        ((*small_import).clone(), settings.clone()),
        |(import, settings)| {
            import
                .as_ref()
                .map(|import| Shared::new(settings.estimate(import)))
        },
    );

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
                    let import = (*finished)
                        .as_ref()
                        .filter(|f| f.text == *text && f.settings.as_of == settings.as_of)
                        .map(|f| f.import.clone());
                    let context = input.context(settings.as_of);
                    let job = Job::new(text.clone(), settings.clone(), import, &context);
                    wasm_bindgen_futures::spawn_local(job.run(
                        cancelled.clone(),
                        Callback::from(move |p| progress.set(p)),
                        Callback::from(move |done| finished.set(Some(done))),
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

    if let (Some(import), Some(estimate)) = (&*small_import, &*small_estimate) {
        return Analysis {
            import: import.clone(),
            estimate: estimate.clone(),
            progress: None,
        };
    }
    let progress = *progress;
    match &*finished {
        Some(done) if done.text == *text => Analysis {
            import: done.import.clone(),
            estimate: done.estimate.clone(),
            progress: progress.filter(|_| done.settings != *settings),
        },
        // Nothing yet for this text: an empty page while it is read.
        _ => {
            let import = Shared::new(Import::default());
            Analysis {
                estimate: Shared::new(settings.estimate(&import)),
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
    stage: Stage,
}

enum Stage {
    Reading(Box<Importer>),
    Estimating(Shared<Import>, Box<Estimator>),
}

impl Job {
    fn new(
        text: Shared<str>,
        settings: Settings,
        import: Option<Shared<Import>>,
        context: &Context,
    ) -> Job {
        let stage = match import {
            Some(import) => Job::estimating(import, &settings),
            None => Stage::Reading(Box::new(Importer::with_context(&text, context))),
        };
        Job {
            text,
            settings,
            stage,
        }
    }

    fn estimating(import: Shared<Import>, settings: &Settings) -> Stage {
        let estimator = Estimator::new(
            &import.accounts,
            settings.assumptions,
            settings.as_of,
            settings.overrides.clone(),
        );
        Stage::Estimating(import, Box::new(estimator))
    }

    /// Runs slice after slice, each followed by a new task so that the
    /// browser can paint and take input, until done or `cancelled`.
    async fn run(
        self,
        cancelled: Rc<Cell<bool>>,
        on_progress: Callback<Option<Progress>>,
        on_done: Callback<Finished>,
    ) {
        let mut job = Box::new(self);
        loop {
            next_task().await;
            if cancelled.get() {
                return;
            }
            match job.slice() {
                Ok(done) => {
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
            self.stage = match self.stage {
                Stage::Reading(mut importer) => {
                    if importer.read(&self.text, BATCH) {
                        Job::estimating(Shared::new(importer.finish()), &self.settings)
                    } else {
                        Stage::Reading(importer)
                    }
                }
                Stage::Estimating(import, mut estimator) => {
                    if estimator.assess(&import.accounts, BATCH) {
                        return Ok(Finished {
                            text: self.text,
                            import,
                            settings: self.settings,
                            estimate: Shared::new(estimator.finish()),
                        });
                    }
                    Stage::Estimating(import, estimator)
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
            Stage::Estimating(import, estimator) => {
                Progress::Estimating(estimator.progress(), import.accounts.len())
            }
        }
    }
}

/// Resolves in a new task (`setTimeout(0)`), after the browser has had the
/// chance to render and handle input.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            // Only fails without a window, where nothing would render anyway.
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    // The promise resolves with `undefined` and cannot reject.
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
