/// What an actor does when two blocs form.
public enum AlignmentChoice: String, Sendable, Equatable {
    /// Joins the side opposing its threat (Walt): a status-quo response.
    case balance
    /// Joins the side whose victory pays it most, typically the stronger one (Schweller's jackal).
    case bandwagon
    /// Opts out: stays neutral (buck-passing when others carry the balance).
    case stayOut = "stay out"
}

/// Parameters of the static alignment model.
public struct AlignmentParameters: Sendable, Equatable {
    /// Autonomy cost κ of contracting: an actor joining coalition S pays κ·(1 − rᵢ/r(S)) ("contracting disperses power").
    public var autonomyCost: Double = 0.05
    /// Prize scale G: a power-acquiring winner shares G·r(losing side) in proportion to capability (Gamson).
    public var prize: Double = 1
    /// Maximum rounds of best responses of power-acquiring actors.
    public var maxRounds: Int = 50
    public init() {}

    /// Throws on negative or non-finite parameters.
    public func validate() throws {
        guard autonomyCost.isFinite, autonomyCost >= 0 else { throw ScenarioError(field: "kappa", message: "autonomy cost must be ≥ 0, got \(autonomyCost)") }
        guard prize.isFinite, prize >= 0 else { throw ScenarioError(field: "prize", message: "prize must be ≥ 0, got \(prize)") }
    }
}

/// The outcome of one setting (all status-quo, or some actors power-acquiring).
public struct AlignmentOutcome: Sendable, Equatable {
    /// Side per actor: 0 or 1 for the two blocs, nil for actors that stay out.
    public let sides: [Int?]
    public let choices: [AlignmentChoice]
    /// Payoff of each actor's chosen option.
    public let payoffs: [Double]
    /// The two blocs (actor indices; possibly empty) and the neutrals.
    public var blocs: [[Int]] { [0, 1].map { s in sides.indices.filter { sides[$0] == s } }.filter { !$0.isEmpty } }
    public var neutrals: [Int] { sides.indices.filter { sides[$0] == nil } }
    /// Labels for scoring (bloc index, neutrals as singletons).
    public var labels: [Int] { sides.enumerated().map { i, s in s ?? (2 + i) } }
}

/// A static model of alignment decisions on top of the two-bloc threat split (models.md §3, §5).
///
/// Status-quo actors **balance** (Walt): actor i in bloc B facing bloc O weighs expected security loss
/// `τᵢ·(1 − p)` — τᵢ the threat from O, p the probability its side prevails, `p = r(side)/(r(side) + r(O))` —
/// against the autonomy cost κ(1 − rᵢ/r(B)); it stays out when going alone costs less (buck-passing).
/// Power-acquiring actors **bandwagon for profit** (Schweller 1994): joining side A against B pays
/// `p(A∪i vs B) · rᵢ/r(A∪i) · G·r(B) − κ(1 − rᵢ/r(A∪i))`, staying out pays 0; they best-respond in turn until
/// no one moves (or `maxRounds`). Complexity O(rounds · n²).
public enum AlignmentModel {
    /// Decides every actor's choice given a starting two-bloc split (sides ±1 from ``Blocs``).
    public static func outcome(scenario s: Scenario, threat t: Matrix, split: [Int], parameters p: AlignmentParameters = AlignmentParameters()) throws -> AlignmentOutcome {
        try p.validate()
        let n = s.actorCount
        let r = s.actors.map(\.capability)
        var sides: [Int?] = split.map { $0 > 0 ? 0 : 1 }
        let revisionist = s.actors.map { $0.type.probabilityPowerAcquiring >= 0.5 }
        func strength(_ side: Int, excluding i: Int) -> Double {
            (0..<n).reduce(0) { $1 != i && sides[$1] == side ? $0 + r[$1] : $0 }
        }
        func threat(_ i: Int, from side: Int) -> Double { (0..<n).reduce(0) { $1 != i && sides[$1] == side ? $0 + t[i, $1] : $0 } }
        func paPayoff(_ i: Int, joining side: Int) -> Double {
            let mine = strength(side, excluding: i) + r[i], other = strength(1 - side, excluding: i)
            guard mine > 0 else { return 0 }
            let win = mine / (mine + other)
            return win * (r[i] / mine) * p.prize * other - p.autonomyCost * (1 - r[i] / mine)
        }
        // Power-acquiring actors best-respond in index order until stable.
        for _ in 0..<max(0, p.maxRounds) {
            var moved = false
            for i in 0..<n where revisionist[i] {
                let options: [(Int?, Double)] = [(0, paPayoff(i, joining: 0)), (1, paPayoff(i, joining: 1)), (nil, 0)]
                let current = options.first { $0.0 == sides[i] }!.1
                let best = options.max { $0.1 < $1.1 }!
                if best.1 > current + 1e-12 { sides[i] = best.0; moved = true }
            }
            if !moved { break }
        }
        var choices = [AlignmentChoice](repeating: .stayOut, count: n)
        var payoffs = [Double](repeating: 0, count: n)
        for i in 0..<n {
            if revisionist[i] {
                if let side = sides[i] {
                    let mine = strength(side, excluding: i) + r[i], other = strength(1 - side, excluding: i)
                    choices[i] = mine >= other ? .bandwagon : .balance
                    payoffs[i] = paPayoff(i, joining: side)
                }
                continue
            }
            // Status quo: the side opposite to the greater threat.
            let side = threat(i, from: 0) > threat(i, from: 1) ? 1 : 0
            let tau = threat(i, from: 1 - side)
            let mine = strength(side, excluding: i) + r[i], opp = strength(1 - side, excluding: i)
            let allied = -tau * (1 - mine / max(mine + opp, 1e-300)) - p.autonomyCost * (1 - r[i] / max(mine, 1e-300))
            let alone = -tau * (1 - r[i] / max(r[i] + opp, 1e-300))
            if allied > alone + 1e-12 {
                sides[i] = side; choices[i] = .balance; payoffs[i] = allied
            } else {
                sides[i] = nil; choices[i] = .stayOut; payoffs[i] = alone
            }
        }
        return AlignmentOutcome(sides: sides, choices: choices, payoffs: payoffs)
    }
}
