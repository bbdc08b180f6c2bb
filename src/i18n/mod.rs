//! UI languages and the table of every visible string, one file per language.
//!
//! Components never hold literal UI text: they ask `lang.texts()` for the
//! [`Texts`] of the current language. Because `Texts` is a struct, a string
//! added for one language and forgotten in the other is a compile error.

mod en;
mod ja;

use serde::{Deserialize, Serialize};

/// A language the UI can be shown in. Japanese is the default: the users are
/// clinics in Sapporo.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// 日本語.
    #[default]
    #[serde(rename = "ja")]
    Ja,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Every language, in the order the switch shows them.
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];

    /// The BCP 47 tag, for `<html lang>` and for storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// Parses a BCP 47 tag written by [`Lang::code`]; anything else is `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The language's own name, shown on the switch in that language.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Ja => "日本語",
            Lang::En => "English",
        }
    }

    /// Every UI string in this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Ja => &ja::TEXTS,
            Lang::En => &en::TEXTS,
        }
    }
}

/// The words of one view: its name in the navigation, its heading and what it
/// shows (or, until it is built, what will come there).
#[derive(Debug, PartialEq, Eq)]
pub struct ViewTexts {
    /// Short label for the navigation.
    pub nav: &'static str,
    /// The view's heading.
    pub title: &'static str,
    /// One paragraph: what this view is for.
    pub lead: &'static str,
    /// What the view will offer, shown while it is being built.
    pub coming: &'static str,
}

/// Every string the UI shows, for one language.
#[derive(Debug, PartialEq, Eq)]
pub struct Texts {
    /// The document title and the header's title.
    pub app_title: &'static str,
    /// A line under the title.
    pub tagline: &'static str,
    /// The skip link's text.
    pub skip_to_main: &'static str,
    /// The accessible name of the view navigation.
    pub nav_label: &'static str,
    /// The accessible name of the language switch.
    pub lang_switch_label: &'static str,
    /// The heading above a view's "coming soon" text.
    pub coming_heading: &'static str,
    /// 経路プラン.
    pub planner: ViewTexts,
    /// ネットワーク.
    pub network: ViewTexts,
    /// 成長.
    pub growth: ViewTexts,
    /// 地域.
    pub wards: ViewTexts,
    /// データ.
    pub data: ViewTexts,
    /// The heading of the page shown for an unknown address.
    pub not_found_title: &'static str,
    /// The text of that page.
    pub not_found_lead: &'static str,
    /// The link back to the planner from that page.
    pub not_found_back: &'static str,
    /// The footer's note on where the data comes from.
    pub footer_source: &'static str,
    /// The footer's privacy promise.
    pub footer_privacy: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_unknown_codes_are_rejected() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn the_languages_differ_in_every_view_label() {
        let (ja, en) = (Lang::Ja.texts(), Lang::En.texts());
        for (a, b) in [
            (&ja.planner, &en.planner),
            (&ja.network, &en.network),
            (&ja.growth, &en.growth),
            (&ja.wards, &en.wards),
            (&ja.data, &en.data),
        ] {
            assert_ne!(a.nav, b.nav);
            assert_ne!(a.title, b.title);
        }
        assert_ne!(ja.app_title, en.app_title);
    }
}
