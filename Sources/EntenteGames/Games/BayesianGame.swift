/// A finite Bayesian game (Harsanyi 1967–68): each player has a finite set of types, drawn from a common
/// prior over type profiles, and chooses an action knowing only its own type.
///
/// Type profiles and action profiles are indexed column-major (first player fastest), as in
/// ``NormalFormGame``. Bayesian Nash equilibria come from the normal-form solvers applied to the
/// ``agentForm(profileLimit:)`` (one agent per player-type; its Nash equilibria are exactly the Bayesian Nash equilibria)
/// or to the ``exAnteForm(profileLimit:)`` (strategies are maps from types to actions).
public struct BayesianGame: Sendable {
    /// Player names.
    public let players: [String]
    /// Type names per player (the alliance model uses "statusQuo" and "powerAcquiring").
    public let types: [[String]]
    /// Action names per player (the same for every type of that player).
    public let actions: [[String]]
    /// Common prior over type profiles (sums to 1).
    public let prior: [Double]
    /// `payoffs[θ]`: the payoff arrays (per player, over action profiles) at type profile `θ`.
    public let payoffs: [[[Double]]]
    /// Action-profile layout shared by every type profile.
    public let actionGame: NormalFormGame

    /// Validates and builds the game. O(type profiles · action profiles · n).
    public init(players: [String], types: [[String]], actions: [[String]], prior: [Double], payoffs: [[[Double]]])
        throws(GameError)
    {
        guard types.count == players.count, actions.count == players.count else {
            throw .dimensionMismatch(expected: players.count, actual: min(types.count, actions.count))
        }
        guard types.allSatisfy({ !$0.isEmpty }) else { throw .empty }
        let typeProfiles = try Self.checkedProduct(types.map(\.count))
        guard prior.count == typeProfiles else { throw .dimensionMismatch(expected: typeProfiles, actual: prior.count) }
        if let k = prior.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(player: 0, index: k) }
        guard prior.allSatisfy({ $0 >= 0 }), abs(prior.reduce(0, +) - 1) <= 1e-9 else {
            throw .notAProbability(player: 0)
        }
        guard payoffs.count == typeProfiles else {
            throw .dimensionMismatch(expected: typeProfiles, actual: payoffs.count)
        }
        let actionProfiles = try Self.checkedProduct(actions.map(\.count))
        let layout = try NormalFormGame(
            players: players, strategies: actions,
            payoffs: players.map { _ in [Double](repeating: 0, count: actionProfiles) })
        for u in payoffs { _ = try NormalFormGame(players: players, strategies: actions, payoffs: u) }
        self.players = players
        self.types = types
        self.actions = actions
        self.prior = prior
        self.payoffs = payoffs
        self.actionGame = layout
    }

    /// Builds a game with independent types: `typePriors[i][θᵢ]`, payoffs from a function of (type profile,
    /// action profile) returning every player's payoff.
    public init(
        players: [String], types: [[String]], actions: [[String]], typePriors: [[Double]],
        payoff: ([Int], [Int]) -> [Double]
    ) throws(GameError) {
        guard types.count == players.count, actions.count == players.count, typePriors.count == players.count else {
            throw .dimensionMismatch(expected: players.count, actual: min(types.count, actions.count, typePriors.count))
        }
        guard zip(typePriors, types).allSatisfy({ $0.count == $1.count }) else { throw .notAProbability(player: 0) }
        let tCounts = types.map(\.count), aCounts = actions.map(\.count)
        let tTotal = try Self.checkedProduct(tCounts), aTotal = try Self.checkedProduct(aCounts)
        var prior: [Double] = []
        var pay: [[[Double]]] = []
        for t in 0..<tTotal {
            let theta = Self.unrank(t, tCounts)
            prior.append(theta.enumerated().reduce(1) { $0 * typePriors[$1.offset][$1.element] })
            var u = [[Double]](repeating: [Double](repeating: 0, count: aTotal), count: players.count)
            for k in 0..<aTotal {
                let v = payoff(theta, Self.unrank(k, aCounts))
                for p in 0..<players.count { u[p][k] = v[p] }
            }
            pay.append(u)
        }
        try self.init(players: players, types: types, actions: actions, prior: prior, payoffs: pay)
    }

    /// Π counts, refused (`.tooLarge`) above ``NormalFormGame/defaultProfileLimit`` or on overflow, before anything
    /// of that size is allocated.
    static func checkedProduct(_ counts: [Int]) throws(GameError) -> Int {
        var total = 1
        for c in counts {
            guard c >= 1 else { throw .empty }
            let (product, overflow) = total.multipliedReportingOverflow(by: c)
            if overflow || product > NormalFormGame.defaultProfileLimit {
                throw .tooLarge(size: overflow ? Int.max : product, limit: NormalFormGame.defaultProfileLimit)
            }
            total = product
        }
        return total
    }

    static func unrank(_ k: Int, _ counts: [Int]) -> [Int] {
        var rest = k
        return counts.map { c in
            defer { rest /= c }; return rest % c
        }
    }

    /// Number of type profiles.
    public var typeProfileCount: Int { prior.count }

    /// The agent form: one player per (player, type) pair, named "player:type", whose payoff is the
    /// prior-weighted (ex-ante) payoff of that type — proportional to its interim payoff, so equilibria coincide.
    /// - Complexity: O(agent profiles · type profiles · n); exponential in the number of agents.
    public func agentForm(profileLimit: Int = NormalFormGame.defaultProfileLimit) throws(GameError) -> NormalFormGame {
        var agentPlayer: [Int] = [], agentType: [Int] = [], names: [String] = [], strategies: [[String]] = []
        for (p, ts) in types.enumerated() {
            for (t, name) in ts.enumerated() {
                agentPlayer.append(p); agentType.append(t)
                names.append("\(players[p]):\(name)")
                strategies.append(actions[p])
            }
        }
        let counts = strategies.map(\.count)
        var total = 1
        for c in counts {
            let (product, overflow) = total.multipliedReportingOverflow(by: c)
            if overflow || product > profileLimit {
                throw .tooLarge(size: overflow ? Int.max : product, limit: profileLimit)
            }
            total = product
        }
        var typeOffset: [Int] = []
        var acc = 0
        for ts in types { typeOffset.append(acc); acc += ts.count }
        let tCounts = types.map(\.count)
        var u = [[Double]](repeating: [Double](repeating: 0, count: total), count: names.count)
        for k in 0..<total {
            let agentActions = Self.unrank(k, counts)
            for t in 0..<typeProfileCount where prior[t] > 0 {
                let theta = Self.unrank(t, tCounts)
                let a = (0..<players.count).map { agentActions[typeOffset[$0] + theta[$0]] }
                let idx = actionGame.index(of: a)
                for p in 0..<players.count { u[typeOffset[p] + theta[p]][k] += prior[t] * payoffs[t][p][idx] }
            }
        }
        return try NormalFormGame(
            title: "agent form", players: names, strategies: strategies, payoffs: u, profileLimit: profileLimit)
    }

    /// The ex-ante strategic form: player i's pure strategies are maps from its types to actions
    /// (|Aᵢ|^|Θᵢ| of them, first type's action fastest); payoffs are prior expectations.
    /// - Complexity: O(strategy profiles · type profiles · n).
    public func exAnteForm(profileLimit: Int = NormalFormGame.defaultProfileLimit) throws(GameError) -> NormalFormGame {
        // |Aᵢ|^|Θᵢ| with checked products (saturating at Int.max, which the profile limit then refuses).
        let counts = (0..<players.count).map { p in
            (0..<types[p].count).reduce(1) { acc, _ in
                let (x, o) = acc.multipliedReportingOverflow(by: actions[p].count)
                return o ? Int.max : x
            }
        }
        var total = 1
        for c in counts {
            let (product, overflow) = total.multipliedReportingOverflow(by: c)
            if overflow || product > profileLimit {
                throw .tooLarge(size: overflow ? Int.max : product, limit: profileLimit)
            }
            total = product
        }
        let strategies = (0..<players.count).map { p in
            (0..<counts[p]).map { s in
                Self.unrank(s, [Int](repeating: actions[p].count, count: types[p].count)).map { actions[p][$0] }.joined(
                    separator: "/")
            }
        }
        let tCounts = types.map(\.count)
        var u = [[Double]](repeating: [Double](repeating: 0, count: total), count: players.count)
        for k in 0..<total {
            let plans = Self.unrank(k, counts).enumerated().map { p, s in
                Self.unrank(s, [Int](repeating: actions[p].count, count: types[p].count))
            }
            for t in 0..<typeProfileCount where prior[t] > 0 {
                let theta = Self.unrank(t, tCounts)
                let idx = actionGame.index(of: (0..<players.count).map { plans[$0][theta[$0]] })
                for p in 0..<players.count { u[p][k] += prior[t] * payoffs[t][p][idx] }
            }
        }
        return try NormalFormGame(
            title: "ex-ante form", players: players, strategies: strategies, payoffs: u, profileLimit: profileLimit)
    }

    /// Marginal probability of player p's type t.
    public func marginal(player p: Int, type t: Int) -> Double {
        let tCounts = types.map(\.count)
        return (0..<typeProfileCount).reduce(0) { $0 + (Self.unrank($1, tCounts)[p] == t ? prior[$1] : 0) }
    }
}

