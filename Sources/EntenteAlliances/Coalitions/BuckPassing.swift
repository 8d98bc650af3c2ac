import Foundation

/// Buck-passing as a volunteer's dilemma (Diekmann 1985; Christensen & Snyder 1990): n symmetric status-quo states
/// each get b if at least one balances (a window that closes after one period), and a balancer pays c < b.
public enum BuckPassing {
    /// The symmetric mixed equilibrium: each state balances with probability 1 − (c/b)^{1/(n−1)}; nobody balances
    /// with probability (c/b)^{n/(n−1)}, which rises with n.
    public struct Equilibrium: Sendable {
        /// Probability that each state balances.
        public let balanceProbability: Double
        /// Probability that nobody balances.
        public let nobodyBalances: Double
    }

    /// Closed form. Throws for n < 2 or costs outside 0 < c < b.
    public static func symmetricEquilibrium(states n: Int, benefit b: Double = 1, cost c: Double) throws(DynamicsError)
        -> Equilibrium
    {
        guard n >= 2 else { throw .invalidParameter(name: "states (need at least 2)") }
        guard b > 0, c > 0, c < b, b.isFinite else { throw .invalidParameter(name: "cost (need 0 < c < b)") }
        let wait = pow(c / b, 1 / Double(n - 1))
        return Equilibrium(balanceProbability: 1 - wait, nobodyBalances: pow(wait, Double(n)))
    }

    /// The same situation as an n-player normal-form game (strategies: balance, pass) for the Nash solvers.
    /// O(n·2ⁿ) payoffs.
    /// Throws `.invalidParameter` unless 1 ≤ n ≤ 24 (2ⁿ profiles within ``NormalFormGame/defaultProfileLimit``) and
    /// b, c are finite.
    public static func normalFormGame(states n: Int, benefit b: Double = 1, cost c: Double) throws -> NormalFormGame {
        guard n >= 1, n <= 24 else {
            throw DynamicsError.invalidParameter(name: "states (must be in 1…24: 2^n strategy profiles)")
        }
        guard b.isFinite, c.isFinite else {
            throw DynamicsError.invalidParameter(name: "benefit and cost (must be finite)")
        }
        let total = 1 << n
        var payoffs = [[Double]](repeating: [Double](repeating: 0, count: total), count: n)
        for k in 0..<total {
            // Strategy 0 = balance, 1 = pass; bit i of k is player i's strategy.
            let someoneBalances = (0..<n).contains { k & (1 << $0) == 0 }
            for i in 0..<n {
                let balances = k & (1 << i) == 0
                payoffs[i][k] = (someoneBalances ? b : 0) - (balances ? c : 0)
            }
        }
        return try NormalFormGame(
            title: "buck-passing (volunteer's dilemma)", players: (1...n).map { "state \($0)" },
            strategies: [[String]](repeating: ["balance", "pass"], count: n), payoffs: payoffs)
    }
}
