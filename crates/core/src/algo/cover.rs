//! Exact minimum set cover by branch and bound, listing every optimal cover.
//!
//! The planner asks: which fewest unions, joined, bring every target within
//! the allowed relays? That is set cover: each union covers the targets it
//! reaches. Set cover is NP-hard, but the instances here are small in the
//! number of *targets*, and branch and bound solves them exactly:
//!
//! - identical sets are merged into classes first (they are interchangeable
//!   and are expanded again into alternatives at the end);
//! - a greedy cover gives the first upper bound;
//! - each node branches on the uncovered element with the fewest covering
//!   classes; branch *i* takes class *i* and forbids classes *1…i-1*, so
//!   every cover is visited exactly once;
//! - a node is cut when `chosen + ⌈uncovered / largest remaining class⌉`
//!   exceeds the best size found.
//!
//! When the node budget runs out the answer is the best cover found, marked
//! inexact, with a proven lower bound.

use std::collections::HashMap;

/// A set-cover instance: `universe` elements, and the sets by their elements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverProblem {
    /// Elements are `0..universe`.
    pub universe: usize,
    /// Each set lists the elements it covers.
    pub sets: Vec<Vec<usize>>,
}

/// The answer to a [`CoverProblem`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverResult {
    /// The smallest cover's size found; `None` when the sets cannot cover
    /// the universe at all.
    pub size: Option<usize>,
    /// Covers of that size, as sorted indices into `sets`, in a stable order.
    pub covers: Vec<Vec<usize>>,
    /// `true` when more covers of that size exist than were listed.
    pub truncated: bool,
    /// `true` when `size` is proved minimal.
    pub exact: bool,
    /// A proved lower bound on the minimum size (equal to `size` when exact).
    pub lower_bound: usize,
    /// Search nodes visited.
    pub nodes: u64,
}

type Bits = Vec<u64>;

fn bits(universe: usize, elements: &[usize]) -> Bits {
    let mut out = vec![0_u64; universe.div_ceil(64)];
    for &e in elements.iter().filter(|&&e| e < universe) {
        out[e / 64] |= 1 << (e % 64);
    }
    out
}

fn count(a: &[u64]) -> usize {
    a.iter().map(|w| w.count_ones() as usize).sum()
}

fn and_count(a: &[u64], b: &[u64]) -> usize {
    a.iter()
        .zip(b)
        .map(|(x, y)| (x & y).count_ones() as usize)
        .sum()
}

fn has(a: &[u64], e: usize) -> bool {
    a[e / 64] & (1 << (e % 64)) != 0
}

struct Search<'a> {
    classes: &'a [Bits],
    progress: &'a mut dyn FnMut(u64),
    budget: u64,
    nodes: u64,
    max_covers: usize,
    best: usize,
    covers: Vec<Vec<usize>>,
    truncated: bool,
    aborted: bool,
}

