//! The network's growth month by month: when each 開示病院 went live on
//! ID-Link (稼働), when each union was founded (発足), the unions' dated
//! history and the report's milestones, up to the council's founding.
//!
//! Only what the report dates is placed on the timeline. Records without a
//! date are listed as undated, never guessed.

use crate::model::{Dataset, HospitalId, Month, Source, Text, UnionId};

/// What happened in a month.
#[derive(Clone, Debug, PartialEq)]
pub enum Happening {
    /// A 開示病院 went live on ID-Link.
    GoLive(HospitalId),
    /// A union was founded.
    Founded(UnionId),
    /// A union's dated history entry.
    History(UnionId, Text),
    /// One of the report's milestones (dated to the day).
    Milestone(Text),
    /// さっぽろID-Link連絡会 was founded.
    Council,
}

/// One dated event.
#[derive(Clone, Debug, PartialEq)]
pub struct GrowthEvent {
    /// `YYYY-MM`.
    pub month: String,
    /// The day as printed, when the report gives it.
    pub day: Option<String>,
    /// What happened.
    pub happening: Happening,
    /// Where the report says so.
    pub source: Option<Source>,
}

/// The state of the network at the end of one month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frame {
    /// `YYYY-MM`.
    pub month: String,
    /// 開示病院 live on ID-Link so far.
    pub live_hospitals: usize,
    /// Unions founded so far.
    pub unions: usize,
    /// Facilities registered with unions, summed over the unions whose
    /// count the report dates by this month (`None` before the first).
    pub registered: Option<i64>,
    /// Indices into [`Timeline::events`] of this month's events.
    pub events: Vec<usize>,
}

/// Records the report gives no date for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Undated {
    /// Unions without a founding month.
    pub unions: Vec<UnionId>,
    /// 開示病院 without a go-live month.
    pub hospitals: Vec<HospitalId>,
    /// Links between hospitals (agreements and ID-Link partners): none is dated.
    pub links: usize,
    /// Facility memberships: none is dated.
    pub memberships: usize,
}

/// The whole timeline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    /// Every event, in date order.
    pub events: Vec<GrowthEvent>,
    /// One frame per month, from the first dated event to the council's
    /// founding (or the last event, if later).
    pub frames: Vec<Frame>,
    /// What the timeline leaves out.
    pub undated: Undated,
}

fn month_index(month: &str) -> Option<u32> {
    let (y, m) = Month(month.to_owned()).parts()?;
    Some(u32::from(y) * 12 + u32::from(m) - 1)
}

fn month_text(index: u32) -> String {
    format!("{:04}-{:02}", index / 12, index % 12 + 1)
}

/// Every dated event of `data`, unsorted, and what has no date.
fn dated_events(data: &Dataset) -> (Vec<GrowthEvent>, Undated) {
    let mut events: Vec<GrowthEvent> = Vec::new();
    let mut undated = Undated::default();
    for h in data.hospitals.iter().filter(|h| h.discloses) {
        match &h.idlink_go_live {
            Some(m) if m.parts().is_some() => events.push(GrowthEvent {
                month: m.0.clone(),
                day: None,
                happening: Happening::GoLive(h.id.clone()),
                source: h.sources.first().cloned(),
            }),
            _ => undated.hospitals.push(h.id.clone()),
        }
    }
    for u in &data.unions {
        match &u.founded {
            Some(m) if m.parts().is_some() => events.push(GrowthEvent {
                month: m.0.clone(),
                day: None,
                happening: Happening::Founded(u.id.clone()),
                source: u.sources.first().cloned(),
            }),
            _ => undated.unions.push(u.id.clone()),
        }
        for entry in u.history.iter().filter(|e| e.month.parts().is_some()) {
            events.push(GrowthEvent {
                month: entry.month.0.clone(),
                day: None,
                happening: Happening::History(u.id.clone(), entry.text.clone()),
                source: Some(entry.source.clone()),
            });
        }
    }
    for m in data.milestones.iter().filter(|m| m.date.parts().is_some()) {
        events.push(GrowthEvent {
            month: m.date.0.get(..7).unwrap_or_default().to_owned(),
            day: Some(m.date.0.clone()),
            happening: Happening::Milestone(m.text.clone()),
            source: Some(m.source.clone()),
        });
    }
    let council_month = data
        .council
        .founded
        .0
        .get(..7)
        .unwrap_or_default()
        .to_owned();
    if month_index(&council_month).is_some() {
        events.push(GrowthEvent {
            month: council_month.clone(),
            day: Some(data.council.founded.0.clone()),
            happening: Happening::Council,
            source: data.council.sources.first().cloned(),
        });
    }
    undated.links = data.links.len();
    undated.memberships = data.facilities.iter().map(|f| f.memberships.len()).sum();
    (events, undated)
}

