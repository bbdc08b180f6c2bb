//! The planner's whole query as a URL query string, so that a shared link
//! reproduces the plan: `#/?f=miki-family-clinic&t=hokudai,teine&r=1&x=tmnit`.
//!
//! Keys: `f` a facility id, or `m` the current unions of an unlisted facility
//! (present but empty for none) with `w` its ward; `t` targets; `r` the relay
//! limit; `x` excluded unions. Values are dataset ids (ASCII letters, digits,
//! `-` and `_`); anything else in a link is dropped, never interpreted.
//! `p` names a saved what-if: the plans are then hypothetical.
//! `a=agreements` plans under the unconfirmed assumption that hospital
//! agreements reach member facilities; without it, the confirmed rule.

/// Where the clinic starts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum StartQuery {
    /// Not chosen yet.
    #[default]
    None,
    /// A facility in the data.
    Facility(String),
    /// An unlisted facility: its ward (if given) and current unions.
    Unlisted {
        /// The ward's id.
        ward: Option<String>,
        /// Union ids.
        unions: Vec<String>,
    },
}

/// Everything the planner view shows, as kept in the URL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanQuery {
    /// The start.
    pub start: StartQuery,
    /// Target hospital ids, in the order chosen.
    pub targets: Vec<String>,
    /// The relay limit, if any.
    pub max_relays: Option<u32>,
    /// Union ids never to join.
    pub exclude: Vec<String>,
    /// A saved what-if to plan under (hypothetical), by id.
    pub saved_what_if: Option<String>,
    /// The saved what-if's fingerprint (`ph=`,
    /// [`crate::saved_what_ifs::SavedWhatIf::fingerprint`]): ids are only
    /// unique on one device, so a link opened elsewhere applies a what-if of
    /// that id only if its contents match too.
    pub what_if_print: Option<String>,
    /// Plan under the assumption that agreements count (`a=agreements`).
    pub assume_agreements: bool,
}

impl PlanQuery {
    /// The access rules the query asks for.
    pub fn rules(&self) -> tsunagu_core::access::Rules {
        if self.assume_agreements {
            tsunagu_core::access::Rules::AssumeAgreements
        } else {
            tsunagu_core::access::Rules::Confirmed
        }
    }
}

fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 80
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Adds the ids of `value` (comma-separated) not already in `out`: a list
/// key written more than once (`t=a&t=b`, as a hand-made link may) adds to
/// the list instead of replacing it.
fn add_ids(out: &mut Vec<String>, value: &str) {
    for id in value.split(',').filter(|id| is_id(id)) {
        if !out.iter().any(|o| o == id) {
            out.push(id.to_owned());
        }
    }
}

