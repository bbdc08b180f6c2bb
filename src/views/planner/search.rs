//! The pickers' incremental search: what a clinic's staff type to find a
//! facility or a hospital. Names are folded as [`fold_name`] does (NFKC,
//! variant kanji, spaces, case), and katakana as hiragana, so ミキ finds
//! みきファミリークリニック. Where no name contains the text, the letters in
//! order do: 北大 finds 北海道大学病院, 札医大 札幌医科大学附属病院.

use tsunagu_core::names::fold_name;

use crate::lookup::nfkc;

/// How a record matched, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Rank {
    /// A name contains the text.
    Contains,
    /// A name has the text's letters in order (an abbreviation).
    InOrder,
}

/// The form of a name, or of what was typed, that search compares.
pub(super) fn fold(text: &str) -> String {
    // An ASCII name (an id, an English name) is its own NFKC: folded here,
    // without a call into the browser for each of a national file's ids.
    if text.is_ascii() {
        return text
            .chars()
            .filter(|c| !c.is_ascii_whitespace() && *c != '-')
            .map(|c| c.to_ascii_lowercase())
            .collect();
    }
    fold_name(text, &nfkc)
        .chars()
        .filter(|c| *c != '-')
        .map(|c| match c {
            // Katakana ァ..ヶ to hiragana ぁ..ゖ: the same sounds.
            'ァ'..='ヶ' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// How the best of `names` matches `needle` (already [`fold`]ed), or
/// `None`. An empty needle matches everything.
pub(super) fn rank<'a>(names: impl IntoIterator<Item = &'a str>, needle: &str) -> Option<Rank> {
    if needle.is_empty() {
        return Some(Rank::Contains);
    }
    let folded: Vec<String> = names.into_iter().map(fold).collect();
    if folded.iter().any(|n| n.contains(needle)) {
        return Some(Rank::Contains);
    }
    // One letter in order is the same as one letter contained.
    (needle.chars().count() > 1 && folded.iter().any(|n| in_order(n, needle)))
        .then_some(Rank::InOrder)
}

/// Whether `needle`'s letters appear in `name` in order.
fn in_order(name: &str, needle: &str) -> bool {
    let mut rest = name.chars();
    needle.chars().all(|c| rest.any(|n| n == c))
}

/// The records that match, best first and otherwise in the data's order.
pub(super) fn ranked<'a, T, F, I>(
    records: impl IntoIterator<Item = &'a T>,
    needle: &str,
    names: F,
) -> Vec<&'a T>
where
    T: 'a,
    F: Fn(&'a T) -> I,
    I: IntoIterator<Item = &'a str>,
{
    let hits: Vec<(Rank, &T)> = records
        .into_iter()
        .filter_map(|r| rank(names(r), needle).map(|k| (k, r)))
        .collect();
    // Names that contain the text first; each part keeps the data's order.
    let (mut out, abbreviations): (Vec<_>, Vec<_>) =
        hits.into_iter().partition(|(k, _)| *k == Rank::Contains);
    out.extend(abbreviations);
    out.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hospitals(query: &str) -> Vec<String> {
        let data = crate::dataset_handle::bundled_dataset().expect("the bundled report loads");
        ranked(&data.hospitals, &fold(query), |h| {
            std::iter::once(h.name.as_str())
                .chain(h.aliases.iter().map(String::as_str))
                .chain([h.name_en.as_str(), h.id.as_str()])
        })
        .into_iter()
        .map(|h| h.name.clone())
        .collect()
    }

    fn facilities(query: &str) -> Vec<String> {
        let data = crate::dataset_handle::bundled_dataset().expect("the bundled report loads");
        ranked(&data.facilities, &fold(query), |f| {
            [f.name.as_str(), f.id.as_str()]
        })
        .into_iter()
        .map(|f| f.name.clone())
        .collect()
    }

    #[test]
    fn katakana_and_hiragana_find_each_other() {
        assert_eq!(fold("ミキ"), fold("みき"));
        assert!(facilities("ミキ").contains(&"みきファミリークリニック".to_owned()));
        assert!(facilities("くりにっく").contains(&"みきファミリークリニック".to_owned()));
    }

    #[test]
    fn latin_letters_find_a_facility_by_its_romanised_id() {
        for query in ["miki", "Miki Family", "CLINIC"] {
            assert!(
                facilities(query).contains(&"みきファミリークリニック".to_owned()),
                "{query}"
            );
        }
    }

    #[test]
    fn abbreviations_find_the_hospital_after_the_names_that_contain_them() {
        assert_eq!(
            hospitals("北大").first().map(String::as_str),
            Some("北海道大学病院")
        );
        assert!(hospitals("札医大").contains(&"札幌医科大学附属病院".to_owned()));
        assert!(hospitals("ぜんぜんちがう").is_empty());
        // Names that contain the text come before abbreviations, whatever
        // the data's order.
        let records = ["a_b_c", "zab", "zabc", "abz"];
        let found: Vec<&str> = ranked(&records, "abc", |r| [*r])
            .into_iter()
            .copied()
            .collect();
        assert_eq!(found, ["zabc", "a_b_c"]);
    }

    #[test]
    fn one_letter_is_matched_only_where_a_name_contains_it() {
        assert_eq!(rank(["abc"], "ca"), None);
        assert_eq!(rank(["abc"], "ac"), Some(Rank::InOrder));
        assert_eq!(rank(["abc"], "bc"), Some(Rank::Contains));
        assert_eq!(rank(["abc"], ""), Some(Rank::Contains));
    }
}
