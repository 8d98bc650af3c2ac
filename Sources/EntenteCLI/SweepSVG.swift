import Foundation

/// Heat maps of a two-parameter `entente sweep` as SVG: small multiples of each actor's choice at the status quo
/// (one panel per actor, one colour per choice), or one panel of the dominant long-run structure.
enum SweepSVG {
    /// What the picture shows.
    enum View: String, CaseIterable {
        /// Each actor's choice at the status quo (one panel per actor).
        case choices
        /// The most likely long-run (absorbing) structure from the status quo.
        case structures
    }

    /// One grid point: its indices along the two axes, the choice of each actor, the dominant structure, whether
    /// the equilibrium was verified, and whether it was found only by the fallback selection (`largestGain`).
    struct Cell {
        let x: Int, y: Int
        let choices: [String]
        let structure: String
        let verified: Bool
        var fallback = false
    }

    static let choiceColours: [String: String] = [
        "join": "#2b6cb0", "seize": "#c53030", "wait": "#d69e2e", "exit": "#a0aec0", "out": "#4a5568",
        "isolated": "#805ad5",
    ]
    static let choiceOrder = ["join", "seize", "wait", "isolated", "exit", "out"]

    /// Distinct colours for structures: golden-angle hues.
    static func structureColour(_ k: Int) -> String {
        let hue = (Double(k) * 137.508).truncatingRemainder(dividingBy: 360)
        return "hsl(\(Int(hue)),\(k % 2 == 0 ? 60 : 45)%,\(k % 3 == 0 ? 52 : 62)%)"
    }

