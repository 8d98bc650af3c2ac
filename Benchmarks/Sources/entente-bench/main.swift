// Times Entente's solvers on input files written by ./compare-peers, so peers and Entente see the very same
// inputs. Prints one JSON object per task: {"task", "file", "median_s", "runs", "result"}.
// Usage: entente-bench TASK FILE [RUNS]
//   TASK: vertex | lemke | zerosum | zerosum-simplex | logit | homotopy | banzhaf | shapley-shubik | shapley | nucleolus | lu | lp | dynamics
import Entente
import Foundation

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }

let args = CommandLine.arguments
guard args.count >= 3 else {
    FileHandle.standardError.write(Data("usage: entente-bench TASK FILE [RUNS]\n".utf8))
    exit(2)
}
let task = args[1], file = args[2]
let runs = args.count > 3 ? Int(args[3]) ?? 5 : 5
let text = try String(contentsOfFile: file, encoding: .utf8)

func time(_ body: () throws -> String) rethrows -> (Double, String) {
    var result = ""
    var times: [Double] = []
    // Warm-up run, then `runs` timed runs (stop early once 10 s are spent).
    result = try body()
    var spent = 0.0
    for _ in 0..<runs {
        let t0 = now()
        result = try body()
        let dt = now() - t0
        times.append(dt)
        spent += dt
        if spent > 10 { break }
    }
    return (median(times), result)
}

var output: (Double, String)
switch task {
case "vertex":
    let g = try GambitNFG.parse(text)
    output = try time { "\(try VertexEnumeration.solve(g).equilibria.count)" }
case "lemke":
    let g = try GambitNFG.parse(text)
    output = try time { String(format: "%.6f", try LemkeHowson.solve(g, label: 0).equilibria[0].payoffs[0]) }
case "zerosum", "zerosum-simplex":
    // Interior point + crossover (default) or the revised simplex on the whole game; the result names the path.
    let g = try GambitNFG.parse(text)
    let method: ZeroSum.Method = task == "zerosum" ? .interiorPoint : .simplex
    output = try time {
        let s = try ZeroSum.solve(g.payoffMatrix(player: 0), method: method)
        return String(format: "%.9f ", s.value) + s.path.rawValue
    }
case "logit":
    let g = try GambitNFG.parse(text)
    output = try time { String(format: "%.3g", try LogitPath.solve(g).equilibria[0].regret) }
case "homotopy":
    // Every isolated equilibrium of an n-player game (support enumeration + homotopy continuation).
    let g = try GambitNFG.parse(text)
    output = try time {
        let r = try HomotopyEnumeration.solve(g)
        return "equilibria \(r.result.equilibria.count); components \(r.components.count); complete \(r.result.complete); paths \(r.paths)"
    }
case "banzhaf", "shapley-shubik":
    guard case .weightedMajority(let g) = try CoalitionJSON.parse(text) else { fatalError("expected a weighted game") }
    output = try time {
        let v = task == "banzhaf" ? try PowerIndices.banzhaf(g).values : try PowerIndices.shapleyShubik(g).values
        return String(format: "%.9f", v[0])
    }
case "shapley", "nucleolus":
    guard case .transferableUtility(let g) = try CoalitionJSON.parse(text) else { fatalError("expected a TU game") }
    output = try time {
        let v = task == "shapley" ? ShapleyValue.exact(g) : try CoreSolutions.nucleolus(g)
        return String(format: "%.9f", v[0])
    }
case "lu", "lp":
    // FILE holds {"n": …, "seed": …} (lu) or {"m": …, "n": …, "seed": …} (lp): the data are generated here.
    let spec = JSONReader(try JSONValue.parse(text))
    var rng = SeededGenerator(seed: UInt64(try spec.member("seed").integer()))
    if task == "lu" {
        let n = try spec.member("n").integer()
        let a = try Matrix(rows: n, columns: n, columnMajor: (0..<n * n).map { _ in Double.random(in: -1...1, using: &rng) })
        let b = (0..<n).map { _ in Double.random(in: -1...1, using: &rng) }
        output = try time { String(format: "%.6f", try LUFactorization(a).solve(b)[0]) }
    } else {
        let m = try spec.member("m").integer(), n = try spec.member("n").integer()
        let a = try Matrix(rows: m, columns: n, columnMajor: (0..<m * n).map { _ in Double.random(in: 0...1, using: &rng) })
        let c = (0..<n).map { _ in -Double.random(in: 0...1, using: &rng) }
        let lp = try LinearProgram(objective: c, inequalityMatrix: a, inequalityBounds: [Double](repeating: 1, count: m))
        output = try time { String(format: "%.9f", try SimplexSolver().solve(lp).objectiveValue) }
    }
case "dynamics", "dynamics-gs":
    // FILE holds {"n": …}: n status-quo actors 400 km apart on a line, neighbours rivals, no exit and no window, so
    // the state space is every partition (Bell(n) states). Times the equilibrium search, then one policy evaluation
    // of the equilibrium process from scratch (GMRES, or Gauss–Seidel for dynamics-gs, beyond 2 000 states).
    let n = try JSONReader(try JSONValue.parse(text)).member("n").integer()
    let actors = (0..<n).map { Country(id: "A\($0)", capability: 1 / Double($0 + 2)) }
    let km = (0..<n).map { i in (0..<n).map { j in 400 * Double(abs(i - j)) } }
    var riv = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
    for i in 0..<(n - 1) { riv[i][i + 1] = true; riv[i + 1][i] = true }
    let scenario = try Scenario(name: "line-\(n)", actors: actors, distances: Matrix(rowArrays: km), rivalries: riv)
    var p = AllianceFormationGame.Parameters()
    p.allowExit = false
    p.windowHazard = nil
    p.iterativeSolver = task == "dynamics-gs" ? .gaussSeidel : .gmres
    let game = try AllianceFormationGame(scenario: scenario, parameters: p, actorLimit: n)
    var verified = false, iterations = 0
    var choice: [Int?] = []
    let search = try time {
        let r = try game.solve()
        verified = r.verified
        iterations = r.iterations
        choice = r.choice
        return r.evaluation
    }
    let evaluation = try time { String(format: "%.9f", try game.values(of: choice)[0][0]) }
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    output = (search.0, "states \(game.states.count); evaluation \(evaluation.0) s; \(search.1); verified \(verified) after \(iterations) iterations; max RSS \(usage.ru_maxrss / 1024) MB")
default:
    FileHandle.standardError.write(Data("unknown task \(task)\n".utf8))
    exit(2)
}
print("{\"task\": \"\(task)\", \"file\": \"\(file)\", \"median_s\": \(output.0), \"runs\": \(runs), \"result\": \"\(output.1)\"}")
