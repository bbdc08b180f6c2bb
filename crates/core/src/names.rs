//! Finding records by the names people type: 手稲渓仁会病院 for the report's
//! 手稲溪仁会病院, ＫＫＲ for KKR, with or without spaces.
//!
//! Names are compared after Unicode NFKC (supplied by the caller: the CLI
//! uses the `unicode-normalization` crate, the app the browser's own
//! `String.prototype.normalize`, so the wasm carries no tables), then after
//! folding the variant kanji the report and its readers mix, and dropping
//! spaces and middle dots.

use crate::model::Dataset;

/// Variant kanji folded to one form: the report prints 溪 and 稻 where most
/// people type 渓 and 稲.
const VARIANTS: &[(char, char)] = &[
    ('溪', '渓'),
    ('稻', '稲'),
    ('髙', '高'),
    ('﨑', '崎'),
    ('邊', '辺'),
    ('邉', '辺'),
];

/// The form in which names are compared.
pub fn fold_name(name: &str, nfkc: &dyn Fn(&str) -> String) -> String {
    nfkc(name)
        .chars()
        .map(|c| {
            VARIANTS
                .iter()
                .find(|(from, _)| *from == c)
                .map_or(c, |&(_, to)| to)
        })
        .filter(|c| !c.is_whitespace() && *c != '・')
        .flat_map(char::to_lowercase)
        .collect()
}

/// What a name lookup found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// The record's id.
    Found(String),
    /// Nothing matched: the closest names, best first.
    NotFound {
        /// Up to three names to suggest.
        suggestions: Vec<String>,
    },
}

/// The kinds of record a name can be looked up in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Hospitals, by name, aliases, English name or id.
    Hospital,
    /// Unions, by name, aliases or id.
    Union,
    /// Facilities, by name or id.
    Facility,
}

/// Every (id, names) pair of one kind of record.
fn candidates(data: &Dataset, kind: Kind) -> Vec<(String, Vec<String>)> {
    match kind {
        Kind::Hospital => data
            .hospitals
            .iter()
            .map(|h| {
                let mut names = vec![h.name.clone(), h.name_en.clone(), h.id.0.clone()];
                names.extend(h.aliases.iter().cloned());
                (h.id.0.clone(), names)
            })
            .collect(),
        Kind::Union => data
            .unions
            .iter()
            .map(|u| {
                let mut names = vec![u.name.clone(), u.id.0.clone()];
                names.extend(u.name_en.iter().filter(|n| !n.trim().is_empty()).cloned());
                names.extend(u.aliases.iter().cloned());
                (u.id.0.clone(), names)
            })
            .collect(),
        Kind::Facility => data
            .facilities
            .iter()
            .map(|f| (f.id.0.clone(), vec![f.name.clone(), f.id.0.clone()]))
            .collect(),
    }
}

/// Finds the record of `kind` whose name, alias or id equals `query` after
/// folding; otherwise suggests the closest names.
///
/// ```
/// use tsunagu_core::names::{lookup, Kind, Lookup};
/// let data = tsunagu_core::validate::load_dataset(tsunagu_core::bundled::SAPPORO_JSON).unwrap().dataset;
/// let same = |s: &str| s.to_owned();
/// assert_eq!(lookup(&data, Kind::Hospital, "手稲渓仁会病院", &same), Lookup::Found("teine".into()));
/// assert!(matches!(lookup(&data, Kind::Hospital, "手稲病院", &same), Lookup::NotFound { .. }));
/// ```
pub fn lookup(data: &Dataset, kind: Kind, query: &str, nfkc: &dyn Fn(&str) -> String) -> Lookup {
    let wanted = fold_name(query, nfkc);
    let all = candidates(data, kind);
    if let Some((id, _)) = all
        .iter()
        .find(|(_, names)| names.iter().any(|n| fold_name(n, nfkc) == wanted))
    {
        return Lookup::Found(id.clone());
    }
    let mut scored: Vec<(f64, String)> = all
        .iter()
        .map(|(_, names)| {
            let score = names
                .iter()
                .map(|n| {
                    let folded = fold_name(n, nfkc);
                    let contains = !wanted.is_empty()
                        && (folded.contains(&wanted) || wanted.contains(&folded));
                    strsim::normalized_levenshtein(&folded, &wanted)
                        + if contains { 1.0 } else { 0.0 }
                })
                .fold(0.0, f64::max);
            (score, names[0].clone())
        })
        .collect();
    crate::order::sort_by(&mut scored, |a, b| {
        b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1))
    });
    Lookup::NotFound {
        suggestions: scored.into_iter().take(3).map(|(_, name)| name).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_unifies_variants_spaces_and_case() {
        let same = |s: &str| s.to_owned();
        assert_eq!(
            fold_name("手稻溪仁会病院", &same),
            fold_name("手稲渓仁会病院", &same)
        );
        assert_eq!(
            fold_name("NTT東日本 札幌病院", &same),
            fold_name("ntt東日本札幌病院", &same)
        );
        assert_eq!(
            fold_name("北海道立 子ども総合医療・療育センター", &same),
            "北海道立子ども総合医療療育センター"
        );
    }

    #[test]
    fn a_union_is_found_by_its_english_name_too() {
        let mut data = crate::validate::load_dataset(crate::bundled::SAPPORO_JSON)
            .expect("the bundled report loads")
            .dataset;
        let same = |s: &str| s.to_owned();
        for query in [
            "ICT Network",
            "ict network",
            "ICTネットワーク",
            "hokudai-ict",
        ] {
            assert!(
                matches!(lookup(&data, Kind::Union, query, &same), Lookup::Found(id) if id == "hokudai-ict"),
                "{query}"
            );
        }
        // A blank rendering names nothing: it neither matches a blank query
        // nor crowds the suggestions for a typo.
        data.unions[0].name_en = Some("  ".to_owned());
        assert!(!matches!(
            lookup(&data, Kind::Union, " ", &same),
            Lookup::Found(_)
        ));
        let Lookup::NotFound { suggestions } = lookup(&data, Kind::Union, "ICTネットワ", &same)
        else {
            panic!("a typo is not a name");
        };
        assert!(
            suggestions.iter().all(|s| !s.trim().is_empty()),
            "{suggestions:?}"
        );
        assert_eq!(
            data.union_names(&data.unions[0].id.clone()).en,
            data.unions[0].name
        );
    }
}
