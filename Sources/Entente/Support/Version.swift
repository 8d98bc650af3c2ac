/// Facts about this build of the library. (Not named `Entente`: a type named like its module would make
/// module-qualified names such as `Entente.Matrix` fail to resolve.)
public enum EntenteLibrary {
    /// The semantic version of this release of Entente.
    public static let version = "0.1.0"
}
