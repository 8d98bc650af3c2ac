import Foundation
import Testing

// @testable: the picture is drawn by the CLI's internal SweepSVG from grid cells.
@testable import EntenteCLI

/// What `sweep --svg` shows of each grid point's verification.
@Suite struct SweepPictureTests {
    @Test func unverifiedPointsAreHatchedAndFallbackPointsMarked() {
        let cells = [
            SweepSVG.Cell(x: 0, y: 0, choices: ["join", "wait"], structure: "{A,B}", verified: true),
            SweepSVG.Cell(x: 1, y: 0, choices: ["wait", "wait"], structure: "{A} {B}", verified: false),
            SweepSVG.Cell(
                x: 0, y: 1, choices: ["join", "join"], structure: "{A,B}", verified: true, fallback: true),
            SweepSVG.Cell(x: 1, y: 1, choices: ["exit", "wait"], structure: "{B} out: A", verified: true),
        ]
        let svg = SweepSVG.render(
            title: "toy", actors: ["A", "B"], axes: [("kappa", [0, 0.1]), ("lambda", [0, 1])], cells: cells,
            view: .choices)
        // One hatched overlay and one fallback dot per panel (two panels), and both explained in the legend.
        #expect(svg.components(separatedBy: "fill=\"url(#unverified)\"").count - 1 == 2)
        #expect(svg.components(separatedBy: "class=\"fallback\"").count - 1 == 2)
        #expect(svg.contains("no verified equilibrium at this grid point"))
        #expect(svg.contains("fallback selection (largestGain)"))
        let clean = SweepSVG.render(
            title: "toy", actors: ["A", "B"], axes: [("kappa", [0, 0.1]), ("lambda", [0, 1])],
            cells: cells.map {
                SweepSVG.Cell(x: $0.x, y: $0.y, choices: $0.choices, structure: $0.structure, verified: true)
            }, view: .structures)
        #expect(!clean.contains("url(#unverified)\"/>") && !clean.contains("class=\"fallback\""))
    }
}
