//! Synthetic networks at Hokkaido and nationwide scale, for benchmarks and
//! for checking that the app holds when the council's network grows.
//!
//! The shape follows the real one: unions centre on one to a few disclosing
//! hospitals in one 医療圏; facilities belong to one to three unions, mostly
//! near home; hospital links stay mostly inside a region, with a few long
//! ones. Generation is deterministic for a seed (`SplitMix64`, written out
//! here so that its stream never changes with a dependency's version).

use crate::model::{
    Council, Dataset, Date, Facility, FacilityId, FacilityKind, Hospital, HospitalId, Link, LinkId,
    LinkKind, Membership, Meta, Section, SectionId, Source, Text, Union, UnionId, SCHEMA_VERSION,
};

/// How big a network to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scale {
    /// 医療圏 (regions).
    pub regions: usize,
    /// Hospitals.
    pub hospitals: usize,
    /// Unions.
    pub unions: usize,
    /// Facilities.
    pub facilities: usize,
    /// Hospital links.
    pub links: usize,
}

impl Scale {
    /// About Hokkaido's size: 21 regions, 600 hospitals, 50 unions, 7,000 facilities, 600 links.
    pub const HOKKAIDO: Scale = Scale {
        regions: 21,
        hospitals: 600,
        unions: 50,
        facilities: 7_000,
        links: 1_500,
    };
    /// About Japan's: 335 regions, 8,000 hospitals, 1,000 unions, 180,000 facilities, 20,000 links.
    pub const JAPAN: Scale = Scale {
        regions: 335,
        hospitals: 8_000,
        unions: 1_000,
        facilities: 180_000,
        links: 20_000,
    };
}

/// `SplitMix64`: small, fast, and the same stream on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }

    /// `true` with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// A synthetic dataset of `scale` for `seed`, valid in tsunagu's format.
