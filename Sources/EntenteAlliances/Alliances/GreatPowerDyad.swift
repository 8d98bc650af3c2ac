/// One unordered pair of great powers in one year (`ccode1 < ccode2`): geography and rivalry.
///
/// Sources: haversine capital distance, COW Direct Contiguity v3.2 (lowest type in any
/// month of the year), CShapes 2.0 minimum distance (1886 on), Thompson–Dreyer strategic rivalry active that year.
public struct GreatPowerDyad: Sendable, Equatable, Hashable {
    /// The year.
    public let year: Int
    /// COW codes, `ccode1 < ccode2`.
    public let ccode1: Int, ccode2: Int
    /// Great-circle distance between the capitals, km.
    public let capitalDistanceKm: Double
    /// COW direct contiguity type: 1 land; 2–5 separated by ≤ 12, 24, 150, 400 miles of water; 0 none (not ordinal).
    public let contiguity: Int
    /// Minimum distance between the territories on 1 January, km; `nil` before 1886 (no coverage).
    public let minDistanceKm: Double?
    /// A Thompson–Dreyer strategic rivalry is active in the year.
    public let rivalry: Bool

    /// Land contiguity (type 1).
    public var landContiguous: Bool { contiguity == 1 }
    /// Any direct contiguity (types 1–5).
    public var contiguous: Bool { contiguity >= 1 }

    /// Memberwise initialiser. O(1).
    public init(
        year: Int, ccode1: Int, ccode2: Int, capitalDistanceKm: Double, contiguity: Int, minDistanceKm: Double?,
        rivalry: Bool
    ) {
        self.year = year; self.ccode1 = ccode1; self.ccode2 = ccode2
        self.capitalDistanceKm = capitalDistanceKm; self.contiguity = contiguity; self.minDistanceKm = minDistanceKm
        self.rivalry = rivalry
    }
}
