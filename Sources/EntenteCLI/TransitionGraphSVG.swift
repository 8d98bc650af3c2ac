import Entente
import Foundation

/// Draws the transition graph of alliance structures reachable from the status quo under an equilibrium process:
/// states in columns by distance from the status quo, arrows weighted by transition probability, absorbing
/// structures outlined in green.
enum TransitionGraphSVG {
    static func render(_ settings: [(String, AllianceFormationGame, AllianceDynamicsResult)], maxNodes: Int = 40)
        -> String
    {
        let columnWidth = 400.0, rowHeight = 46.0, panelGap = 40.0
        var panels: [(String, AllianceFormationGame, AllianceDynamicsResult, [[Int]])] = []
        for (label, g, r) in settings {
            // BFS layers over states with positive transition probability.
            let p = g.transitionRows(r)
            var depth: [Int: Int] = [r.initialState: 0]
            var queue = [r.initialState]
            var head = 0
            while head < queue.count && depth.count < maxNodes {
                let x = queue[head]; head += 1
                for (y, w) in p[x] where w > 0 && depth[y] == nil && depth.count < maxNodes {
                    depth[y] = depth[x]! + 1
                    queue.append(y)
                }
            }
            let layers = (0...(depth.values.max() ?? 0)).map { d in depth.filter { $0.value == d }.map(\.key).sorted() }
            panels.append((label, g, r, layers))
        }
        let width = 40 + columnWidth * Double(panels.map { $0.3.count }.max() ?? 1)
        let panelHeights = panels.map { 60 + rowHeight * Double($0.3.map(\.count).max() ?? 1) }
        let height = panelHeights.reduce(20, +) + panelGap * Double(panels.count)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"sans-serif\">\n"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"#fdfdf8\"/>\n"
        svg +=
            "<defs><marker id=\"arrow\" markerUnits=\"userSpaceOnUse\" markerWidth=\"8\" markerHeight=\"8\" refX=\"8\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#4a5568\"/></marker></defs>\n"
        var top = 20.0
        for (k, (label, g, r, layers)) in panels.enumerated() {
            svg +=
                "<text x=\"20\" y=\"\(f(top + 18))\" font-size=\"16\">\(escape(label)) — \(r.verified ? "verified equilibrium process" : "NOT verified") (\(escape(r.evaluation)))</text>\n"
            var position: [Int: (Double, Double)] = [:]
            for (d, layer) in layers.enumerated() {
                for (row, x) in layer.enumerated() {
                    position[x] = (30 + columnWidth * Double(d), top + 40 + rowHeight * Double(row))
                }
            }
            let p = g.transitionRows(r)
            let absorbing = Set(r.absorbing.map(\.state))
            for (x, (px, py)) in position {
                for (y, w) in p[x] where w > 0 && y != x {
                    guard let (qx, qy) = position[y] else { continue }
                    svg +=
                        "<line x1=\"\(f(px + columnWidth - 40))\" y1=\"\(f(py + 14))\" x2=\"\(f(qx))\" y2=\"\(f(qy + 14))\" stroke=\"#4a5568\" stroke-width=\"\(f(0.5 + 2.5 * w))\" marker-end=\"url(#arrow)\"/>\n"
                    svg +=
                        "<text x=\"\(f((px + columnWidth - 40 + qx) / 2))\" y=\"\(f((py + qy) / 2 + 10))\" font-size=\"9\" fill=\"#4a5568\">\(String(format: "%.2f", w))</text>\n"
                }
            }
            for (x, (px, py)) in position {
                let colour = absorbing.contains(x) ? "#2f855a" : (x == r.initialState ? "#2b6cb0" : "#718096")
                svg +=
                    "<rect x=\"\(f(px))\" y=\"\(f(py))\" width=\"\(f(columnWidth - 40))\" height=\"28\" rx=\"6\" fill=\"white\" stroke=\"\(colour)\" stroke-width=\"\(absorbing.contains(x) ? 2.5 : 1.2)\"/>\n"
                svg += "<text x=\"\(f(px + 6))\" y=\"\(f(py + 18))\" font-size=\"9\">\(escape(g.describe(x)))</text>\n"
            }
            top += panelHeights[k] + panelGap
        }
        return svg + "</svg>\n"
    }

    static func f(_ x: Double) -> String { String(format: "%.1f", x) }
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;")
    }
}
