import EntenteNumerics
import Testing

@Suite struct SimplexSolverTests {
    let solver = SimplexSolver()

    @Test func textbookProductionLPReachesKnownOptimum() throws {
        // max 3x + 5y s.t. x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18 (Hillier & Lieberman's Wyndor): x=2, y=6, z=36.
        let lp = try LinearProgram(
            objective: [-3, -5],
            inequalityMatrix: Matrix(rowArrays: [[1, 0], [0, 2], [3, 2]]),
            inequalityBounds: [4, 12, 18])
        let s = try solver.solve(lp)
        #expect(s.status == .optimal)
        #expect(abs(s.objectiveValue + 36) < 1e-9)
        #expect(abs(s.x[0] - 2) < 1e-9 && abs(s.x[1] - 6) < 1e-9)
        // Shadow prices of Wyndor: (0, 1.5, 1) in max form, so −(0, 1.5, 1) as marginals of the min.
        #expect(zip(s.inequalityDuals, [0, -1.5, -1]).allSatisfy { abs($0 - $1) < 1e-9 })
    }

    @Test func equalitiesFreeVariablesAndNegativeRightHandSides() throws {
        let lp = try LinearProgram(
            objective: [1, 2],
            inequalityMatrix: Matrix(rowArrays: [[1, -1]]), inequalityBounds: [0.5],
            equalityMatrix: Matrix(rowArrays: [[1, 1]]), equalityBounds: [1],
            lowerBounds: [-.infinity, -.infinity], upperBounds: [.infinity, .infinity])
        let s = try solver.solve(lp)
        #expect(s.status == .optimal)
        #expect(abs(s.objectiveValue - 1.25) < 1e-9)
        #expect(abs(s.x[0] - 0.75) < 1e-9)
        let lp2 = try LinearProgram(
            objective: [1], inequalityMatrix: Matrix(rowArrays: [[-1]]), inequalityBounds: [-3],
            lowerBounds: [-10], upperBounds: [10])
        let s2 = try solver.solve(lp2)
        #expect(s2.status == .optimal && abs(s2.x[0] - 3) < 1e-9)
        // Upper bound only: maximise x with x ≤ 7 and x unbounded below.
        let lp3 = try LinearProgram(objective: [-1], lowerBounds: [-.infinity], upperBounds: [7])
        let s3 = try solver.solve(lp3)
        #expect(s3.status == .optimal && abs(s3.x[0] - 7) < 1e-12)
        #expect(abs(s3.reducedCosts[0] + 1) < 1e-12)
    }

    @Test func infeasibleLPIsReported() throws {
        let lp = try LinearProgram(
            objective: [1, 1],
            inequalityMatrix: Matrix(rowArrays: [[1, 1], [-1, -1]]), inequalityBounds: [1, -2])
        #expect(try solver.solve(lp).status == .infeasible)
    }

    @Test func unboundedLPIsReported() throws {
        let lp = try LinearProgram(
            objective: [-1, 0], inequalityMatrix: Matrix(rowArrays: [[-1, 1]]), inequalityBounds: [1])
        #expect(try solver.solve(lp).status == .unbounded)
    }

    @Test func bealesCyclingExampleTerminatesAtOptimum() throws {
        // Beale (1955): cycles under Dantzig's rule with naive tie-breaking. Optimum −1/20 at (1/25, 0, 1, 0).
        let lp = try LinearProgram(
            objective: [-0.75, 150, -0.02, 6],
            inequalityMatrix: Matrix(rowArrays: [[0.25, -60, -0.04, 9], [0.5, -90, -0.02, 3], [0, 0, 1, 0]]),
            inequalityBounds: [0, 0, 1])
        var options = SimplexSolver.Options()
        options.degenerateStreakLimit = 1
        for s in [try solver.solve(lp), try SimplexSolver(options: options).solve(lp)] {
            #expect(s.status == .optimal)
            #expect(abs(s.objectiveValue + 0.05) < 1e-12)
            #expect(abs(s.x[0] - 0.04) < 1e-12 && abs(s.x[2] - 1) < 1e-12)
        }
    }

