"""Driver for ./compare-peers: writes inputs, times peers in-process and Entente through entente-bench."""
import json, math, os, random, statistics, subprocess, sys, tempfile, time, platform

bench = sys.argv[1]
quick = "--quick" in sys.argv
# --only SECTION[,SECTION…] runs only some sections: vertex, lemke, zerosum, power, tu, nplayer (default: all
# but nplayer, which takes minutes and needs pygambit's enumpoly).
only = set(sys.argv[sys.argv.index("--only") + 1].split(",")) if "--only" in sys.argv else None


def want(section):
    return only is None or section in only

tmp = tempfile.mkdtemp(prefix="entente-peers-")
RUNS = 3 if quick else 5


def nplayer_rows():
    """n-player games: every equilibrium by Entente's homotopy enumerator and by Gambit's enumpoly (pygambit), on
    the same seeded random integer games (.nfg files written here). Each solver runs once (these take seconds to
    minutes); Gambit runs in a child process with a time limit. Prints a markdown table."""
    import multiprocessing as mp
    import pygambit as gbt

    def write(path, counts, seed):
        rnd = random.Random(seed)
        total = math.prod(counts)
        with open(path, "w") as f:
            f.write('NFG 1 R "random %s seed %d" { %s }\n{ %s }\n' % (
                "x".join(map(str, counts)), seed, " ".join('"P%d"' % (i + 1) for i in range(len(counts))),
                " ".join(map(str, counts))))
            f.write(" ".join(str(rnd.randint(0, 99)) for _ in range(total * len(counts))) + "\n")

    def gambit(path, queue):
        g = gbt.read_nfg(path)
        t0 = time.perf_counter()
        r = gbt.nash.enumpoly_solve(g)
        queue.put((time.perf_counter() - t0, len(r.equilibria)))

    limit = 600.0
    table = []
    sizes = [(2, 2, 2), (3, 3, 3), (2, 2, 2, 2)] if quick else [(2, 2, 2), (3, 3, 3), (4, 4, 4), (2, 2, 2, 2), (3, 3, 3, 3)]
    for counts in sizes:
        for seed in (1, 2):
            name = "x".join(map(str, counts))
            path = os.path.join(tmp, f"nplayer-{name}-{seed}.nfg")
            write(path, counts, 7000 + seed)
            out = json.loads(subprocess.run([bench, "homotopy", path, "1"], check=True, capture_output=True, text=True).stdout)
            ours = (out["median_s"], out["result"])
            q = mp.Queue()
            proc = mp.Process(target=gambit, args=(path, q))
            proc.start()
            proc.join(limit)
            if proc.is_alive():
                proc.terminate(); proc.join()
                theirs = f"timeout (> {limit:.0f} s)"
            elif proc.exitcode != 0:
                theirs = f"failed (exit {proc.exitcode})"
            else:
                t, k = q.get()
                theirs = (t, k)
            table.append((name, seed, ours, theirs))
            print(f"n-player {name} seed {seed}: entente {ours}  gambit enumpoly {theirs}", file=sys.stderr)
    print(f"pygambit {gbt.__version__}; one run each; payoffs uniform integers 0..99 (seed 7000 + s).\n")
    print("| game | seed | Entente time | Entente result | Gambit enumpoly time | Gambit equilibria |")
    print("|---|---|---|---|---|---|")
    for name, seed, (t, res), theirs in table:
        g = f"{theirs[0]:.3f} s | {theirs[1]}" if isinstance(theirs, tuple) else f"{theirs} | —"
        print(f"| {name} | {seed} | {t:.3f} s | {res} | {g} |")


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