impl Search<'_> {
    fn run(&mut self, uncovered: &mut Bits, chosen: &mut Vec<usize>, forbidden: &mut Vec<bool>) {
        self.nodes += 1;
        if self.nodes % 4096 == 0 {
            (self.progress)(self.nodes);
        }
        if self.nodes > self.budget {
            self.aborted = true;
            return;
        }
        let left = count(uncovered);
        if left == 0 {
            self.record(chosen);
            return;
        }
        let largest = (0..self.classes.len())
            .filter(|&c| !forbidden[c])
            .map(|c| and_count(&self.classes[c], uncovered))
            .max()
            .unwrap_or(0);
        if largest == 0 || chosen.len() + left.div_ceil(largest) > self.best {
            return;
        }
        // Branch on the uncovered element that the fewest allowed classes cover.
        let mut pick: Option<(usize, Vec<usize>)> = None;
        for e in (0..uncovered.len() * 64).filter(|&e| has(uncovered, e)) {
            let covering: Vec<usize> = (0..self.classes.len())
                .filter(|&c| !forbidden[c] && has(&self.classes[c], e))
                .collect();
            if pick
                .as_ref()
                .is_none_or(|(_, best)| covering.len() < best.len())
            {
                pick = Some((e, covering));
            }
        }
        let Some((_, mut covering)) = pick else {
            return;
        };
        // At every search node: the standard sort, without order's allocations.
        covering.sort_by_key(|&c| std::cmp::Reverse(and_count(&self.classes[c], uncovered)));
        let mut newly_forbidden = Vec::new();
        for c in covering {
            let saved = uncovered.clone();
            for (u, w) in uncovered.iter_mut().zip(&self.classes[c]) {
                *u &= !w;
            }
            chosen.push(c);
            self.run(uncovered, chosen, forbidden);
            chosen.pop();
            *uncovered = saved;
            if self.aborted {
                break;
            }
            forbidden[c] = true;
            newly_forbidden.push(c);
        }
        for c in newly_forbidden {
            forbidden[c] = false;
        }
    }

    fn record(&mut self, chosen: &[usize]) {
        if chosen.len() < self.best {
            self.best = chosen.len();
            self.covers.clear();
            self.truncated = false;
        }
        if chosen.len() == self.best {
            if self.covers.len() < self.max_covers {
                let mut cover = chosen.to_vec();
                crate::order::sort(&mut cover);
                self.covers.push(cover);
            } else {
                self.truncated = true;
            }
        }
    }
}

/// Greedy set cover over classes: its size bounds the optimum from above.
fn greedy(universe: &Bits, classes: &[Bits]) -> Option<Vec<usize>> {
    let mut uncovered = universe.clone();
    let mut chosen = Vec::new();
    while count(&uncovered) > 0 {
        let (c, gain) = (0..classes.len())
            .map(|c| (c, and_count(&classes[c], &uncovered)))
            .max_by_key(|&(_, g)| g)?;
        if gain == 0 {
            return None;
        }
        for (u, w) in uncovered.iter_mut().zip(&classes[c]) {
            *u &= !w;
        }
        chosen.push(c);
    }
    Some(chosen)
}

/// Finds the minimum covers of `problem`, listing up to `max_covers` of them
/// and visiting at most `node_budget` search nodes.
///
/// # Complexity
/// Exponential in the worst case (set cover is NP-hard); each node costs
/// O(classes × universe / 64).
///
/// ```
/// use tsunagu_core::algo::{min_covers, CoverProblem};
/// // Sets {0,1}, {1,2}, {2}, {0}: two sets are needed, in two ways.
/// let problem = CoverProblem { universe: 3, sets: vec![vec![0, 1], vec![1, 2], vec![2], vec![0]] };
/// let result = min_covers(&problem, 10, 1_000_000);
/// assert_eq!(result.size, Some(2));
/// assert_eq!(result.covers, vec![vec![0, 1], vec![0, 2], vec![1, 3]]);
/// assert!(result.exact);
/// ```
pub fn min_covers(problem: &CoverProblem, max_covers: usize, node_budget: u64) -> CoverResult {
    min_covers_with_progress(problem, max_covers, node_budget, &mut |_| {})
}

