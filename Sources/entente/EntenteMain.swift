import EntenteCLI

/// The `entente` program: everything it does is in the EntenteCLI library (commands, reports, pictures).
@main
enum EntenteMain {
    static func main() { EntenteCommand.main() }
}
