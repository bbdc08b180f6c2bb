// The browser half of the benchmarks, loaded by scripts/bench.mjs into a
// headless Chromium page: the wasm build of the core (one opt-level per
// page) and, in the same page, graphology on the same graph with the same
// queries. Every pass returns a checksum; a pass whose checksum differs
// from the first fails the run.

function quantile(sorted, q) {
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1];
}

// Runs `pass` `warm` times untimed, then `samples` times timed with
// performance.now(); each pass answers `perPass` queries. `check` turns an
// answer into its checksum outside the timing; `before` runs before each
// pass, untimed (freeing what the last pass kept).
function measure(warm, samples, perPass, pass, check = (x) => x, before = () => {}) {
  before();
  const first = check(pass());
  const same = (sum) => {
    if (!Object.is(sum, first)) throw new Error(`checksum changed between passes: ${first} then ${sum}`);
  };
  for (let i = 1; i < warm; i++) {
    before();
    same(check(pass()));
  }
  const times = [];
  for (let i = 0; i < samples; i++) {
    before();
    const t0 = performance.now();
    const answer = pass();
    const ms = performance.now() - t0;
    same(check(answer));
    times.push(ms / perPass);
  }
  times.sort((a, b) => a - b);
  return { median_ms: quantile(times, 0.5), p95_ms: quantile(times, 0.95), samples, per_pass: perPass, checksum: first };
}

// Relays on a graphology path: a step between two hospitals (nodes 0..H)
// or two unions (H..H+U) is a relay; hosting and membership are not.
function relaysOn(path, H, U) {
  let relays = 0;
  for (let k = 1; k < path.length; k++) {
    const a = +path[k - 1];
    const b = +path[k];
    if ((a < H && b < H) || (a >= H && a < H + U && b >= H && b < H + U)) relays++;
  }
  return relays;
}

window.runBench = async ({ level, graphology, quick }) => {
  const n = (full, small) => (quick ? small : full);
  const mod = await import(`/pkg-${level}/tsunagu_bench_wasm.js`);
  await mod.default();
  const t0 = performance.now();
  const bench = new mod.Bench(1);
  const out = { level, setup_ms: performance.now() - t0 };
  const q = bench.queries();
  out.plan = measure(3, n(15, 3), q, () => bench.plan_pass());
  out.facility_to_all = measure(3, n(30, 3), q, () => bench.facility_to_all_pass());
  out.facility_to_hospital = measure(3, n(30, 3), q, () => bench.facility_to_hospital_pass());
  out.reach = measure(2, n(15, 3), 1, () => bench.reach_pass(), () => bench.reach_checksum());
  out.recompute = measure(2, n(15, 3), 1, () => bench.recompute_pass());
  out.index = measure(1, n(5, 1), 1, () => bench.index_pass());
  out.json_bytes = bench.prepare_json();
  // A load keeps what it read: each pass's dataset is freed before the
  // next, untimed, and freeing is timed on its own.
  const release = () => bench.release();
  out.parse = measure(1, n(5, 1), 1, () => bench.parse_pass(), undefined, release);
  out.parse_read = measure(1, n(5, 1), 1, () => bench.read_pass(), undefined, release);
  out.parse_validate = measure(1, n(5, 1), 1, () => bench.validate_pass());
  out.parse_free = measure(1, n(5, 1), 1, () => {
    bench.release();
    return 0;
  }, undefined, () => bench.read_pass());
  release();

  if (graphology) {
    const { Graph, dijkstra } = window.graphologyBundle;
    const [H, U, F] = bench.export_counts();
    const edges = bench.export_edges();
    const facilities = bench.export_facilities();
    const pairs = bench.export_pairs();
    const t1 = performance.now();
    const graph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
    for (let i = 0; i < H + U + F; i++) graph.addNode(String(i));
    for (let e = 0; e < edges.length; e += 3) {
      graph.addDirectedEdge(String(edges[e]), String(edges[e + 1]), { weight: edges[e + 2] });
    }
    out.graphology_build_ms = performance.now() - t1;
    out.graphology_graph = { nodes: graph.order, edges: graph.size };
    // One facility to every hospital: dijkstra.singleSource gives a path to
    // every reached node; the answer is the relays to each hospital.
    out.graphology_facility_to_all = measure(1, n(5, 2), facilities.length, () => {
      let sum = 0;
      for (const f of facilities) {
        const paths = dijkstra.singleSource(graph, String(f), 'weight');
        for (const key in paths) {
          if (+key < H) sum += relaysOn(paths[key], H, U) + 1;
        }
      }
      return sum;
    });
    // Facility to hospital: dijkstra.bidirectional gives one shortest path.
    out.graphology_facility_to_hospital = measure(1, n(5, 2), pairs.length / 2, () => {
      let sum = 0;
      for (let i = 0; i < pairs.length; i += 2) {
        const path = dijkstra.bidirectional(graph, String(pairs[i]), String(pairs[i + 1]), 'weight');
        if (path) sum += relaysOn(path, H, U) + 1;
      }
      return sum;
    });
  }
  // The build stays loaded for the alternating passes (window.timedPass).
  window.benchKeep = bench;
  return out;
};

// One timed pass of `kind` on the kept build: { ms per query, checksum }.
window.timedPass = (kind) => {
  const bench = window.benchKeep;
  const run = {
    plan: () => bench.plan_pass(),
    all: () => bench.facility_to_all_pass(),
    pair: () => bench.facility_to_hospital_pass(),
    recompute: () => bench.recompute_pass(),
  }[kind];
  const t0 = performance.now();
  const checksum = run();
  const ms = performance.now() - t0;
  return { ms: ms / (kind === 'recompute' ? 1 : bench.queries()), checksum };
};
