//! The app's one store: its state and the actions that change it.
//!
//! State flows one way: the root `Shell` owns it through `use_reducer`,
//! children get values and callbacks, and `reduce` stays thin.

use std::rc::Rc;

use yew::Reducible;

use crate::i18n::Lang;

/// Everything the UI remembers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppState {
    /// The language the UI is shown in.
    pub lang: Lang,
}

impl AppState {
    /// The state a visit starts with.
    pub fn new(lang: Lang) -> Self {
        Self { lang }
    }
}

/// What can happen to the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Show the UI in this language.
    SetLang(Lang),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SetLang(lang) if lang == self.lang => self,
            Action::SetLang(lang) => {
                let mut next = (*self).clone();
                next.lang = lang;
                Rc::new(next)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_lang_changes_the_language_and_keeps_the_same_state_when_unchanged() {
        let start = Rc::new(AppState::new(Lang::Ja));
        let same = Rc::clone(&start).reduce(Action::SetLang(Lang::Ja));
        assert!(
            Rc::ptr_eq(&start, &same),
            "an unchanged language must not re-render"
        );
        let english = start.reduce(Action::SetLang(Lang::En));
        assert_eq!(english.lang, Lang::En);
    }
}