/// [`min_covers`], calling `progress` with the nodes visited every 4,096 nodes.
pub fn min_covers_with_progress(
    problem: &CoverProblem,
    max_covers: usize,
    node_budget: u64,
    progress: &mut dyn FnMut(u64),
) -> CoverResult {
    let universe = bits(problem.universe, &(0..problem.universe).collect::<Vec<_>>());
    if problem.universe == 0 {
        return CoverResult {
            size: Some(0),
            covers: vec![Vec::new()],
            truncated: false,
            exact: true,
            lower_bound: 0,
            nodes: 0,
        };
    }
    // Merge identical, non-empty sets into classes.
    let mut class_of: HashMap<Bits, usize> = HashMap::new();
    let mut classes: Vec<Bits> = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (i, set) in problem.sets.iter().enumerate() {
        let b = bits(problem.universe, set);
        if count(&b) == 0 {
            continue;
        }
        let class = *class_of.entry(b.clone()).or_insert_with(|| {
            classes.push(b);
            members.push(Vec::new());
            classes.len() - 1
        });
        members[class].push(i);
    }
    let infeasible = CoverResult {
        size: None,
        covers: Vec::new(),
        truncated: false,
        exact: true,
        lower_bound: 0,
        nodes: 0,
    };
    let Some(first) = greedy(&universe, &classes) else {
        return infeasible;
    };

    let largest = classes.iter().map(|c| count(c)).max().unwrap_or(1).max(1);
    let root_bound = problem.universe.div_ceil(largest);
    let mut search = Search {
        classes: &classes,
        progress,
        budget: node_budget,
        nodes: 0,
        max_covers,
        best: first.len(),
        covers: Vec::new(),
        truncated: false,
        aborted: false,
    };
    search.run(
        &mut universe.clone(),
        &mut Vec::new(),
        &mut vec![false; classes.len()],
    );

    let exact = !search.aborted;
    let best = search.best;
    let mut class_covers = search.covers;
    if class_covers.is_empty() {
        // Aborted before meeting a cover of the greedy size: keep the greedy one.
        let mut cover = first;
        crate::order::sort(&mut cover);
        class_covers.push(cover);
    }
    // Expand classes back into sets: each class may stand for several sets.
    let mut covers: Vec<Vec<usize>> = Vec::new();
    let mut truncated = search.truncated;
    for cover in &class_covers {
        let mut partial: Vec<Vec<usize>> = vec![Vec::new()];
        for &class in cover {
            partial = partial
                .iter()
                .flat_map(|p| {
                    members[class]
                        .iter()
                        .map(move |&m| [p.as_slice(), &[m]].concat())
                })
                .collect();
        }
        for mut set in partial {
            if covers.len() >= max_covers {
                truncated = true;
                break;
            }
            crate::order::sort(&mut set);
            covers.push(set);
        }
    }
    crate::order::sort(&mut covers);
    CoverResult {
        size: Some(best),
        covers,
        truncated,
        exact,
        lower_bound: if exact { best } else { root_bound.min(best) },
        nodes: search.nodes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn solve(universe: usize, sets: &[&[usize]]) -> CoverResult {
        min_covers(
            &CoverProblem {
                universe,
                sets: sets.iter().map(|s| s.to_vec()).collect(),
            },
            100,
            1_000_000,
        )
    }

    #[test]
    fn an_empty_universe_needs_no_set() {
        let result = solve(0, &[&[0]]);
        assert_eq!((result.size, result.covers), (Some(0), vec![vec![]]));
    }

    #[test]
    fn an_uncoverable_element_means_no_cover() {
        assert_eq!(solve(3, &[&[0, 1]]).size, None);
    }

    #[test]
    fn greedy_is_beaten_where_it_is_wrong() {
        // Greedy takes {0..3} first and then needs two more; the optimum is the two halves.
        let result = solve(6, &[&[0, 1, 2, 3], &[0, 2, 4], &[1, 3, 5]]);
        assert_eq!(result.size, Some(2));
        assert_eq!(result.covers, vec![vec![1, 2]]);
        assert!(result.exact);
    }

    #[test]
    fn interchangeable_sets_all_appear_as_alternatives() {
        let result = solve(2, &[&[0], &[0], &[1]]);
        assert_eq!(result.covers, vec![vec![0, 2], vec![1, 2]]);
    }

    #[test]
    fn the_listing_is_capped_and_says_so() {
        let sets: Vec<Vec<usize>> = (0..10).map(|_| vec![0]).collect();
        let result = min_covers(&CoverProblem { universe: 1, sets }, 3, 1_000);
        assert_eq!(result.covers.len(), 3);
        assert!(result.truncated);
    }

    #[test]
    fn a_spent_budget_returns_the_best_found_with_a_lower_bound() {
        let sets: Vec<Vec<usize>> = (0..40)
            .map(|i| vec![i % 20, (i * 7 + 3) % 20, (i * 11 + 5) % 20])
            .collect();
        let result = min_covers(&CoverProblem { universe: 20, sets }, 5, 3);
        assert!(!result.exact);
        let size = result.size.expect("greedy finds a cover");
        assert!(result.lower_bound <= size && result.lower_bound >= 20_usize.div_ceil(3));
    }
}
