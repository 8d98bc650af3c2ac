import Entente
import Foundation

/// Draws the alliance map: actors as circles sized by capability at their capitals (equirectangular
/// projection), coloured by bloc (status-quo setting), threat edges weighted by the threat.
enum AllianceMapSVG {
    static let colours = ["#2b6cb0", "#c53030", "#718096"]

    static func render(_ a: AllianceAnalysis, width: Double = 900, height: Double = 600) -> String {
        let s = a.scenario
        let n = s.actorCount
        // Positions: capitals if all known, otherwise a circle.
        var pts: [(Double, Double)] = []
        if s.actors.allSatisfy({ $0.capital != nil }) {
            let lat = s.actors.map { $0.capital!.latitude }, lng = s.actors.map { $0.capital!.longitude }
            let x0: Double = lng.min()! - 5, x1: Double = lng.max()! + 5
            let y0: Double = lat.min()! - 5, y1: Double = lat.max()! + 5
            let sx: Double = (width - 120) / max(x1 - x0, 1), sy: Double = (height - 160) / max(y1 - y0, 1)
            for i in 0..<n {
                let x: Double = 60 + (lng[i] - x0) * sx
                let y: Double = 60 + (y1 - lat[i]) * sy
                pts.append((x, y))
            }
        } else {
            for i in 0..<n {
                let angle: Double = 2 * Double.pi * Double(i) / Double(n)
                pts.append((width / 2 + 220 * cos(angle), height / 2 + 200 * sin(angle)))
            }
        }
        let maxCap = s.actors.map(\.capability).max() ?? 1
        var maxThreat = 1e-12
        for i in 0..<n { for j in 0..<n { maxThreat = max(maxThreat, a.threat[i, j]) } }
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"sans-serif\">\n"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"#fdfdf8\"/>\n"
        svg +=
            "<text x=\"20\" y=\"30\" font-size=\"18\">\(escape(s.name))\(s.year.map { " (\($0))" } ?? ""): blocs against threat</text>\n"
        for i in 0..<n {
            for j in (i + 1)..<n {
                let t = a.threat[i, j] + a.threat[j, i]
                guard t > 0.02 * maxThreat else { continue }
                let w = 0.5 + 8 * t / (2 * maxThreat)
                svg +=
                    "<line x1=\"\(f(pts[i].0))\" y1=\"\(f(pts[i].1))\" x2=\"\(f(pts[j].0))\" y2=\"\(f(pts[j].1))\" stroke=\"#dd6b20\" stroke-opacity=\"0.45\" stroke-width=\"\(f(w))\"/>\n"
            }
        }
        for i in 0..<n {
            let side = a.statusQuo.sides[i]
            let colour = colours[side ?? 2]
            let r = 8 + 40 * (s.actors[i].capability / maxCap).squareRoot()
            svg +=
                "<circle cx=\"\(f(pts[i].0))\" cy=\"\(f(pts[i].1))\" r=\"\(f(r))\" fill=\"\(colour)\" fill-opacity=\"0.8\" stroke=\"#1a202c\"/>\n"
            svg +=
                "<text x=\"\(f(pts[i].0))\" y=\"\(f(pts[i].1 + 4))\" font-size=\"12\" text-anchor=\"middle\" fill=\"white\">\(escape(s.actors[i].id))</text>\n"
        }
        let legendY = height - 70
        svg +=
            "<text x=\"20\" y=\"\(f(legendY))\" font-size=\"12\">circle area ∝ capability (CINC); orange lines: mutual threat (width ∝ threat); colours: the two blocs (status-quo setting), grey = stays out</text>\n"
        for (k, source) in s.sources.enumerated() {
            svg +=
                "<text x=\"20\" y=\"\(f(legendY + 16 + 13 * Double(k)))\" font-size=\"10\" fill=\"#4a5568\">\(escape(source))</text>\n"
        }
        return svg + "</svg>\n"
    }

    static func f(_ x: Double) -> String { String(format: "%.1f", x) }
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;")
    }
}