impl PlanQuery {
    /// Reads a query string (with or without the leading `?`).
    pub fn parse(query: &str) -> Self {
        let mut out = Self::default();
        let mut unlisted: Option<(Option<String>, Vec<String>)> = None;
        let mut facility = None;
        let mut ward = None;
        for pair in query.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "f" if is_id(value) => facility = Some(value.to_owned()),
                "m" => add_ids(
                    &mut unlisted.get_or_insert_with(|| (None, Vec::new())).1,
                    value,
                ),
                "w" if is_id(value) => ward = Some(value.to_owned()),
                "t" => add_ids(&mut out.targets, value),
                "r" => out.max_relays = value.parse().ok().filter(|&r| r <= 99),
                "x" => add_ids(&mut out.exclude, value),
                "p" if is_id(value) => out.saved_what_if = Some(value.to_owned()),
                "ph" if is_id(value) => out.what_if_print = Some(value.to_owned()),
                "a" => out.assume_agreements = value == "agreements",
                _ => {}
            }
        }
        out.start = match (facility, unlisted) {
            (Some(f), _) => StartQuery::Facility(f),
            (None, Some((_, unions))) => StartQuery::Unlisted { ward, unions },
            (None, None) => StartQuery::None,
        };
        out
    }

    /// Writes the query string, without the leading `?`.
    pub fn to_query_string(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        match &self.start {
            StartQuery::None => {}
            StartQuery::Facility(f) => parts.push(format!("f={f}")),
            StartQuery::Unlisted { ward, unions } => {
                parts.push(format!("m={}", unions.join(",")));
                if let Some(ward) = ward {
                    parts.push(format!("w={ward}"));
                }
            }
        }
        if !self.targets.is_empty() {
            parts.push(format!("t={}", self.targets.join(",")));
        }
        if let Some(r) = self.max_relays {
            parts.push(format!("r={r}"));
        }
        if !self.exclude.is_empty() {
            parts.push(format!("x={}", self.exclude.join(",")));
        }
        if let Some(p) = &self.saved_what_if {
            parts.push(format!("p={p}"));
            if let Some(print) = &self.what_if_print {
                parts.push(format!("ph={print}"));
            }
        }
        if self.assume_agreements {
            parts.push("a=agreements".to_owned());
        }
        parts.join("&")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_round_trips() {
        let query = PlanQuery {
            start: StartQuery::Unlisted {
                ward: Some("teine".into()),
                unions: vec![],
            },
            targets: vec!["hokudai".into(), "teine".into()],
            max_relays: Some(0),
            exclude: vec!["tmnit".into()],
            saved_what_if: Some("p2".into()),
            what_if_print: Some("0f3a9c2d".into()),
            assume_agreements: true,
        };
        let text = query.to_query_string();
        assert_eq!(
            text,
            "m=&w=teine&t=hokudai,teine&r=0&x=tmnit&p=p2&ph=0f3a9c2d&a=agreements"
        );
        assert_eq!(PlanQuery::parse(&format!("?{text}")), query);
    }

    #[test]
    fn anything_but_ids_is_dropped() {
        let query = PlanQuery::parse("f=<script>&t=hokudai,%3Cimg%3E,hokudai,&r=-1&x=a b");
        assert_eq!(query.start, StartQuery::None);
        assert_eq!(query.targets, vec!["hokudai".to_owned()]);
        assert_eq!(query.max_relays, None);
        assert!(query.exclude.is_empty());
    }

    #[test]
    fn a_list_key_written_twice_adds_to_the_list() {
        // A hand-made link may repeat a key; no hospital may be dropped.
        let query =
            PlanQuery::parse("f=miki-family-clinic&t=hokudai&t=teine,hokudai&x=tmnit&x=ict");
        assert_eq!(query.targets, ["hokudai", "teine"]);
        assert_eq!(query.exclude, ["tmnit", "ict"]);
        let unlisted = PlanQuery::parse("m=tmnit&m=hokudai-ict&w=teine");
        assert_eq!(
            unlisted.start,
            StartQuery::Unlisted {
                ward: Some("teine".into()),
                unions: vec!["tmnit".into(), "hokudai-ict".into()],
            }
        );
    }

    #[test]
    fn a_listed_facility_wins_over_unlisted_keys() {
        let query = PlanQuery::parse("m=tmnit&f=miki-family-clinic");
        assert_eq!(
            query.start,
            StartQuery::Facility("miki-family-clinic".into())
        );
    }

    #[test]
    fn the_assumption_is_off_unless_the_link_says_agreements() {
        assert!(!PlanQuery::parse("f=miki-family-clinic&t=hokudai").assume_agreements);
        assert!(!PlanQuery::parse("t=hokudai&a=1").assume_agreements);
        assert!(!PlanQuery::parse("t=hokudai&a=").assume_agreements);
        let on = PlanQuery::parse("t=hokudai&a=agreements");
        assert!(on.assume_agreements);
        assert_eq!(on.rules(), tsunagu_core::access::Rules::AssumeAgreements);
        assert_eq!(
            PlanQuery::default().rules(),
            tsunagu_core::access::Rules::Confirmed
        );
    }
}
