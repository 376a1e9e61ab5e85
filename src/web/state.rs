//! The app's one state, changed only through [`Action`]s (the pattern of
//! Yew's `function_todomvc` example). The estimate itself is not stored: the
//! app derives it from this state with `use_memo`.

use std::rc::Rc;

use yew::Reducible;

use crate::core::account::Decision;
use crate::core::assumptions::{Assumption, AssumptionError, Assumptions};
use crate::core::date::Date;
use crate::core::demo;
use crate::core::estimate::{AccountKey, Overrides};
use crate::core::grid::Merges;
use crate::core::import::{import, Context};
use crate::core::lang::Lang;
use crate::core::overrides::from_name_keys;
use crate::core::plan::Plans;
use crate::core::rules::Rule;
use crate::web::query::PageOptions;
use crate::web::shared::Shared;
use crate::web::storage::{Loaded, Restored, SavedOverrides, SavedPlans};
use crate::web::upload::{Book, Workbook};

/// Lists over this many bytes (some 2,000 rows) are large: they are analysed
/// in slices (see [`analysis`](crate::web::analysis)) and not shown in the
/// input box, whose layout alone would take seconds for 100,000 rows.
pub const LARGE_INPUT: usize = 200_000;

/// Whose list is on screen, which says what is saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Work {
    /// The user's own list: saved on every change.
    Own,
    /// The Changxing demo (or the demo edited): saved nowhere, so that
    /// opening it, in this tab or another, never writes over the user's
    /// saved list. A list pasted or uploaded over it is the user's own.
    Demo,
    /// An embedded calculator (`?embed=1`, or `mount`): it starts from what
    /// its parent gives it and neither reads nor writes the saved list,
    /// which belongs to the top-level page.
    Embedded,
}

/// Everything the user has set.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// Whose list is on screen.
    pub work: Work,
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
    /// The plans compared, one of them current: each with its rules, its
    /// assumptions (always valid) and its decisions set by hand. They share
    /// one as-of date.
    pub plans: Plans,
    /// The last assumption edit that was refused, with why.
    pub assumption_error: Option<AssumptionError>,
    /// The row the diagnostics panel asked the table to show.
    pub focus_row: Option<usize>,
    /// A message for the user that is not about one row (storage problems).
    pub notice: Option<Notice>,
    /// How many times the user chose this tab's list over the saved one:
    /// the next save then writes over whatever another tab saved.
    pub kept: u32,
    /// The workbook being read, or read (with its sheets, for the select),
    /// or refused; `None` once another list replaces it.
    pub book: Option<Book>,
    /// True while what is on screen is the saved record as it was read:
    /// there is nothing to save, and saving it again would only tell
    /// another tab, wrongly, that the list changed.
    pub as_saved: bool,
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
    /// The demo is on screen; the saved list is untouched.
    ViewingDemo,
    /// Another tab saved the list since this one read it: nothing more is
    /// saved here until the user chooses which version to keep.
    ChangedElsewhere,
}

impl Notice {
    /// A stable name for tests and styles (`data-notice`).
    pub fn key(self) -> &'static str {
        match self {
            Notice::StorageReset => "storage-reset",
            Notice::StorageFull => "storage-full",
            Notice::CopyFailed => "copy-failed",
            Notice::Copied => "copied",
            Notice::FileUnreadable => "file-unreadable",
            Notice::ViewingDemo => "viewing-demo",
            Notice::ChangedElsewhere => "changed-elsewhere",
        }
    }
}

