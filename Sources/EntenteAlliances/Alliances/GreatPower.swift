/// One great power in one year of ``GreatPowerHistory``: its COW codes, NMC v7.0 capabilities and capital.
///
/// Source: COW major powers v2016 (a state counts in a year if it was a major power on 1 January or became one during
/// the year), NMC v7.0, COW capitals via the peacesciencer R package (capital in force on 1 January).
public struct GreatPower: Sendable, Equatable {
    /// COW numeric state code (e.g. 255 for Prussia/Germany).
    public let ccode: Int
    /// COW three-letter abbreviation (e.g. "GMY").
    public let abb: String
    /// NMC components: military expenditure (thousands of current £ to 1913, US$ from 1914), military personnel
    /// (thousands), iron and steel (thousand tons), primary energy (thousand coal-ton equivalents), total and urban
    /// population (thousands). `nil` where NMC codes −9 (missing).
    public let milex: Double?, milper: Double?, irst: Double?, pec: Double?, tpop: Double?, upop: Double?
    /// Composite Index of National Capability as published (share of the world, all states).
    public let cinc: Double
    /// Mean of the state's shares of the world military expenditure and personnel (skipping a missing one): P·O
    /// in the threat formula, as ``CINC/scores(_:)`` computes it.
    public let militaryShare: Double
    /// Capital name (in force on 1 January).
    public let capital: String
    /// Capital latitude and longitude (WGS84 degrees).
    public let latitude: Double, longitude: Double

    /// Memberwise initialiser. O(1).
    public init(
        ccode: Int, abb: String, milex: Double?, milper: Double?, irst: Double?, pec: Double?, tpop: Double?,
        upop: Double?, cinc: Double, militaryShare: Double, capital: String, latitude: Double, longitude: Double
    ) {
        self.ccode = ccode; self.abb = abb
        self.milex = milex; self.milper = milper; self.irst = irst; self.pec = pec; self.tpop = tpop; self.upop = upop
        self.cinc = cinc; self.militaryShare = militaryShare
        self.capital = capital; self.latitude = latitude; self.longitude = longitude
    }
}
