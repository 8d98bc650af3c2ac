"""Driver for ./compare-peers: writes inputs, times peers in-process and Entente through entente-bench."""
import json, math, os, random, statistics, subprocess, sys, tempfile, time, platform

bench = sys.argv[1]
quick = "--quick" in sys.argv
# --only SECTION[,SECTION…] runs only some sections: vertex, lemke, zerosum, power, tu, nplayer (default: all
# but nplayer, which takes minutes and needs Gambit's enumpoly built by peers/Makefile and entente's release CLI).
only = set(sys.argv[sys.argv.index("--only") + 1].split(",")) if "--only" in sys.argv else None


def want(section):
    return only is None or section in only

tmp = tempfile.mkdtemp(prefix="entente-peers-")
RUNS = 3 if quick else 5


def nplayer_rows():
    """n-player games: every equilibrium by `entente nash --all` (support enumeration + homotopy continuation) and by
    Gambit 16.7's enumpoly (the C++ solver built from the pygambit sdist by peers/Makefile, driven by
    peers/gambit_enumpoly.cc with pygambit's defaults), on the same seeded random integer games written here as .nfg.
    Each tool runs once per game as a child process (start-up and reading the file included for both); time is the
    child's CPU time (user + system, from wait4), wall clock beside it. Gambit gets a time limit. Every equilibrium
    that one tool reports and the other does not is checked here, independently of both, by its regret. Prints a
    markdown table and the discrepancies."""
    import resource
    import numpy as np

    entente_cli = os.environ.get("ENTENTE_CLI") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".build", "release", "entente")
    gambit_cli = os.path.join(os.path.dirname(os.path.abspath(__file__)), "peers", "bin", "gambit-enumpoly")
    limit = float(os.environ.get("GAMBIT_LIMIT", "300"))

    def write(path, counts, seed):
        rnd = random.Random(seed)
        total = math.prod(counts)
        values = [rnd.randint(0, 99) for _ in range(total * len(counts))]
        with open(path, "w") as f:
            f.write('NFG 1 R "random %s seed %d" { %s }\n{ %s }\n' % (
                "x".join(map(str, counts)), seed, " ".join('"P%d"' % (i + 1) for i in range(len(counts))),
                " ".join(map(str, counts))))
            f.write(" ".join(map(str, values)) + "\n")
        # Payoff tensors u[i][s_1, …, s_n]; the file lists outcomes with player 1's strategy changing fastest.
        table = np.array(values, dtype=float).reshape(total, len(counts))
        return [table[:, i].reshape(tuple(reversed(counts))).transpose() for i in range(len(counts))]

    def regret(u, sigma):
        """max over players of (best pure payoff − payoff of σ), computed with NumPy from the payoff tensors."""
        worst, n = 0.0, len(u)
        for i in range(n):
            w = u[i]
            for j in range(n - 1, -1, -1):  # contract the others' mixtures, highest axis first
                if j != i:
                    w = np.tensordot(w, np.asarray(sigma[j], dtype=float), axes=([j], [0]))
            worst = max(worst, float(w.max() - w @ np.asarray(sigma[i], dtype=float)))
        return worst

    def run(cmd, timeout=None):
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill(); proc.communicate()
            return None, None, time.perf_counter() - t0, None
        wall = time.perf_counter() - t0
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return out, err, wall, (proc.returncode, usage)

    def child_cpu(before, after):
        return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)

    def same(a, b, tol=1e-5):
        return max(abs(x - y) for pa, pb in zip(a, b) for x, y in zip(pa, pb)) < tol

    def support(p):
        return [[k for k, x in enumerate(q) if x > 1e-9] for q in p]

    # Process start-up and reading a file, by the same measure: both tools on a 1×1×1 game (best of 3).
    trivial = os.path.join(tmp, "nplayer-1x1x1.nfg")
    write(trivial, (1, 1, 1), 0)
    startup = {}
    for tool, cmd in (("entente", [entente_cli, "nash", "--all", trivial, "--format", "json"]), ("gambit", [gambit_cli, trivial])):
        best = math.inf
        for _ in range(3):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            _, _, _, status = run(cmd)
            best = min(best, child_cpu(before, status[1]))
        startup[tool] = best

    table, notes = [], []
    sizes = [(2, 2, 2), (3, 3, 3), (2, 2, 2, 2)] if quick else [(2, 2, 2), (3, 3, 3), (4, 4, 4), (2, 2, 2, 2), (3, 3, 3, 3)]
    for counts in sizes:
        for seed in (1, 2):
            name = "x".join(map(str, counts))
            path = os.path.join(tmp, f"nplayer-{name}-{seed}.nfg")
            u = write(path, counts, 7000 + seed)
            span = max(float(x.max()) for x in u) - min(float(x.min()) for x in u)

            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            out, err, wall, status = run([entente_cli, "nash", "--all", path, "--format", "json"])
            if status is None or status[0] != 0:
                ours = {"error": (err or "").strip().splitlines()[-1:] or ["?"]}
            else:
                d = json.loads(out)
                ours = {"cpu": child_cpu(before, status[1]), "wall": wall, "complete": d["complete"],
                        "isolated": [e["profile"] for e in d["equilibria"]],
                        "certified": sum(1 for e in d["equilibria"] if e.get("certificate")),
                        "components": d.get("components", []), "paths": d["paths"]["total"]}

            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            out, err, wall, status = run([gambit_cli, path], timeout=limit)
            if status is None:
                theirs = {"timeout": wall}
            elif status[0] != 0:
                theirs = {"error": (err or "").strip().splitlines()[-1:] or [f"exit {status[0]}"]}
            else:
                g = json.loads(out)
                theirs = {"cpu": child_cpu(before, status[1]), "wall": wall, "solve_cpu": g["cpu_s"],
                          "equilibria": [e["probabilities"] for e in g["equilibria"]]}

            # Discrepancies, each judged by its regret (relative to the payoff range) computed here.
            if "isolated" in ours and "equilibria" in theirs:
                samples = [s["profile"] for c in ours["components"] for s in c["samples"]]
                for e in theirs["equilibria"]:
                    if any(same(e, f) for f in ours["isolated"]):
                        continue
                    r = regret(u, e) / span
                    on = [c for c in ours["components"]
                          if all(set(a) <= set(b) for a, b in zip(support(e), c["support"]))]
                    where = ("near a sample of an Entente component" if any(same(e, f, 1e-3) for f in samples)
                             else f"support within that of Entente component(s) {[ours['components'].index(c) + 1 for c in on]}" if on
                             else "not in Entente's answer")
                    notes.append(f"{name} seed {seed}: Gambit only {[[round(x, 6) for x in q] for q in e]}, "
                                 f"regret/range {r:.1e}, {where}")
                for f in ours["isolated"]:
                    if any(same(e, f) for e in theirs["equilibria"]):
                        continue
                    r = regret(u, f) / span
                    notes.append(f"{name} seed {seed}: Entente only {[[round(x, 6) for x in q] for q in f]}, "
                                 f"regret/range {r:.1e}")
            table.append((name, seed, ours, theirs))
            print(f"n-player {name} seed {seed}: entente {ours.get('cpu', ours.get('error'))} s CPU, "
                  f"{len(ours.get('isolated', []))} isolated, {len(ours.get('components', []))} components; "
                  f"gambit {theirs.get('cpu', theirs.get('error', theirs.get('timeout')))}, "
                  f"{len(theirs.get('equilibria', []))} equilibria", file=sys.stderr)

    cpu = "unknown"
    try:
        cpu = [l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")][0]
    except Exception:
        pass
    print(f"Machine: {cpu}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end; one run each; "
          f"payoffs uniform integers 0..99 (Python random.Random(7000 + seed)); Gambit limit {limit:.0f} s. "
          f"Process start-up and reading a 1×1×1 game cost {startup['entente'] * 1e3:.0f} ms CPU for entente and "
          f"{startup['gambit'] * 1e3:.0f} ms for gambit-enumpoly (included in the times below).\n")
    print("| game | seed | Entente CPU (wall) | Entente isolated (certified) | components | complete | paths "
          "| Gambit enumpoly CPU (wall) | Gambit equilibria | CPU ratio Entente / Gambit |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, seed, ours, theirs in table:
        if "cpu" in ours:
            mine = (f"{ours['cpu']:.3f} s ({ours['wall']:.3f} s) | {len(ours['isolated'])} ({ours['certified']}) | "
                    f"{len(ours['components'])} | {'yes' if ours['complete'] else 'no'} | {ours['paths']}")
        else:
            mine = f"failed ({ours['error'][0]}) | — | — | — | —"
        if "cpu" in theirs:
            gam = f"{theirs['cpu']:.3f} s ({theirs['wall']:.3f} s) | {len(theirs['equilibria'])}"
            ratio = f"{ours['cpu'] / theirs['cpu']:.3g}" if "cpu" in ours and theirs["cpu"] > 0 else "—"
        elif "timeout" in theirs:
            gam, ratio = f"timeout (> {limit:.0f} s wall) | —", "—"
        else:
            gam, ratio = f"failed ({theirs['error'][0]}) | —", "—"
        print(f"| {name} | {seed} | {mine} | {gam} | {ratio} |")
    if notes:
        print("\nEquilibria reported by one tool only (regret computed by this script with NumPy):\n")
        for n_ in notes:
            print(f"- {n_}")


if only is not None and "nplayer" in only:
    nplayer_rows()
    if only == {"nplayer"}:
        sys.exit(0)

import numpy as np
from scipy.optimize import linprog
import nashpy
import quantecon.game_theory as qgt
import pygambit as gbt
import powerindex
import coopgame


class PeerFailed(Exception):
    pass


def median_time(fn, runs=RUNS, budget=20.0):
    try:
        fn()  # warm-up
    except Exception as e:  # a peer that fails on an input is reported, not timed
        raise PeerFailed(f"{type(e).__name__}: {e}" if isinstance(e, RuntimeError) else f"{type(e).__name__}")
    times, spent = [], 0.0
    for _ in range(runs):
        t0 = time.perf_counter(); fn(); dt = time.perf_counter() - t0
        times.append(dt); spent += dt
        if spent > budget:
            break
    return statistics.median(times)


def entente(task, path):
    """Median seconds, or the first line of the error when entente-bench fails (reported, not timed)."""
    run = subprocess.run([bench, task, path, str(RUNS)], capture_output=True, text=True)
    if run.returncode != 0:
        lines = [l for l in run.stderr.splitlines() if "error" in l.lower()] or [f"exit {run.returncode}"]
        return lines[0].split("Error raised at top level: ")[-1].strip()
    return json.loads(run.stdout)["median_s"]


def write_nfg(path, a, b):
    m, n = a.shape
    text = (lambda v: str(int(v))) if np.issubdtype(a.dtype, np.integer) else (lambda v: repr(float(v)))
    with open(path, "w") as f:
        f.write('NFG 1 R "random" { "1" "2" } { %d %d }\n\n' % (m, n))
        vals = []
        for j in range(n):
            for i in range(m):
                vals += [text(a[i, j]), text(b[i, j])]
        f.write(" ".join(vals) + "\n")


def random_game(n, seed):
    rng = np.random.default_rng(seed)
    return rng.uniform(-1, 1, (n, n)), rng.uniform(-1, 1, (n, n))


def integer_bimatrix(n, seed):
    """The Lemke-Howson instances of the speed goals: integer payoffs 0..999 for both players."""
    rng = np.random.default_rng(seed)
    return rng.integers(0, 1000, (n, n)), rng.integers(0, 1000, (n, n))


def qe_lemke_howson(g):
    """QuantEcon's Lemke-Howson from label 0; a path that does not end within its 10⁶ pivots counts as a failure."""
    ne, res = qgt.lemke_howson(g, init_pivot=0, full_output=True)
    if not res.converged:
        raise RuntimeError(f"no convergence in {res.num_iter} pivots")
    return ne


def integer_zero_sum(n, seed):
    """The zero-sum instances of the speed goals: integer payoffs in [-1000, 1000] to the row player."""
    return np.random.default_rng(seed).integers(-1000, 1001, (n, n))


def highs_value(a):
    """Value of the zero-sum game a by SciPy's HiGHS: max v s.t. Aᵀx ≥ v·1, Σx = 1, x ≥ 0."""
    m, n = a.shape
    c = np.zeros(m + 1); c[-1] = -1
    a_ub = np.hstack([-a.T, np.ones((n, 1))])
    a_eq = np.hstack([np.ones((1, m)), np.zeros((1, 1))])
    r = linprog(c, A_ub=a_ub, b_ub=np.zeros(n), A_eq=a_eq, b_eq=[1], bounds=[(0, None)] * m + [(None, None)], method="highs")
    if r.status != 0:
        raise RuntimeError(r.message)
    return -r.fun


def random_integer_game(n, seed):
    """Integer payoffs 0..999 (the issue-14 instances): ties make some of these games degenerate."""
    rng = np.random.default_rng(seed)
    return rng.integers(0, 1000, (n, n)).astype(float), rng.integers(0, 1000, (n, n)).astype(float)


rows = []  # (task, size, entente_s, {peer: seconds})


def attempt(peers, name, fn, runs=RUNS):
    try:
        peers[name] = median_time(fn, runs=runs)
    except PeerFailed as e:
        peers[name] = str(e)


def record(task, size, ours, peers):
    rows.append((task, size, ours, peers))
    mine = f"entente {ours:.3e}s" if isinstance(ours, float) else f"entente failed ({ours})"
    print(f"{task:28s} {size:>6}  {mine}  " + "  ".join(f"{k} {v:.3e}s" if isinstance(v, float) else f"{k} failed ({v})" for k, v in peers.items()), file=sys.stderr)


# 1. All extreme equilibria (vertex enumeration), integer payoffs 0..999.
for n in (([4, 6, 8] if quick else [4, 6, 8, 10, 12, 13, 14]) if want("vertex") else []):
    a, b = random_integer_game(n, 1000 + n)
    path = os.path.join(tmp, f"vertex-{n}.nfg"); write_nfg(path, a, b)
    peers = {}
    g_qe = qgt.NormalFormGame((qgt.Player(a), qgt.Player(b.T)))
    attempt(peers, "QuantEcon", lambda: qgt.vertex_enumeration(g_qe))
    if n <= 10:  # Gambit's enummixed took 9.5 s at 12×12
        g_gb = gbt.read_nfg(path)
        attempt(peers, "Gambit enummixed", lambda: gbt.nash.enummixed_solve(g_gb, rational=False), runs=3)
    if n <= 6:
        g_np = nashpy.Game(a, b)
        attempt(peers, "nashpy", lambda: list(g_np.vertex_enumeration()), runs=3)
    record("all extreme equilibria", f"{n}x{n}", entente("vertex", path), peers)

# 2. Lemke-Howson, one equilibrium from label 0 (QuantEcon init_pivot=0 follows the same path), on the instances of
#    the speed goal: integer payoffs 0..999, seed 2000 + n (and more, below) for Entente and every peer.
#    At 500×500 the path from label 0 of seed 2500 does not end within 10⁶ pivots (QuantEcon's limit and Entente's
#    default), so the next two seeds are timed too.
lemke_instances = [(200, 2200)] if quick else [(200, 2200), (500, 2500), (500, 2501), (500, 2502)]
for n, seed in ([] if not want("lemke") else lemke_instances):
    a, b = integer_bimatrix(n, seed)
    path = os.path.join(tmp, f"lemke-{n}-{seed}.nfg"); write_nfg(path, a, b)
    peers = {}
    g_qe = qgt.NormalFormGame((qgt.Player(a.astype(float)), qgt.Player(b.T.astype(float))))
    attempt(peers, "QuantEcon", lambda: qe_lemke_howson(g_qe), runs=3)
    # nashpy (overflow warnings, no answer after 10 minutes) and Gambit's lcp_solve (minutes) are not timed at these sizes.
    record("Lemke-Howson", f"{n}x{n} seed {seed}", entente("lemke", path), peers)

# 3. Zero-sum value by LP on the instances of the speed goal: integer payoffs in [-1000, 1000], seed 3000 + n.
for n in ([] if not want("zerosum") else [200, 400] if quick else [200, 400, 800]):
    a = integer_zero_sum(n, 3000 + n)
    path = os.path.join(tmp, f"zerosum-{n}.nfg"); write_nfg(path, a, -a)
    peers = {}
    af = a.astype(float)
    attempt(peers, "SciPy HiGHS", lambda: highs_value(af), runs=3)
    if n <= 400:
        g_np = nashpy.Game(af)
        attempt(peers, "nashpy linear_program", lambda: g_np.linear_program(), runs=1)
    # Gambit's lp_solve is not timed at these sizes (minutes).
    record("zero-sum value (LP)", f"{n}x{n} seed {3000 + n}", entente("zerosum", path), peers)

# 4. Power indices of weighted majority games (weights 1..100, strict majority of the total).
for n in (([10, 50, 200] if quick else [10, 50, 200, 1000]) if want("power") else []):
    rnd = random.Random(n)
    w = [rnd.randint(1, 100) for _ in range(n)]
    total = sum(w)
    path = os.path.join(tmp, f"weighted-{n}.json")
    json.dump({"players": [f"p{i}" for i in range(n)], "weights": w}, open(path, "w"))
    q = total // 2 + 1  # powerindex: wins iff weight >= quota
    g_pi = powerindex.Game(q, weights=w)
    peers = {}
    attempt(peers, "powerindex", lambda: g_pi.calc_banzhaf(), runs=3)
    record("Banzhaf index", f"n={n}", entente("banzhaf", path), peers)
    if n <= 200:
        peers = {}
        attempt(peers, "powerindex", lambda: g_pi.calc_shapley_shubik(), runs=3)
        record("Shapley-Shubik index", f"n={n}", entente("shapley-shubik", path), peers)

# 5. TU games: Shapley value from a table and the nucleolus (coopgame-py).
def coop(fn):
    peers = {}
    attempt(peers, "coopgame-py", fn, runs=3)
    return peers

def tu_values(n, seed):
    rnd = random.Random(seed)
    return [0.0] + [float(bin(m).count("1") ** 2) + rnd.random() for m in range(1, 1 << n)]

for n in (([10, 16] if quick else [10, 16, 20]) if want("tu") else []):
    v = tu_values(n, n)
    path = os.path.join(tmp, f"tu-{n}.json")
    json.dump({"players": [f"p{i}" for i in range(n)], "values": v}, open(path, "w"))
    g_cg = coopgame.Game(v[1:])
    record("Shapley value (table)", f"n={n}", entente("shapley", path), coop(lambda: coopgame.shapley(g_cg)))

for n in (([5, 8] if quick else [5, 8, 12, 16]) if want("tu") else []):
    v = tu_values(n, 50 + n)
    path = os.path.join(tmp, f"nucleolus-{n}.json")
    json.dump({"players": [f"p{i}" for i in range(n)], "values": v}, open(path, "w"))
    g_cg = coopgame.Game(v[1:])
    record("nucleolus", f"n={n}", entente("nucleolus", path), coop(lambda: coopgame.nucleolus(g_cg)))

cpu = "unknown"
try:
    cpu = [l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")][0]
except Exception:
    pass
print(f"Machine: {cpu}, {os.cpu_count()} cores; OPENBLAS_NUM_THREADS=1; median of up to {RUNS} runs after a warm-up; one run of this script.\n")
print("| task | size | Entente | peer | peer time | Entente / peer |")
print("|---|---|---|---|---|---|")
for task, size, ours, peers in rows:
    mine = f"{ours * 1e3:.3f} ms" if isinstance(ours, float) else f"failed ({ours})"
    for k, v in peers.items():
        if isinstance(v, float):
            ratio = f"{ours / v:.3g}" if isinstance(ours, float) else "—"
            print(f"| {task} | {size} | {mine} | {k} | {v * 1e3:.3f} ms | {ratio} |")
        else:
            print(f"| {task} | {size} | {mine} | {k} | failed ({v}) | — |")

# Peer curves for `entente bench FAMILY --svg` (read from Benchmarks/results/peers.json): per family and peer, the
# median seconds at each size of this run; failed runs are left out. Entente's own times are kept as a curve too.
def bench_family(task):
    t = task.lower()
    for key, family in [("extreme", "vertex"), ("lemke", "lemke"), ("zero-sum", "zerosum"), ("banzhaf", "banzhaf"),
                        ("shapley-shubik", "shapley-shubik"), ("nucleolus", "nucleolus")]:
        if key in t:
            return family
    return None

curves = {}
for task, size, ours, peers in rows:
    family = bench_family(task)
    digits = "".join(c if c.isdigit() else " " for c in str(size)).split()
    if family is None or not digits:
        continue
    n = int(digits[0])
    for name, seconds in [("Entente (compare-peers run)", ours)] + list(peers.items()):
        if isinstance(seconds, float) and seconds > 0:
            curves.setdefault((family, name), []).append([n, seconds])
results = os.path.join(os.path.dirname(os.path.abspath(__file__)), "results")
os.makedirs(results, exist_ok=True)
with open(os.path.join(results, "peers.json"), "w") as f:
    json.dump({"generated": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "machine": f"{cpu}, {os.cpu_count()} cores",
               "curves": [{"family": fam, "peer": name, "points": pts} for (fam, name), pts in curves.items()]}, f, indent=1)
print(f"\npeer curves for `entente bench --svg`: {os.path.join(results, 'peers.json')}", file=sys.stderr)
