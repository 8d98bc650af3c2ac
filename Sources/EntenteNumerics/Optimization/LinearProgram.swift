/// A dense linear program in the form SciPy's `linprog` uses:
///
///     minimise    c·x
///     subject to  A_ub x ≤ b_ub,   A_eq x = b_eq,   l ≤ x ≤ u
///
/// Bounds may be infinite (`-.infinity` / `.infinity`). Validation happens in ``init(objective:inequalityMatrix:inequalityBounds:equalityMatrix:equalityBounds:lowerBounds:upperBounds:)``,
/// so every `LinearProgram` value is well formed: dimensions agree, data are finite, `l ≤ u`.
public struct LinearProgram: Sendable {
    /// Objective coefficients `c` (length n).
    public let objective: [Double]
    /// `A_ub`, an `m_ub × n` column-major matrix (possibly with zero rows).
    public let inequalityMatrix: Matrix
    /// `b_ub` (length m_ub).
    public let inequalityBounds: [Double]
    /// `A_eq`, an `m_eq × n` matrix (possibly with zero rows).
    public let equalityMatrix: Matrix
    /// `b_eq` (length m_eq).
    public let equalityBounds: [Double]
    /// Lower bounds `l` (finite or `-∞`).
    public let lowerBounds: [Double]
    /// Upper bounds `u` (finite or `+∞`).
    public let upperBounds: [Double]

    /// Number of variables.
    public var variableCount: Int { objective.count }

    /// Builds and validates a linear program. Missing matrices mean "no such constraints"; missing
    /// bounds mean `0 ≤ x < ∞`. O(size of the data).
    public init(
        objective c: [Double],
        inequalityMatrix aub: Matrix? = nil, inequalityBounds bub: [Double] = [],
        equalityMatrix aeq: Matrix? = nil, equalityBounds beq: [Double] = [],
        lowerBounds l: [Double]? = nil, upperBounds u: [Double]? = nil
    ) throws(LinearProgramError) {
        let n = c.count
        let aUB = aub ?? Matrix(rows: 0, columns: n)
        let aEQ = aeq ?? Matrix(rows: 0, columns: n)
        guard aUB.columns == n else {
            throw .dimensionMismatch(field: "inequalityMatrix columns", expected: n, actual: aUB.columns)
        }
        guard aEQ.columns == n else {
            throw .dimensionMismatch(field: "equalityMatrix columns", expected: n, actual: aEQ.columns)
        }
        guard bub.count == aUB.rows else {
            throw .dimensionMismatch(field: "inequalityBounds", expected: aUB.rows, actual: bub.count)
        }
        guard beq.count == aEQ.rows else {
            throw .dimensionMismatch(field: "equalityBounds", expected: aEQ.rows, actual: beq.count)
        }
        let lo = l ?? [Double](repeating: 0, count: n)
        let hi = u ?? [Double](repeating: .infinity, count: n)
        guard lo.count == n else { throw .dimensionMismatch(field: "lowerBounds", expected: n, actual: lo.count) }
        guard hi.count == n else { throw .dimensionMismatch(field: "upperBounds", expected: n, actual: hi.count) }
        if let k = c.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(field: "objective", index: k) }
        if let k = aUB.storage.firstIndex(where: { !$0.isFinite }) {
            throw .nonFinite(field: "inequalityMatrix", index: k)
        }
        if let k = aEQ.storage.firstIndex(where: { !$0.isFinite }) {
            throw .nonFinite(field: "equalityMatrix", index: k)
        }
        if let k = bub.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(field: "inequalityBounds", index: k) }
        if let k = beq.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(field: "equalityBounds", index: k) }
        for j in 0..<n {
            if lo[j].isNaN || hi[j].isNaN || lo[j] == .infinity || hi[j] == -.infinity || lo[j] > hi[j] {
                throw .invalidBounds(variable: j)
            }
        }
        objective = c
        inequalityMatrix = aUB
        inequalityBounds = bub
        equalityMatrix = aEQ
        equalityBounds = beq
        lowerBounds = lo
        upperBounds = hi
    }
}

/// Errors in the formulation of a linear program (the solver itself reports infeasibility and
/// unboundedness through ``LinearProgramStatus``, not by throwing).
public enum LinearProgramError: Error, Equatable, Sendable, CustomStringConvertible {
    case dimensionMismatch(field: String, expected: Int, actual: Int)
    case nonFinite(field: String, index: Int)
    case invalidBounds(variable: Int)
    case numericalFailure

    public var description: String {
        switch self {
        case .dimensionMismatch(let f, let e, let a): return "\(f): expected \(e), got \(a)"
        case .nonFinite(let f, let i): return "\(f)[\(i)] is NaN or infinite"
        case .invalidBounds(let j):
            return "variable \(j) has invalid bounds (need lower ≤ upper, lower < ∞, upper > −∞)"
        case .numericalFailure: return "the LP basis became numerically singular"
        }
    }
}

/// Outcome of an LP solve.
public enum LinearProgramStatus: String, Sendable, Equatable {
    case optimal, infeasible, unbounded, iterationLimit
}

/// The solution of a linear program with its certificate of optimality.
///
/// Dual signs follow the marginal convention (∂ objective / ∂ right-hand side), as SciPy/HiGHS report
/// them: inequality duals are ≤ 0 for a minimisation. `reducedCosts = c − A_ubᵀ y_ub − A_eqᵀ y_eq`
/// (≥ 0 at variables on their lower bound, ≤ 0 at their upper bound, 0 in between).
public struct LinearProgramSolution: Sendable {
    /// Optimal, infeasible, unbounded or iteration limit.
    public let status: LinearProgramStatus
    /// Primal solution (meaningful when `status == .optimal`).
    public let x: [Double]
    /// Objective value `c·x`.
    public let objectiveValue: Double
    /// Marginals of the `A_ub` rows.
    public let inequalityDuals: [Double]
    /// Marginals of the `A_eq` rows.
    public let equalityDuals: [Double]
    /// Reduced costs of the original variables.
    public let reducedCosts: [Double]
    /// Simplex pivots made (phase 1 + phase 2).
    public let iterations: Int
}