/// A Bayesian Nash equilibrium: a mixed action per player and type, with interim payoffs.
public struct BayesianEquilibrium: Sendable {
    /// `strategies[p][t][a]`: probability that player p of type t plays action a.
    public let strategies: [[[Double]]]
    /// `interimPayoffs[p][t]`: expected payoff of player p given its type t (0 for types of zero probability).
    public let interimPayoffs: [[Double]]
    /// Largest interim gain any type can get by deviating (≤ the tolerance it was verified against).
    public let regret: Double
}

extension BayesianGame {
    /// Maps an equilibrium of the ``agentForm(profileLimit:)`` back to type-contingent strategies, verifying it as a
    /// Bayesian equilibrium (interim regret of every positive-probability type ≤ `tolerance`).
    public func equilibrium(fromAgentForm profile: MixedProfile, tolerance: Double = 1e-9) throws(EquilibriumError)
        -> BayesianEquilibrium
    {
        var strategies: [[[Double]]] = []
        var k = 0
        for ts in types {
            strategies.append(
                ts.map { _ in
                    defer { k += 1 }; return profile.probabilities[k]
                })
        }
        return try verified(strategies, tolerance: tolerance)
    }

    /// Maps a mixed strategy profile of the ``exAnteForm(profileLimit:)`` to behaviour strategies per type (Kuhn 1953) and verifies it.
    public func equilibrium(fromExAnte profile: MixedProfile, tolerance: Double = 1e-9) throws(EquilibriumError)
        -> BayesianEquilibrium
    {
        var strategies: [[[Double]]] = []
        for p in 0..<players.count {
            var perType = [[Double]](repeating: [Double](repeating: 0, count: actions[p].count), count: types[p].count)
            for (s, prob) in profile.probabilities[p].enumerated() where prob > 0 {
                let plan = Self.unrank(s, [Int](repeating: actions[p].count, count: types[p].count))
                for t in 0..<types[p].count { perType[t][plan[t]] += prob }
            }
            strategies.append(perType)
        }
        return try verified(strategies, tolerance: tolerance)
    }

