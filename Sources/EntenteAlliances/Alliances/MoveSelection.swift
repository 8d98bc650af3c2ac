/// How the equilibrium search of the dynamic alliance games ranks the justified moves of a state when it picks a best
/// response — an equilibrium selection rule. It never changes which processes are equilibria (every returned process
/// is re-verified against the same Konishi–Ray conditions); it changes which one the search reaches first.
///
/// - ``reversibleFirst`` (default): opting out is a last resort. Declared neutrality is absorbing, alliances are not,
///   so a state where some coalition has a strictly profitable alliance move resolves that move first, and an exit is
///   a best response only where no alliance move is. Among moves of the same kind, the largest smallest mover gain
///   wins. This is the irreversibility premium of investment under uncertainty (Dixit & Pindyck 1994) applied to
///   selection: the search does not let an actor commit for good where the others still have reversible ways out of
///   the state. Without it, an equilibrium in which a great power opts out facing its top threat — exit as a
///   commitment that makes the others regroup — was reached on europe-1870 although one without any exit exists.
/// - ``largestGain``: every justified move ranks by its smallest mover gain alone (the search before this rule).
public enum MoveSelection: String, Sendable, CaseIterable {
    /// Alliance moves before exits; then the largest smallest mover gain.
    case reversibleFirst
    /// The largest smallest mover gain, exits included.
    case largestGain

    /// Whether a candidate (is it an exit, smallest gain `gain`) ranks above the current best, if any.
    /// O(1).
    @inline(__always) func prefers(
        exit: Bool, gain: Double, over best: (exit: Bool, gain: Double)?, tolerance: Double
    ) -> Bool {
        guard let best else { return true }
        if self == .reversibleFirst && exit != best.exit { return !exit }
        return gain > best.gain + tolerance
    }
}