///
/// # Complexity
/// Linear in the records made.
#[allow(clippy::too_many_lines)] // one pass per kind of record, in order, sharing one random stream
pub fn synthesize(scale: Scale, seed: u64) -> Dataset {
    let mut rng = Rng(seed);
    let source = Source {
        section: SectionId("synthetic".into()),
        quote: None,
    };
    let region_of = |h: usize| h % scale.regions.max(1);

    let hospitals: Vec<Hospital> = (0..scale.hospitals)
        .map(|h| Hospital {
            id: HospitalId(format!("h{h}")),
            name: format!("合成病院{h}"),
            aliases: Vec::new(),
            name_en: format!("Synthetic hospital {h}"),
            discloses: false,
            ward: None,
            city: None,
            region: Some(format!("医療圏{}", region_of(h))),
            beds: Some(i64::try_from(50 + rng.below(900)).unwrap_or(0)),
            linked_institutions: Vec::new(),
            idlink_go_live: None,
            designations: Vec::new(),
            coords: None,
            notes: Vec::new(),
            sources: vec![source.clone()],
        })
        .collect();
    let mut hospitals = hospitals;

    // Each union lives in one region and is hosted by one to three of its hospitals.
    let per_region: Vec<Vec<usize>> = (0..scale.regions)
        .map(|r| {
            (0..scale.hospitals)
                .filter(|&h| region_of(h) == r)
                .collect()
        })
        .collect();
    let mut unions = Vec::with_capacity(scale.unions);
    let mut union_region = Vec::with_capacity(scale.unions);
    for u in 0..scale.unions {
        let region = u % scale.regions.max(1);
        let pool = &per_region[region];
        let mut hosts: Vec<HospitalId> = Vec::new();
        for _ in 0..=rng.below(3) {
            if pool.is_empty() {
                break;
            }
            let h = pool[rng.below(pool.len())];
            hospitals[h].discloses = true;
            if !hosts.contains(&hospitals[h].id) {
                hosts.push(hospitals[h].id.clone());
            }
        }
        if hosts.is_empty() {
            hosts.push(hospitals[0].id.clone());
            hospitals[0].discloses = true;
        }
        union_region.push(region);
        unions.push(Union::new(
            UnionId(format!("u{u}")),
            format!("合成ユニオン{u}"),
            hosts,
            source.clone(),
        ));
    }

    // Links: inside a region but for 0.5% between regions (few enough that the
    // regions do not merge into one giant component); 5% one-way.
    let mut links = Vec::with_capacity(scale.links);
    for l in 0..scale.links {
        let a = rng.below(scale.hospitals);
        let b = if rng.next() % 1000 < 5 {
            rng.below(scale.hospitals)
        } else {
            let pool = &per_region[region_of(a)];
            pool[rng.below(pool.len())]
        };
        if a == b {
            continue;
        }
        links.push(Link {
            id: LinkId(format!("l{l}")),
            kind: if rng.chance(50) {
                LinkKind::Agreement
            } else {
                LinkKind::IdlinkPartner
            },
            from: HospitalId(format!("h{a}")),
            to: HospitalId(format!("h{b}")),
            directed: rng.chance(5),
            region_group: None,
            source: source.clone(),
        });
    }

    // Facilities: one to three unions, 85% of them from the home region.
    let unions_in: Vec<Vec<usize>> = (0..scale.regions)
        .map(|r| {
            (0..scale.unions)
                .filter(|&u| union_region[u] == r)
                .collect()
        })
        .collect();
    let facilities = (0..scale.facilities)
        .map(|f| {
            let home = rng.below(scale.regions);
            let mut memberships: Vec<Membership> = Vec::new();
            for _ in 0..=rng.below(3) {
                let local = &unions_in[home];
                let u = if !local.is_empty() && rng.chance(85) {
                    local[rng.below(local.len())]
                } else {
                    rng.below(scale.unions)
                };
                let id = UnionId(format!("u{u}"));
                if !memberships.iter().any(|m| m.union == id) {
                    memberships.push(Membership::stated(id, source.clone()));
                }
            }
            Facility {
                confirmed: None,
                confirmed_by: None,
                id: FacilityId(format!("f{f}")),
                name: format!("合成施設{f}"),
                kind: FacilityKind::Clinic,
                ward: None,
                memberships,
                notes: Vec::new(),
                sources: vec![source.clone()],
            }
        })
        .collect();

    Dataset {
        schema_version: SCHEMA_VERSION,
        meta: Meta {
            id: format!("synthetic-{seed}"),
            title: Text {
                ja: format!("合成ネットワーク（seed {seed}）"),
                en: format!("Synthetic network (seed {seed})"),
            },
            source_title: "tsunagu synth".into(),
            source_author: "tsunagu".into(),
            source_date: Date("2026-11-24".into()),
        },
        sections: vec![Section {
            id: SectionId("synthetic".into()),
            heading: "synthetic".into(),
            title: Text {
                ja: "合成データ".into(),
                en: "Synthetic data".into(),
            },
            position: 1,
        }],
        wards: Vec::new(),
        hospitals,
        unions,
        links,
        union_links: Vec::new(),
        facilities,
        designations: Vec::new(),
        designation_listings: Vec::new(),
        printed_ratios: Vec::new(),
        printed_totals: Vec::new(),
        council: Council {
            name: "合成".into(),
            founded: Date("2026-11-24".into()),
            secretariat: HospitalId("h0".into()),
            members: Vec::new(),
            observers: Vec::new(),
            sources: vec![source],
        },
        milestones: Vec::new(),
        discrepancies: Vec::new(),
    }
}

/// How many unions random single-target queries must join, at their fewest:
/// `counts[k]` queries need `k` unions, `unreachable` reach no plan. Shows
/// that answers are not trivial (not all 0, not one giant component).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JoinDistribution {
    /// Queries by the fewest unions to join.
    pub counts: Vec<usize>,
    /// Queries with no plan.
    pub unreachable: usize,
}

