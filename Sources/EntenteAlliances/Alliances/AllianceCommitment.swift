/// ATOP 5.1 obligations between two great powers in one year (unordered pair, `ccode1 < ccode2`): a flag is set if
/// either state has that obligation towards the other in an alliance in force at some time in the year.
///
/// Source: Leeds et al. (2002), ATOP 5.1 directed dyad-years collapsed to unordered pairs.
public struct AllianceCommitment: Sendable, Equatable, Hashable {
    /// The year.
    public let year: Int
    /// COW codes, `ccode1 < ccode2`.
    public let ccode1: Int, ccode2: Int
    /// Defense, offense, neutrality, non-aggression and consultation obligations.
    public let defense: Bool, offense: Bool, neutral: Bool, nonaggression: Bool, consultation: Bool

    /// The outcome the validation scores: a defense or an offense commitment (ATOP's "alliance" in the narrow sense).
    public var isAlliance: Bool { defense || offense }

    /// Memberwise initialiser; the codes may come in either order. O(1).
    public init(
        year: Int, ccode1: Int, ccode2: Int, defense: Bool, offense: Bool, neutral: Bool = false,
        nonaggression: Bool = false, consultation: Bool = false
    ) {
        self.year = year
        self.ccode1 = min(ccode1, ccode2); self.ccode2 = max(ccode1, ccode2)
        self.defense = defense; self.offense = offense; self.neutral = neutral
        self.nonaggression = nonaggression; self.consultation = consultation
    }
}
