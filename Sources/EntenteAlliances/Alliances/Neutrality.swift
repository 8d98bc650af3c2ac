/// Whom a declared neutral (an actor that opted out of the dynamic alliance game) is taken to face each period — and so
/// whether opting out can serve as a commitment.
///
/// Both rules multiply the neutral's security loss by ν (``AllianceFormationGame/Parameters/neutralExposure``) and add
/// the neutrality dividend (``AllianceFormationGame/Parameters/exitPayoff``); they differ in the strength behind each
/// threat.
///
/// - ``facingBlocs`` (default): each threat j backed by the bloc j belongs to at the time, the loss of a state standing
///   alone in the structure (``ConflictStage``). The neutral's payoff then depends on how the others group after its
///   exit, so an exit can pay as a commitment: a threatened state declares neutrality so that the others regroup into a
///   structure better for it.
/// - ``facingEveryone``: each threat j backed by all the other actors, `−ν·Σ_j T[i←j]·(1 − p(r_i vs 1 − r_i))` with p
///   the contest success function — a declared neutral can count on no one and anyone may join against it. The
///   exposure does not depend on how the others group, so opting out has no commitment value by construction: a state
///   opts out only when this fixed exposure plus the dividend beats what it expects in the game.
///
/// - Complexity: O(n) per neutral per state for ``facingEveryone``; ``facingBlocs`` reuses the stage's payoffs.
public enum Neutrality: String, Sendable, CaseIterable {
    /// Each threat with the strength of its current bloc (depends on the others' structure).
    case facingBlocs
    /// Each threat with the strength of all the other actors together (independent of the structure).
    case facingEveryone
}