/// Samples `queries` random (facility, disclosing hospital) pairs of `data`,
/// planned under `rules`.
pub fn join_distribution(
    data: &Dataset,
    queries: usize,
    seed: u64,
    rules: crate::access::Rules,
) -> JoinDistribution {
    use crate::graph::NetworkGraph;
    use crate::planner::{plan_joins, PlanLimits, PlanRequest, Start};

    let graph = NetworkGraph::build(data, &[], rules);
    let disclosing: Vec<&HospitalId> = data
        .hospitals
        .iter()
        .filter(|h| h.discloses)
        .map(|h| &h.id)
        .collect();
    let mut rng = Rng(seed ^ 0xD157);
    let mut out = JoinDistribution::default();
    if data.facilities.is_empty() || disclosing.is_empty() {
        return out;
    }
    for _ in 0..queries {
        let facility = &data.facilities[rng.below(data.facilities.len())];
        let target = disclosing[rng.below(disclosing.len())].clone();
        let request = PlanRequest {
            start: Start::Facility(facility.id.clone()),
            targets: vec![target],
            max_relays: None,
            exclude: Vec::new(),
        };
        match plan_joins(&graph, &request, PlanLimits::default())
            .ok()
            .and_then(|a| a.plans.first().map(|p| p.join.len()))
        {
            Some(k) => {
                if out.counts.len() <= k {
                    out.counts.resize(k + 1, 0);
                }
                out.counts[k] += 1;
            }
            None => out.unreachable += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: Scale = Scale {
        regions: 4,
        hospitals: 60,
        unions: 8,
        facilities: 200,
        links: 120,
    };

    #[test]
    fn the_same_seed_gives_the_same_network_and_another_seed_another() {
        assert_eq!(synthesize(SMALL, 7), synthesize(SMALL, 7));
        assert_ne!(synthesize(SMALL, 7), synthesize(SMALL, 8));
    }

    #[test]
    fn a_synthetic_network_is_valid_and_has_its_sizes() {
        let data = synthesize(Scale::HOKKAIDO, 1);
        let errors: Vec<_> = crate::validate::validate(&data)
            .into_iter()
            .filter(|p| p.severity == crate::validate::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{:?}", &errors[..errors.len().min(5)]);
        assert_eq!(
            (
                data.hospitals.len(),
                data.unions.len(),
                data.facilities.len()
            ),
            (600, 50, 7_000)
        );
        assert!(data.links.len() > 550, "{}", data.links.len());
        assert!(data
            .facilities
            .iter()
            .all(|f| (1..=3).contains(&f.memberships.len())));
    }

    #[test]
    fn hokkaido_queries_are_not_trivial() {
        let data = synthesize(Scale::HOKKAIDO, 1);
        let spread = join_distribution(&data, 200, 1, crate::access::Rules::AssumeAgreements);
        let needing_some: usize = spread.counts.iter().skip(1).sum();
        // Most queries need one to three unions: links do not join everything into one component.
        assert!(needing_some > 100, "{spread:?}");
        assert!(
            spread.counts.first().copied().unwrap_or(0) < 100,
            "{spread:?}"
        );
    }

    #[test]
    fn under_the_confirmed_rule_a_query_needs_at_most_the_targets_own_union() {
        // Every synthetic 開示病院 hosts a union and there are no union
        // connections, so a facility either is in one of the target's unions
        // (0) or joins one (1); links never shorten or lengthen that.
        let data = synthesize(Scale::HOKKAIDO, 1);
        let spread = join_distribution(&data, 200, 1, crate::access::Rules::Confirmed);
        assert_eq!(spread.unreachable, 0, "{spread:?}");
        assert!(spread.counts.len() <= 2, "{spread:?}");
        assert_eq!(spread.counts.iter().sum::<usize>(), 200);
        assert!(
            spread.counts.get(1).copied().unwrap_or(0) > 100,
            "{spread:?}"
        );
    }
}
