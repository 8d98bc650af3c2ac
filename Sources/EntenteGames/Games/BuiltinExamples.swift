/// Small built-in games used by the CLI's default job and the docs.
public enum BuiltinExamples {
    /// A named two-player zero-sum game.
    public struct ZeroSumExample: Sendable {
        /// Title.
        public let name: String
        /// Row and column strategy names.
        public let rowLabels: [String]
        public let columnLabels: [String]
        /// Row player's payoffs.
        public let payoffs: Matrix
    }

    /// A 3×3 zero-sum "defend or attack" game: the defender picks a front to reinforce, the attacker a
    /// front to attack; payoffs are the defender's. Value 1/21 with both players mixing (6, 11, 4)/21.
    public static let zeroSum = ZeroSumExample(
        name: "Defender vs attacker on three fronts (zero-sum; payoffs to the defender)",
        rowLabels: ["reinforce north", "reinforce centre", "reinforce south"],
        columnLabels: ["attack north", "attack centre", "attack south"],
        payoffs: try! Matrix(rowArrays: [[2, -1, 0], [-1, 1, -1], [0, -1, 3]]))
}