    /// Interim payoffs of every action for every player-type against type-contingent strategies, and the regret.
    func verified(_ strategies: [[[Double]]], tolerance: Double) throws(EquilibriumError) -> BayesianEquilibrium {
        let n = players.count
        let tCounts = types.map(\.count)
        // actionValue[p][t][a]: Σ_θ₋ₚ prior(θ) · E[u_p(θ, a, σ₋ₚ(θ₋ₚ))]
        var actionValue = (0..<n).map { p in
            [[Double]](repeating: [Double](repeating: 0, count: actions[p].count), count: types[p].count)
        }
        for t in 0..<typeProfileCount where prior[t] > 0 {
            let theta = Self.unrank(t, tCounts)
            let mixed = MixedProfile(unchecked: (0..<n).map { strategies[$0][theta[$0]] })
            let stage = try! NormalFormGame(players: players, strategies: actions, payoffs: payoffs[t])
            var v: [[Double]] = []
            stage.strategyValues(of: mixed, into: &v)
            for p in 0..<n { for a in 0..<actions[p].count { actionValue[p][theta[p]][a] += prior[t] * v[p][a] } }
        }
        var regret = 0.0
        var interim: [[Double]] = []
        var scale = 1.0
        for u in payoffs { for up in u { for x in up { scale = max(scale, abs(x)) } } }
        for p in 0..<n {
            var row: [Double] = []
            for t in 0..<types[p].count {
                let m = marginal(player: p, type: t)
                if m <= 0 { row.append(0); continue }
                let vals = actionValue[p][t].map { $0 / m }
                let expected = zip(vals, strategies[p][t]).reduce(0) { $0 + $1.0 * $1.1 }
                regret = max(regret, (vals.max() ?? expected) - expected)
                row.append(expected)
            }
            interim.append(row)
        }
        let tol = tolerance * scale
        guard regret <= tol else { throw .verificationFailed(regret: regret, tolerance: tol) }
        return BayesianEquilibrium(strategies: strategies, interimPayoffs: interim, regret: max(0, regret))
    }

    /// All Bayesian Nash equilibria that correspond to extreme equilibria of the ex-ante form (two players),
    /// by vertex enumeration (method ``BayesianNashResult/Method/exAnteVertexEnumeration``); or one equilibrium of
    /// the agent form by logit tracing (any number of players; ``BayesianNashResult/Method/agentFormLogit``, never
    /// complete).
    public func solve(all: Bool = true, tolerance: Double = 1e-9) throws(EquilibriumError) -> BayesianNashResult {
        if all && players.count == 2 {
            let g: NormalFormGame
            do { g = try exAnteForm() } catch { throw .invalidGame(error) }
            var out: [BayesianEquilibrium] = []
            let r = try VertexEnumeration.solve(g, tolerance: tolerance)
            for e in r.equilibria {
                let b = try equilibrium(fromExAnte: e.profile, tolerance: tolerance)
                let duplicate = out.contains { o in
                    zip(o.strategies.joined(), b.strategies.joined()).allSatisfy {
                        zip($0, $1).allSatisfy { abs($0 - $1) < 1e-9 }
                    }
                }
                if !duplicate { out.append(b) }
            }
            return BayesianNashResult(
                method: .exAnteVertexEnumeration, complete: r.complete, equilibria: out,
                incompleteReason: r.incompleteReason, components: 0)
        }
        let agents: NormalFormGame
        do { agents = try agentForm() } catch { throw .invalidGame(error) }
        let e = try LogitPath.solve(agents, tolerance: tolerance).equilibria[0]
        return BayesianNashResult(
            method: .agentFormLogit, complete: false,
            equilibria: [try equilibrium(fromAgentForm: e.profile, tolerance: tolerance)], incompleteReason: nil,
            components: 0)
    }
}