/// The growth of `data`, month by month.
///
/// ```
/// # use tsunagu_core::{bundled::SAPPORO_JSON, validate::load_dataset, timeline::growth_timeline};
/// let data = load_dataset(SAPPORO_JSON).unwrap().dataset;
/// let timeline = growth_timeline(&data);
/// let last = timeline.frames.last().unwrap();
/// assert_eq!((last.month.as_str(), last.live_hospitals), ("2023-10", 7));
/// ```
///
/// # Complexity
/// O(E log E + M · 1) for E events over M months.
pub fn growth_timeline(data: &Dataset) -> Timeline {
    let (mut events, undated) = dated_events(data);
    // Stable: same-month events keep the order above (go-lives, foundings, ...).
    crate::order::sort_by(&mut events, |a, b| {
        a.month.cmp(&b.month).then_with(|| a.day.cmp(&b.day))
    });

    // The frames run from the first structural event (a go-live or a
    // founding) to the council; milestones alone do not start the timeline.
    let structural = |e: &&GrowthEvent| {
        matches!(
            e.happening,
            Happening::GoLive(_) | Happening::Founded(_) | Happening::Council
        )
    };
    let first = events
        .iter()
        .filter(structural)
        .filter_map(|e| month_index(&e.month))
        .min();
    let last = events
        .iter()
        .filter(structural)
        .filter_map(|e| month_index(&e.month))
        .max();
    let (Some(first), Some(last)) = (first, last) else {
        return Timeline {
            events,
            frames: Vec::new(),
            undated,
        };
    };
    let mut dated_registered: Vec<(String, &UnionId, i64)> = data
        .unions
        .iter()
        .flat_map(|u| {
            u.registered_facilities.iter().map(move |c| {
                (
                    c.as_of.0.get(..7).unwrap_or_default().to_owned(),
                    &u.id,
                    c.count,
                )
            })
        })
        .collect();
    crate::order::sort(&mut dated_registered);
    let (mut live, mut unions) = (0, 0);
    let mut frames = Vec::new();
    for index in first..=last {
        let month = month_text(index);
        let here: Vec<usize> = events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.month == month)
            .map(|(i, _)| i)
            .collect();
        for &i in &here {
            match events[i].happening {
                Happening::GoLive(_) => live += 1,
                Happening::Founded(_) => unions += 1,
                _ => {}
            }
        }
        // The latest dated count per union, summed.
        let mut latest: Vec<(&UnionId, i64)> = Vec::new();
        for (_, union, count) in dated_registered.iter().filter(|(m, _, _)| *m <= month) {
            match latest.iter_mut().find(|(u, _)| u == union) {
                Some(slot) => slot.1 = *count,
                None => latest.push((union, *count)),
            }
        }
        frames.push(Frame {
            month,
            live_hospitals: live,
            unions,
            registered: (!latest.is_empty()).then(|| latest.iter().map(|(_, c)| c).sum()),
            events: here,
        });
    }
    Timeline {
        events,
        frames,
        undated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled::SAPPORO_JSON;
    use crate::validate::load_dataset;

    fn frame<'a>(timeline: &'a Timeline, month: &str) -> &'a Frame {
        timeline
            .frames
            .iter()
            .find(|f| f.month == month)
            .unwrap_or_else(|| panic!("no frame {month}"))
    }

    #[test]
    fn the_bundled_timeline_follows_the_reports_dates() {
        let data = load_dataset(SAPPORO_JSON).expect("bundled").dataset;
        let timeline = growth_timeline(&data);
        // The report: TMNIT founded 2012-02, the council on 2023-10-31.
        assert_eq!(timeline.frames[0].month, "2012-02");
        assert_eq!(timeline.frames.last().expect("frames").month, "2023-10");
        // 2012-02 .. 2023-10 inclusive: 11 years and 9 months, every month present.
        assert_eq!(timeline.frames.len(), 11 * 12 + 9);
        // Counts typed from the report's go-live and founding months.
        let at = |m| {
            let f = frame(&timeline, m);
            (f.live_hospitals, f.unions)
        };
        assert_eq!(at("2012-02"), (0, 1)); // TMNIT
        assert_eq!(at("2012-03"), (2, 1)); // 手稲溪仁会, KKR
        assert_eq!(at("2013-07"), (4, 3)); // がんセンター 2013-03, 天使 2013-07; 協議会, がん
        assert_eq!(at("2016-06"), (5, 5)); // 北大; ICT 2016-03, 市立 2015-12
        assert_eq!(at("2017-03"), (6, 6)); // NTT; NTT's union 2016-10
        assert_eq!(at("2023-10"), (7, 6)); // 市立札幌 2023-05; KKR's union undated
        assert_eq!(timeline.undated.unions, vec![UnionId::from("kkr-union")]);
        assert!(timeline.undated.hospitals.is_empty());
        assert_eq!(timeline.undated.links, 16);
        assert_eq!(timeline.undated.memberships, 11);
        // 天使病院's union: 32 registered facilities as of 2022-09-21.
        assert_eq!(frame(&timeline, "2022-08").registered, None);
        assert_eq!(frame(&timeline, "2022-09").registered, Some(32));
        // The council's founding is the last frame's event.
        let last = timeline.frames.last().expect("frames");
        assert!(last
            .events
            .iter()
            .any(|&i| timeline.events[i].happening == Happening::Council));
        // It cites the report's own sentence of the founding (its
        // introduction), not the officers' list, and no milestone of the day
        // tells the founding a second time.
        let council = timeline
            .events
            .iter()
            .find(|e| e.happening == Happening::Council)
            .expect("the council's founding");
        assert_eq!(
            council.source.as_ref().map(|s| s.section.as_str()),
            Some("intro")
        );
        let retold: Vec<&str> = timeline
            .events
            .iter()
            .filter_map(|e| match &e.happening {
                Happening::Milestone(text)
                    if e.day == council.day && text.en.contains("founded") =>
                {
                    Some(text.en.as_str())
                }
                _ => None,
            })
            .collect();
        assert!(retold.is_empty(), "{retold:?}");
    }

    #[test]
    fn undated_and_malformed_months_stay_off_the_timeline() {
        let mut data = load_dataset(SAPPORO_JSON).expect("bundled").dataset;
        for h in &mut data.hospitals {
            h.idlink_go_live = None;
        }
        data.unions
            .iter_mut()
            .for_each(|u| u.founded = Some(Month("2015-13".into())));
        let timeline = growth_timeline(&data);
        assert_eq!(timeline.undated.hospitals.len(), 7);
        assert_eq!(timeline.undated.unions.len(), 7);
        // Only the council is left as a structural event: one frame.
        assert_eq!(timeline.frames.len(), 1);
        assert_eq!(timeline.frames[0].live_hospitals, 0);
    }
}
