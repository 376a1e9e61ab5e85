//! The app's one state, changed only through [`Action`]s (the pattern of
//! Yew's `function_todomvc` example). The estimate itself is not stored: the
//! app derives it from this state with `use_memo`.

use std::rc::Rc;

use yew::Reducible;

use crate::core::account::Decision;
use crate::core::assumptions::{Assumption, AssumptionError, Assumptions};
use crate::core::date::Date;
use crate::core::demo;
use crate::core::estimate::Overrides;
use crate::core::grid::Merges;
use crate::core::lang::Lang;
use crate::web::query::PageOptions;
use crate::web::shared::Shared;
use crate::web::storage::Loaded;

/// Lists over this many bytes (some 2,000 rows) are large: they are analysed
/// in slices (see [`analysis`](crate::web::analysis)) and not shown in the
/// input box, whose layout alone would take seconds for 100,000 rows.
pub const LARGE_INPUT: usize = 200_000;

/// Everything the user has set.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The interface language.
    pub lang: Lang,
    /// The list as pasted, typed or uploaded.
    /// Compared by address (see [`Shared`]): a new list is a new value.
    pub input: Shared<str>,
    /// Which cells of `input` lie under merged cells, when it was pasted as
    /// an HTML table (Excel and WPS put one on the clipboard); `None` for
    /// text, and after any edit, since the rows may no longer be the
    /// table's.
    pub merges: Option<Shared<Merges>>,
    /// The assumptions in force (always valid).
    pub assumptions: Assumptions,
    /// The last assumption edit that was refused, with why.
    pub assumption_error: Option<AssumptionError>,
    /// Decisions set by hand, by account name.
    pub overrides: Overrides,
    /// The row the diagnostics panel asked the table to show.
    pub focus_row: Option<usize>,
    /// A message for the user that is not about one row (storage problems).
    pub notice: Option<Notice>,
}

/// A message about the page itself rather than the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The saved data could not be read and was reset.
    StorageReset,
    /// The browser refused to save (quota or privacy mode).
    StorageFull,
    /// The summary could not be put on the clipboard.
    CopyFailed,
    /// The summary was copied.
    Copied,
    /// An uploaded file could not be read.
    FileUnreadable,
}

/// Every change the user can make.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Switch the interface language.
    SetLang(Lang),
    /// The input box changed, or a file or text was given.
    SetInput(String),
    /// A table was pasted: its text, and which of its cells are merged.
    PasteTable(String, Merges),
    /// Load the Changxing demo and its as-of date.
    LoadDemo,
    /// Empty the input and forget the overrides.
    Clear,
    /// Set one assumption to `[low, high]` as typed.
    SetAssumption {
        /// Which one.
        assumption: Assumption,
        /// The low end as typed.
        low: String,
        /// The high end as typed (equal to `low` for a single value).
        high: String,
    },
    /// Put one assumption back to its default.
    ResetAssumption(Assumption),
    /// Set the as-of date; `None` means today.
    SetAsOf(Option<Date>),
    /// Decide one account (by its override key) by hand.
    Override(String, Decision),
    /// Drop the hand-made decision of one account.
    ResetOverride(String),
    /// Show a row in the table.
    FocusRow(usize),
    /// Show a notice.
    Notify(Notice),
    /// Hide the notice.
    DismissNotice,
}

impl Default for State {
    fn default() -> State {
        State::new(Lang::default())
    }
}

impl State {
    /// The state a new visit starts with.
    pub fn new(lang: Lang) -> State {
        State {
            lang,
            input: Shared::from(""),
            merges: None,
            assumptions: Assumptions::default(),
            assumption_error: None,
            overrides: Overrides::new(),
            focus_row: None,
            notice: None,
        }
    }

    /// The state a visit starts with: what was saved, then the URL's
    /// options on top (`?lang=` wins over the saved language, `?demo=`
    /// loads the demo).
    pub fn restored(loaded: Loaded, options: &PageOptions) -> State {
        let mut state = State::default();
        match loaded {
            Loaded::Nothing => {}
            Loaded::Reset => state.notice = Some(Notice::StorageReset),
            Loaded::Saved(restored) => {
                let (saved, assumptions) = *restored;
                state.lang = saved.lang;
                state.input = Shared::from(saved.input);
                state.merges = saved.merges.map(Shared::new);
                state.assumptions = assumptions;
                state.overrides = saved.overrides;
            }
        }
        if let Some(lang) = options.lang {
            state.lang = lang;
        }
        if let Some(assumptions) = options.assumptions {
            state.assumptions = assumptions;
        }
        if options.demo {
            state.load_demo();
        }
        state
    }

    fn load_demo(&mut self) {
        self.input = Shared::from(demo::DEMO_CSV);
        self.merges = None;
        self.assumptions.as_of = Some(demo::demo_as_of());
        self.overrides.clear();
        self.focus_row = None;
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::SetInput(text) => {
                next.input = Shared::from(text);
                next.merges = None;
            }
            Action::PasteTable(text, merges) => {
                next.input = Shared::from(text);
                // Kept even when nothing is merged: the text is a table's,
                // read with tabs and with nothing guessed.
                next.merges = Some(Shared::new(merges));
            }
            Action::LoadDemo => next.load_demo(),
            Action::Clear => {
                next.input = Shared::from("");
                next.merges = None;
                next.overrides.clear();
                next.focus_row = None;
            }
            Action::SetAssumption {
                assumption,
                low,
                high,
            } => match next.assumptions.with_text(assumption, &low, &high) {
                Ok(assumptions) => {
                    next.assumptions = assumptions;
                    next.assumption_error = None;
                }
                Err(error) => next.assumption_error = Some(error),
            },
            Action::ResetAssumption(assumption) => {
                next.assumptions = next.assumptions.reset(assumption);
                if next
                    .assumption_error
                    .as_ref()
                    .is_some_and(|e| e.assumption() == assumption)
                {
                    next.assumption_error = None;
                }
            }
            Action::SetAsOf(date) => next.assumptions.as_of = date,
            Action::Override(name, decision) => {
                next.overrides.insert(name, decision);
            }
            Action::ResetOverride(name) => {
                next.overrides.remove(&name);
            }
            Action::FocusRow(row) => next.focus_row = Some(row),
            Action::Notify(notice) => next.notice = Some(notice),
            Action::DismissNotice => next.notice = None,
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
