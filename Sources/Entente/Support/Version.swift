/// Library-wide constants.
public enum Entente {
    /// The semantic version of this release of Entente.
    public static let version = "0.1.0"
}
