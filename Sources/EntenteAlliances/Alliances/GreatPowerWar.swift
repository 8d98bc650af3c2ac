/// A COW inter-state war in which great powers fought each other: its number, start year and the great powers
/// that took part, with their sides.
///
/// Built by ``GreatPowerHistory`` from ``WarParticipation`` rows (COW Inter-State War v4.0).
public struct GreatPowerWar: Sendable, Equatable {
    /// COW war number.
    public let warnum: Int
    /// First year of the war.
    public let startYear: Int
    /// The participating great powers, sorted by COW code.
    public let participants: [WarParticipation]

    /// Memberwise initialiser; sorts the participants by code. O(k log k).
    public init(warnum: Int, startYear: Int, participants: [WarParticipation]) {
        self.warnum = warnum; self.startYear = startYear
        self.participants = participants.sorted { $0.ccode < $1.ccode }
    }

    /// Every unordered pair of participants (`ccode1 < ccode2`) and whether they fought on the same side. O(k²).
    public var pairs: [(ccode1: Int, ccode2: Int, sameSide: Bool)] {
        var out: [(ccode1: Int, ccode2: Int, sameSide: Bool)] = []
        for a in 0..<participants.count {
            for b in (a + 1)..<participants.count where participants[a].ccode != participants[b].ccode {
                out.append((participants[a].ccode, participants[b].ccode, participants[a].side == participants[b].side))
            }
        }
        return out
    }
}
