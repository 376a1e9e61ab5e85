//! The app's one state, changed only through [`Action`]s (the pattern of
//! Yew's `function_todomvc` example).

use std::rc::Rc;

use yew::Reducible;

use crate::core::lang::Lang;

/// Everything the user has set.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    /// The interface language.
    pub lang: Lang,
}

/// Every change the user can make.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Switch the interface language.
    SetLang(Lang),
}

impl State {
    /// The state a new visit starts with.
    pub fn new(lang: Lang) -> State {
        State { lang }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SetLang(lang) if lang == self.lang => self,
            Action::SetLang(lang) => Rc::new(State { lang }),
        }
    }
}
