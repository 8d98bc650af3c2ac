/// Whether an actor wants to keep the system as it is or to gain from changing it (Schweller 1994; Kydd 1997).
public enum ActorType: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Status quo: values security, balances against threat.
    case statusQuo
    /// Power-acquiring (revisionist): values gains, bandwagons for profit.
    case powerAcquiring
    /// Private type: the probability (in [0, 1]) that the actor is power-acquiring.
    case uncertain(probabilityPowerAcquiring: Double)

    /// Probability that the actor is power-acquiring.
    public var probabilityPowerAcquiring: Double {
        switch self {
        case .statusQuo: return 0
        case .powerAcquiring: return 1
        case .uncertain(let p): return p
        }
    }

    public var description: String {
        switch self {
        case .statusQuo: return "statusQuo"
        case .powerAcquiring: return "powerAcquiring"
        case .uncertain(let p): return "P(powerAcquiring)=\(p)"
        }
    }
}

/// A state in a scenario: one of its actors. (Named `Country` rather than `Actor` so that it does not shadow
/// Swift concurrency's `Actor` protocol in code that imports Entente.)
public struct Country: Sendable, Equatable {
    /// Short identifier (COW abbreviation, e.g. "GMY").
    public var id: String
    /// Display name.
    public var name: String
    /// Aggregate capability (CINC, or any non-negative measure on a common scale).
    public var capability: Double
    /// Mean military share (P·O in the threat formula); defaults to `capability` (offensive emphasis 1).
    public var militaryShare: Double
    /// Status quo, power-acquiring, or uncertain.
    public var type: ActorType
    /// Capital as (latitude, longitude) in degrees.
    public var capital: (latitude: Double, longitude: Double)?

    /// An actor; `militaryShare` defaults to `capability` (offensive emphasis 1), `name` to `id`.
    public init(
        id: String, name: String? = nil, capability: Double, militaryShare: Double? = nil,
        type: ActorType = .statusQuo, capital: (latitude: Double, longitude: Double)? = nil
    ) {
        self.id = id
        self.name = name ?? id
        self.capability = capability
        self.militaryShare = militaryShare ?? capability
        self.type = type
        self.capital = capital
    }

    /// Offensive emphasis O = military share / capability.
    public var offensiveEmphasis: Double { capability > 0 ? militaryShare / capability : 1 }

    public static func == (a: Country, b: Country) -> Bool {
        a.id == b.id && a.name == b.name && a.capability == b.capability && a.militaryShare == b.militaryShare
            && a.type == b.type && a.capital?.latitude == b.capital?.latitude
            && a.capital?.longitude == b.capital?.longitude
    }
}