/// Every change the user can make.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Switch the interface language.
    SetLang(Lang),
    /// The input box was edited.
    SetInput(String),
    /// A new list replaces the input: a file, or text pasted over all of
    /// it.
    NewList(String),
    /// A table was pasted: its text, and which of its cells are merged.
    PasteTable(String, Merges),
    /// Show the saved list again (after the demo, or from another tab).
    Restore(Loaded),
    /// Keep what is on screen as the user's list, over the saved one (the
    /// demo as edited, or this tab's version against another tab's).
    KeepThis,
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
    /// Make another plan current.
    ChoosePlan(usize),
    /// Add a plan: a copy of the current one.
    AddPlan,
    /// Remove a plan.
    RemovePlan(usize),
    /// Rename a plan.
    RenamePlan(usize, String),
    /// Turn a rule of the current plan on or off.
    ToggleRule(Rule),
    /// Give a rule of the current plan precedence over the one before it.
    RaiseRule(Rule),
    /// Name the county's main account of the current plan (empty: let the
    /// rule find it).
    SetMainAccount(String),
    /// Replace the plans with those of a plan file.
    OpenPlans(Plans),
    /// Decide one account by hand, in the current plan.
    Override(AccountKey, Decision),
    /// Drop the hand-made decision of one account.
    ResetOverride(AccountKey),
    /// Show a row in the table.
    FocusRow(usize),
    /// A workbook is being read, was read (its chosen sheet becomes the
    /// list, with its merges), or was refused (the list stays as it was).
    /// The answer for a file counts only while that file is being read: a
    /// list pasted in the meantime is not replaced.
    ReadBook(Book),
    /// Show another sheet of the workbook read.
    ChooseSheet(usize),
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
            work: Work::Own,
            lang,
            input: Shared::from(""),
            merges: None,
            plans: Plans::presets(Assumptions::default(), lang),
            assumption_error: None,
            focus_row: None,
            notice: None,
            kept: 0,
            book: None,
            as_saved: false,
        }
    }

    /// The state a visit starts with: what was saved (`loaded`, `None` for
    /// an embedded calculator, which reads nothing), then the URL's options
    /// on top (`?lang=` wins over the saved language, `?demo=` shows the
    /// demo, leaving the saved list as it is).
    pub fn restored(loaded: Option<Loaded>, options: &PageOptions) -> State {
        let mut state = State::default();
        match loaded {
            None => state.work = Work::Embedded,
            Some(loaded) => state.restore(loaded),
        }
        if let Some(lang) = options.lang {
            state.plans.translate_names(state.lang, lang);
            state.lang = lang;
        }
        if let Some(assumptions) = options.assumptions {
            for plan in state.plans.iter_mut() {
                plan.assumptions = assumptions;
            }
        }
        if options.demo {
            state.load_demo();
        }
        state
    }

    /// Puts the saved list on screen, as the user's own.
    fn restore(&mut self, loaded: Loaded) {
        let (lang, kept) = (self.lang, self.kept);
        *self = State::new(lang);
        self.kept = kept;
        match loaded {
            Loaded::Nothing => {}
            Loaded::Reset => self.notice = Some(Notice::StorageReset),
            Loaded::Saved(restored) => {
                let Restored {
                    lang,
                    input,
                    merges,
                    plans,
                } = *restored;
                // A record of an earlier version is saved again in the
                // current one.
                self.as_saved = matches!(plans, SavedPlans::Plans(_));
                self.plans = match plans {
                    SavedPlans::Plans(plans) => plans,
                    // A record from before plans: the presets, each under
                    // its assumptions and with its overrides.
                    SavedPlans::One(one) => {
                        let (assumptions, overrides) = *one;
                        let overrides = match overrides {
                            SavedOverrides::ByAccount(overrides) => overrides,
                            // Read once, when a record of the first version
                            // is restored: the accounts say which of them
                            // each name meant.
                            SavedOverrides::ByName(by_name) if by_name.is_empty() => {
                                Overrides::new()
                            }
                            SavedOverrides::ByName(by_name) => {
                                let context = Context {
                                    as_of: assumptions.as_of,
                                    merges: merges.clone(),
                                };
                                from_name_keys(&import(&input, &context).accounts, &by_name)
                            }
                        };
                        let mut plans = Plans::presets(assumptions, lang);
                        for plan in plans.iter_mut() {
                            plan.overrides = overrides.clone();
                        }
                        plans
                    }
                };
                self.lang = lang;
                self.input = Shared::from(input);
                self.merges = merges.map(Shared::new);
            }
        }
    }

    /// Shows the demo. The user's own list stays saved (the demo is saved
    /// nowhere), and the notice offers it back.
    fn load_demo(&mut self) {
        self.input = Shared::from(demo::DEMO_CSV);
        self.merges = None;
        for plan in self.plans.iter_mut() {
            plan.assumptions.as_of = Some(demo::demo_as_of());
            plan.overrides.clear();
        }
        self.focus_row = None;
        if self.work == Work::Own {
            self.work = Work::Demo;
            self.notice = Some(Notice::ViewingDemo);
        }
    }

    /// Puts a workbook's sheet on screen as the list, with its merges; false
    /// for a sheet that could not be read (it has too many rows).
    fn show_sheet(&mut self, book: &Workbook, at: usize) -> bool {
        match book.sheets.get(at).map(|sheet| &sheet.table) {
            Some(Ok((text, merges))) => {
                self.new_list(text.clone(), Some(merges.clone()));
                true
            }
            _ => false,
        }
    }

    /// A new list is the user's own, even over the demo.
    fn new_list(&mut self, text: String, merges: Option<Merges>) {
        self.input = Shared::from(text);
        self.merges = merges.map(Shared::new);
        if self.work == Work::Demo {
            self.work = Work::Own;
            if self.notice == Some(Notice::ViewingDemo) {
                self.notice = None;
            }
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        if !matches!(action, Action::Restore(_)) {
            next.as_saved = false;
        }
        match action {
            Action::SetLang(lang) => {
                next.plans.translate_names(next.lang, lang);
                next.lang = lang;
            }
            // Typed into an empty box, the text is a new list too (the
            // demo cleared and a list typed in is the user's own).
            Action::SetInput(text) if next.input.is_empty() => next.new_list(text, None),
            Action::SetInput(text) => {
                next.input = Shared::from(text);
                next.merges = None;
            }
            Action::NewList(text) => {
                next.book = None;
                next.new_list(text, None);
            }
            // The merges are kept even when nothing is merged: the text is
            // a table's, read with tabs and with nothing guessed.
            Action::PasteTable(text, merges) => {
                next.book = None;
                next.new_list(text, Some(merges));
            }
            Action::ReadBook(book) => {
                let reading =
                    |file: &str| matches!(&next.book, Some(Book::Reading(f)) if f == file);
                let answer = match &book {
                    Book::Reading(_) => true,
                    Book::Read { book: read, .. } => reading(&read.file),
                    Book::Failed(file, _) => reading(file),
                };
                if answer {
                    if let Book::Read { book: read, sheet } = &book {
                        next.show_sheet(read, *sheet);
                    }
                    next.book = Some(book);
                }
            }
            Action::ChooseSheet(at) => {
                if let Some(Book::Read { book, .. }) = next.book.clone() {
                    if next.show_sheet(&book, at) {
                        next.book = Some(Book::Read { book, sheet: at });
                    }
                }
            }
            Action::LoadDemo => {
                next.book = None;
                next.load_demo();
            }
            Action::Restore(loaded) => next.restore(loaded),
            Action::KeepThis => {
                if next.work == Work::Demo {
                    next.work = Work::Own;
                }
                next.notice = None;
                next.kept += 1;
            }
            Action::Clear => {
                next.book = None;
                next.input = Shared::from("");
                next.merges = None;
                for plan in next.plans.iter_mut() {
                    plan.overrides.clear();
                }
                next.focus_row = None;
            }
            Action::SetAssumption {
                assumption,
                low,
                high,
            } => match next
                .plans
                .current()
                .assumptions
                .with_text(assumption, &low, &high)
            {
                Ok(assumptions) => {
                    next.plans.current_mut().assumptions = assumptions;
                    next.assumption_error = None;
                }
                Err(error) => next.assumption_error = Some(error),
            },
            Action::ResetAssumption(assumption) => {
                let plan = next.plans.current_mut();
                plan.assumptions = plan.assumptions.reset(assumption);
                if next
                    .assumption_error
                    .as_ref()
                    .is_some_and(|e| e.assumption() == assumption)
                {
                    next.assumption_error = None;
                }
            }
            // The plans share one as-of date: the list's dates are read
            // against it.
            Action::SetAsOf(date) => {
                for plan in next.plans.iter_mut() {
                    plan.assumptions.as_of = date;
                }
            }
            Action::ChoosePlan(at) => {
                next.plans.choose(at);
                next.assumption_error = None;
            }
            Action::AddPlan => {
                next.plans.add(next.lang);
            }
            Action::RemovePlan(at) => {
                next.plans.remove(at);
            }
            Action::RenamePlan(at, name) => next.plans.rename(at, &name),
            Action::ToggleRule(rule) => {
                let plan = next.plans.current_mut();
                plan.rules = plan.rules.toggled(rule);
            }
            Action::RaiseRule(rule) => {
                let plan = next.plans.current_mut();
                plan.rules = plan.rules.raised(rule);
            }
            Action::SetMainAccount(name) => next.plans.current_mut().main_account = name,
            Action::OpenPlans(plans) => {
                next.plans = plans;
                next.assumption_error = None;
            }
            Action::Override(key, decision) => {
                next.plans.current_mut().overrides.insert(key, decision);
            }
            Action::ResetOverride(key) => {
                next.plans.current_mut().overrides.remove(&key);
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
