"""Driver for ./compare-peers: writes inputs, times peers in-process and Entente through entente-bench."""
import json, math, os, random, statistics, subprocess, sys, tempfile, time, platform

bench = sys.argv[1]
quick = "--quick" in sys.argv
# --only SECTION[,SECTION…] runs only some sections: vertex, lemke, zerosum, power, tu (default: all).
only = set(sys.argv[sys.argv.index("--only") + 1].split(",")) if "--only" in sys.argv else None


def want(section):
    return only is None or section in only

tmp = tempfile.mkdtemp(prefix="entente-peers-")
RUNS = 3 if quick else 5

import numpy as np
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
        raise PeerFailed(f"{type(e).__name__}")
    times, spent = [], 0.0
    for _ in range(runs):
        t0 = time.perf_counter(); fn(); dt = time.perf_counter() - t0
        times.append(dt); spent += dt
        if spent > budget:
            break
    return statistics.median(times)


def entente(task, path):
    out = subprocess.run([bench, task, path, str(RUNS)], check=True, capture_output=True, text=True).stdout
    return json.loads(out)["median_s"]


def write_nfg(path, a, b):
    m, n = a.shape
    with open(path, "w") as f:
        f.write('NFG 1 R "random" { "1" "2" } { %d %d }\n\n' % (m, n))
        vals = []
        for j in range(n):
            for i in range(m):
                vals += [repr(float(a[i, j])), repr(float(b[i, j]))]
        f.write(" ".join(vals) + "\n")


def random_game(n, seed):
    rng = np.random.default_rng(seed)
    return rng.uniform(-1, 1, (n, n)), rng.uniform(-1, 1, (n, n))


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
    print(f"{task:28s} {size:>6}  entente {ours:.3e}s  " + "  ".join(f"{k} {v:.3e}s" if isinstance(v, float) else f"{k} failed ({v})" for k, v in peers.items()), file=sys.stderr)


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

# 2. Lemke-Howson, one equilibrium from label 0.
for n in (([10, 50] if quick else [10, 50, 100, 200]) if want("lemke") else []):
    a, b = random_game(n, 2000 + n)
    path = os.path.join(tmp, f"lemke-{n}.nfg"); write_nfg(path, a, b)
    peers = {}
    g_qe = qgt.NormalFormGame((qgt.Player(a), qgt.Player(b.T)))
    attempt(peers, "QuantEcon", lambda: qgt.lemke_howson(g_qe, init_pivot=0))
    g_np = nashpy.Game(a, b)
    if n <= 100:
        attempt(peers, "nashpy", lambda: g_np.lemke_howson(initial_dropped_label=0), runs=3)
    if n <= 100:  # Gambit's lcp_solve took minutes at 200×200 here
        g_gb = gbt.read_nfg(path)
        attempt(peers, "Gambit lcp", lambda: gbt.nash.lcp_solve(g_gb, rational=False, stop_after=1), runs=3)
    record("Lemke-Howson", f"{n}x{n}", entente("lemke", path), peers)

# 3. Zero-sum by LP.
for n in (([50, 100] if quick else [50, 100, 200, 400]) if want("zerosum") else []):
    a, _ = random_game(n, 3000 + n)
    path = os.path.join(tmp, f"zerosum-{n}.nfg"); write_nfg(path, a, -a)
    peers = {}
    g_np = nashpy.Game(a)
    attempt(peers, "nashpy linear_program", lambda: g_np.linear_program(), runs=3)
    g_gb = gbt.read_nfg(path)
    attempt(peers, "Gambit lp", lambda: gbt.nash.lp_solve(g_gb, rational=False), runs=3)
    record("zero-sum value (LP)", f"{n}x{n}", entente("zerosum", path), peers)

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
    for k, v in peers.items():
        if isinstance(v, float):
            print(f"| {task} | {size} | {ours * 1e3:.3f} ms | {k} | {v * 1e3:.3f} ms | {ours / v:.3g} |")
        else:
            print(f"| {task} | {size} | {ours * 1e3:.3f} ms | {k} | failed ({v}) | — |")
