/// One great power's participation in a COW inter-state war in which it fought another great power.
///
/// Source: COW Inter-State War v4.0 (Sarkees & Wayman 2010) via the peacesciencer R package (Miller 2022).
public struct WarParticipation: Sendable, Equatable, Hashable {
    /// COW war number.
    public let warnum: Int
    /// First year of the war (any participant).
    public let startYear: Int
    /// The state's COW code.
    public let ccode: Int
    /// The state's COW abbreviation (empty if a supplied file has none).
    public let abb: String
    /// COW side code (1 or 2): states with the same code fought on the same side.
    public let side: Int
    /// COW codes the state as an initiator.
    public let initiator: Bool
    /// COW outcome code (1 winner, 2 loser, 3 compromise, …).
    public let outcome: Int
    /// First and last year the state is recorded fighting another great power in the war.
    public let firstYear: Int, lastYear: Int

    /// Memberwise initialiser. O(1).
    public init(
        warnum: Int, startYear: Int, ccode: Int, abb: String, side: Int, initiator: Bool = false, outcome: Int = 0,
        firstYear: Int? = nil, lastYear: Int? = nil
    ) {
        self.warnum = warnum; self.startYear = startYear; self.ccode = ccode; self.abb = abb; self.side = side
        self.initiator = initiator; self.outcome = outcome
        self.firstYear = firstYear ?? startYear; self.lastYear = lastYear ?? firstYear ?? startYear
    }
}