    /// The SVG text. `axes`: (name, values) of the x axis (first `--param`) and the y axis (second).
    static func render(title: String, actors: [String], axes: [(String, [Double])], cells: [Cell], view: View) -> String
    {
        let (xName, xs) = axes[0], (yName, ys) = axes[1]
        let cell = max(12, min(36, 300 / Double(max(xs.count, ys.count))))
        let plotW = cell * Double(xs.count), plotH = cell * Double(ys.count)
        let panelW = plotW + 90, panelH = plotH + 80
        let panels: [String] = view == .choices ? actors : ["long-run structure"]
        let perRow = max(1, min(panels.count, Int(1100 / panelW)))
        let rows = (panels.count + perRow - 1) / perRow
        // Legend entries: (colour, label).
        var legend: [(String, String)] = []
        var colourOfStructure: [String: String] = [:]
        if view == .choices {
            let used = Set(cells.flatMap(\.choices))
            legend = choiceOrder.filter(used.contains).map { (choiceColours[$0]!, $0) }
            legend += used.subtracting(choiceOrder).sorted().map { ("#000000", $0) }
        } else {
            var counts: [String: Int] = [:]
            for c in cells { counts[c.structure, default: 0] += 1 }
            for (k, s) in counts.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }).map(
                \.key
            ).enumerated() {
                colourOfStructure[s] = structureColour(k)
                legend.append((colourOfStructure[s]!, s))
            }
        }
        let legendTop = 50 + Double(rows) * panelH + 10
        let width = max(Double(perRow) * panelW + 40, 640)
        let height = legendTop + 18 * Double(legend.count + 1) + 20
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"sans-serif\">\n"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"#fdfdf8\"/>\n"
        // Unverified grid points are hatched over their colour, so that they stand out at a glance.
        svg +=
            "<defs><pattern id=\"unverified\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"3\" height=\"6\" fill=\"#1a202c\" fill-opacity=\"0.55\"/></pattern></defs>\n"
        let what =
            view == .choices
            ? "choice of each actor at the status quo" : "most likely long-run structure from the status quo"
        svg +=
            "<text x=\"20\" y=\"28\" font-size=\"16\">\(escape(title)): \(what), \(escape(xName)) × \(escape(yName))</text>\n"
        for (p, name) in panels.enumerated() {
            let ox = 20 + Double(p % perRow) * panelW + 60, oy = 50 + Double(p / perRow) * panelH + 20
            svg += "<g class=\"panel\" data-panel=\"\(escape(name))\">\n"
            svg +=
                "<text x=\"\(f(ox))\" y=\"\(f(oy - 6))\" font-size=\"13\" font-weight=\"bold\">\(escape(name))</text>\n"
            for c in cells {
                let label = view == .choices ? c.choices[p] : c.structure
                let colour = view == .choices ? (choiceColours[label] ?? "#000000") : colourOfStructure[label]!
                let x = ox + Double(c.x) * cell, y = oy + plotH - Double(c.y + 1) * cell
                svg +=
                    "<rect class=\"cell\" x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(cell))\" height=\"\(f(cell))\" fill=\"\(colour)\" stroke=\"#fdfdf8\" stroke-width=\"1\">"
                svg +=
                    "<title>\(escape(name)): \(escape(xName)) = \(num(xs[c.x])), \(escape(yName)) = \(num(ys[c.y])): \(escape(label))\(c.verified ? "" : " (not verified)")</title></rect>\n"
                if !c.verified {
                    svg +=
                        "<rect class=\"unverified\" x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(cell))\" height=\"\(f(cell))\" fill=\"url(#unverified)\"/>"
                    svg +=
                        "<text x=\"\(f(x + cell / 2))\" y=\"\(f(y + cell / 2 + 4))\" font-size=\"11\" text-anchor=\"middle\" fill=\"white\">?</text>\n"
                } else if c.fallback {
                    svg +=
                        "<circle class=\"fallback\" cx=\"\(f(x + cell - 5))\" cy=\"\(f(y + 5))\" r=\"2.5\" fill=\"white\" stroke=\"#1a202c\" stroke-width=\"0.8\"/>\n"
                }
            }
            // Axis ticks: every value when they fit, else about eight.
            let xStep = max(1, xs.count / 8), yStep = max(1, ys.count / 8)
            for (k, v) in xs.enumerated() where k % xStep == 0 {
                svg +=
                    "<text x=\"\(f(ox + (Double(k) + 0.5) * cell))\" y=\"\(f(oy + plotH + 14))\" font-size=\"9\" text-anchor=\"middle\">\(num(v))</text>\n"
            }
            for (k, v) in ys.enumerated() where k % yStep == 0 {
                svg +=
                    "<text x=\"\(f(ox - 4))\" y=\"\(f(oy + plotH - (Double(k) + 0.5) * cell + 3))\" font-size=\"9\" text-anchor=\"end\">\(num(v))</text>\n"
            }
            svg +=
                "<text x=\"\(f(ox + plotW / 2))\" y=\"\(f(oy + plotH + 30))\" font-size=\"11\" text-anchor=\"middle\">\(escape(xName))</text>\n"
            svg +=
                "<text x=\"\(f(ox - 44))\" y=\"\(f(oy + plotH / 2))\" font-size=\"11\" text-anchor=\"middle\" transform=\"rotate(-90 \(f(ox - 44)) \(f(oy + plotH / 2)))\">\(escape(yName))</text>\n"
            svg += "</g>\n"
        }
        svg += "<g class=\"legend\">\n"
        for (k, (colour, label)) in legend.enumerated() {
            let y = legendTop + 18 * Double(k)
            svg += "<rect x=\"20\" y=\"\(f(y))\" width=\"12\" height=\"12\" fill=\"\(colour)\"/>"
            svg += "<text x=\"38\" y=\"\(f(y + 10))\" font-size=\"11\">\(escape(label))</text>\n"
        }
        var notes: [String] = []
        if cells.contains(where: { !$0.verified }) {
            notes.append("hatched with ? = no verified equilibrium at this grid point")
        }
        if cells.contains(where: { $0.verified && $0.fallback }) {
            notes.append("white dot = verified with the fallback selection (largestGain)")
        }
        if !notes.isEmpty {
            svg +=
                "<text x=\"20\" y=\"\(f(legendTop + 18 * Double(legend.count) + 10))\" font-size=\"11\">\(escape(notes.joined(separator: "; ")))</text>\n"
        }
        svg += "</g>\n"
        return svg + "</svg>\n"
    }

    static func f(_ x: Double) -> String { String(format: "%.1f", x) }
    static func num(_ x: Double) -> String { Format.number(x) }
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;"
        )
        .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
