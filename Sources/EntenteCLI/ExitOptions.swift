import ArgumentParser
import Entente

/// Options on opting out and equilibrium selection, shared by `dynamics` and `sweep`.
struct ExitOptions: ParsableArguments {
    @Flag(help: "Disallow opting out.") var noExit = false
    @Flag(help: "Opting out only before any alliance is contracted (while every actor is alone).")
    var exitBeforeContracting = false
    @Option(
        help:
            "Equilibrium selection of the search: reversibleFirst (default; opting out only where no alliance move is a best response) or largestGain."
    ) var selection: String = "reversibleFirst"
    @Option(
        help:
            "Whom a declared neutral faces: facingBlocs (default; each threat with its current bloc) or facingEveryone (each threat backed by all the others: exit is no commitment)."
    ) var neutrality: String = "facingBlocs"

    func validate() throws {
        guard MoveSelection(rawValue: selection) != nil else {
            throw ValidationError("--selection must be reversibleFirst or largestGain, got '\(selection)'")
        }
        guard Neutrality(rawValue: neutrality) != nil else {
            throw ValidationError("--neutrality must be facingBlocs or facingEveryone, got '\(neutrality)'")
        }
    }

    /// Writes the options into the game's parameters.
    func apply(to p: inout AllianceFormationGame.Parameters) {
        p.allowExit = !noExit
        p.exitOnlyBeforeContracting = exitBeforeContracting
        p.selection = MoveSelection(rawValue: selection) ?? .reversibleFirst
        p.neutrality = Neutrality(rawValue: neutrality) ?? .facingBlocs
    }
}