    @Test func chvatalsCyclingExampleTerminatesAtOptimum() throws {
        // Chvátal (1983, ch. 3): cycles with largest-coefficient pivoting. Optimum −1 at (1, 0, 1, 0).
        let lp = try LinearProgram(
            objective: [-10, 57, 9, 24],
            inequalityMatrix: Matrix(rowArrays: [[0.5, -5.5, -2.5, 9], [0.5, -1.5, -0.5, 1], [1, 0, 0, 0]]),
            inequalityBounds: [0, 0, 1])
        let s = try solver.solve(lp)
        #expect(s.status == .optimal)
        #expect(abs(s.objectiveValue + 1) < 1e-12)
        #expect(abs(s.x[0] - 1) < 1e-12 && abs(s.x[2] - 1) < 1e-12)
    }

    @Test func redundantEqualityRowsAreHandled() throws {
        let lp = try LinearProgram(
            objective: [1, 1, 0],
            equalityMatrix: Matrix(rowArrays: [[1, 1, 1], [2, 2, 2]]), equalityBounds: [1, 2])
        let s = try solver.solve(lp)
        #expect(s.status == .optimal && abs(s.objectiveValue) < 1e-12 && abs(s.x[2] - 1) < 1e-12)
    }

    @Test func badFormulationsThrowTypedErrors() {
        #expect(throws: LinearProgramError.nonFinite(field: "objective", index: 0)) {
            try LinearProgram(objective: [.nan])
        }
        #expect(throws: LinearProgramError.self) {
            try LinearProgram(objective: [1, 2], inequalityMatrix: Matrix(rows: 1, columns: 3), inequalityBounds: [0])
        }
        #expect(throws: LinearProgramError.invalidBounds(variable: 0)) {
            try LinearProgram(objective: [1], lowerBounds: [2], upperBounds: [1])
        }
        #expect(throws: LinearProgramError.self) {
            try LinearProgram(
                objective: [1], inequalityMatrix: Matrix(rows: 1, columns: 1), inequalityBounds: [.infinity])
        }
    }

    @Test(arguments: 0..<40) func randomFeasibleLPsSatisfyKKTConditions(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed) &* 7919 &+ 1)
        let m = Int.random(in: 1...25, using: &rng), n = Int.random(in: 1...25, using: &rng)
        let mEq = Int.random(in: 0...min(3, n), using: &rng)
        var a = Matrix(rows: m, columns: n), e = Matrix(rows: mEq, columns: n)
        for k in a.storage.indices { a.storage[k] = Double.random(in: -1...1, using: &rng) }
        for k in e.storage.indices { e.storage[k] = Double.random(in: -1...1, using: &rng) }
        let x0 = (0..<n).map { _ in Double.random(in: 0...3, using: &rng) }
        let b = try a.multiply(x0).map { $0 + Double.random(in: 0...1, using: &rng) }
        let beq = try e.multiply(x0)
        let c = (0..<n).map { _ in Double.random(in: -1...1, using: &rng) }
        let upper = [Double](repeating: 5, count: n)
        let lp = try LinearProgram(
            objective: c, inequalityMatrix: a, inequalityBounds: b,
            equalityMatrix: e, equalityBounds: beq,
            lowerBounds: [Double](repeating: 0, count: n), upperBounds: upper)
        let s = try solver.solve(lp)
        #expect(s.status == .optimal)
        let tol = 1e-8
        let ax = try a.multiply(s.x), ex = try e.multiply(s.x)
        for i in 0..<m {
            #expect(ax[i] <= b[i] + tol)  // primal feasibility
            #expect(s.inequalityDuals[i] <= tol)  // dual sign
            #expect(abs(s.inequalityDuals[i] * (b[i] - ax[i])) < tol)  // complementary slackness
        }
        for i in 0..<mEq { #expect(abs(ex[i] - beq[i]) < tol) }
        var dualObjective = Vector.dot(s.inequalityDuals, b) + Vector.dot(s.equalityDuals, beq)
        for j in 0..<n {
            #expect(s.x[j] >= -tol && s.x[j] <= upper[j] + tol)
            let d = s.reducedCosts[j]
            if s.x[j] < tol {
                #expect(d >= -tol)
            } else if s.x[j] > upper[j] - tol {
                #expect(d <= tol)
            } else {
                #expect(abs(d) < tol)
            }
            if d < 0 { dualObjective += d * upper[j] }
        }
        #expect(abs(dualObjective - s.objectiveValue) <= 1e-9 * max(1, abs(s.objectiveValue)))
    }
}
