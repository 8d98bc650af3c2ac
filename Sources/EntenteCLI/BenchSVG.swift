import Entente
import Foundation

/// The scaling plot of `entente bench --svg`: median time against size on log–log axes, Entente's curve with its
/// points, and one dashed curve per peer from the peer script's file.
enum BenchSVG {
    static let colours = ["#c53030", "#2b6cb0", "#2f855a", "#d69e2e", "#6b46c1", "#319795", "#718096"]

    static func render(report: SolverBenchmark.Report, peers: [PeerTimings.Curve], note: String) -> String {
        let own = report.rows.map { (Double($0.size), $0.median) }
        var series: [(name: String, points: [(Double, Double)], dashed: Bool)] = [
            ("Entente (entente bench)", own, false)
        ]
        for p in peers where !p.points.isEmpty {
            series.append((p.peer, p.points.map { (Double($0.size), $0.seconds) }, true))
        }
        let all = series.flatMap(\.points)
        let width = 640.0, height = 420.0, left = 70.0, right = 200.0, top = 40.0, bottom = 60.0
        let plotW = width - left - right, plotH = height - top - bottom
        guard !all.isEmpty else {
            return
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"80\"><text x=\"10\" y=\"40\" font-family=\"sans-serif\" font-size=\"13\">\(escape(report.family.title)): no sizes measured</text></svg>\n"
        }
        // Size axis: a little beyond the measured range; time axis: whole decades.
        let xMin = log10(all.map(\.0).min()!), xMax = log10(all.map(\.0).max()!)
        let pad = max(xMax - xMin, 0.3) * 0.06
        let xLo = xMin - pad, xHi = xMax + pad
        let yLo = floor(log10(all.map(\.1).min()!)), yHi = max(ceil(log10(all.map(\.1).max()!)), yLo + 1)
        func px(_ x: Double) -> Double { left + (log10(x) - xLo) / (xHi - xLo) * plotW }
        func py(_ y: Double) -> Double { top + plotH - (log10(y) - yLo) / (yHi - yLo) * plotH }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"sans-serif\" font-size=\"11\">\n"
        s += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        s += "<text x=\"\(f(left))\" y=\"22\" font-size=\"13\">\(escape(report.family.title))</text>\n"
        // Decade grid lines with labels on the time axis.
        for e in stride(from: yLo, through: yHi, by: 1) {
            let y = py(pow(10, e))
            s +=
                "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(left + plotW))\" y2=\"\(f(y))\" stroke=\"#e2e8f0\"/>\n"
            s += "<text x=\"\(f(left - 6))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(secondsLabel(pow(10, e)))</text>\n"
        }
        // Ticks at the measured sizes when there are few of them, else at 1, 2, 5 × 10ᵉ.
        let measured = Set(all.map(\.0)).sorted()
        var xTicks = measured
        if measured.count > 12 {
            xTicks = []
            for e in stride(from: floor(xLo), through: ceil(xHi), by: 1) {
                for m in [1.0, 2, 5] where log10(m) + e >= xLo && log10(m) + e <= xHi { xTicks.append(m * pow(10, e)) }
            }
        }
        for x in xTicks {
            s +=
                "<line x1=\"\(f(px(x)))\" y1=\"\(f(top))\" x2=\"\(f(px(x)))\" y2=\"\(f(top + plotH))\" stroke=\"#e2e8f0\"/>\n"
            s +=
                "<text x=\"\(f(px(x)))\" y=\"\(f(top + plotH + 16))\" text-anchor=\"middle\">\(Int(x.rounded()))</text>\n"
        }
        s +=
            "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\" fill=\"none\" stroke=\"#4a5568\"/>\n"
        s +=
            "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(height - 24))\" text-anchor=\"middle\">size n (log scale)</text>\n"
        s +=
            "<text x=\"14\" y=\"\(f(top + plotH / 2))\" transform=\"rotate(-90 14 \(f(top + plotH / 2)))\" text-anchor=\"middle\">median time (log scale)</text>\n"
        s += "<text x=\"\(f(left))\" y=\"\(f(height - 6))\" fill=\"#718096\">\(escape(note))</text>\n"
        for (k, c) in series.enumerated() {
            let colour = colours[k % colours.count]
            let pts = c.points.sorted { $0.0 < $1.0 }.map { "\(f(px($0.0))),\(f(py($0.1)))" }.joined(separator: " ")
            s +=
                "<polyline points=\"\(pts)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"\(c.dashed ? 1.5 : 2.5)\"\(c.dashed ? " stroke-dasharray=\"5 3\"" : "")/>\n"
            for p in c.points {
                s +=
                    "<circle cx=\"\(f(px(p.0)))\" cy=\"\(f(py(p.1)))\" r=\"\(c.dashed ? 2.5 : 3.5)\" fill=\"\(colour)\"/>\n"
            }
            let ly = top + 10 + Double(k) * 18
            s +=
                "<line x1=\"\(f(left + plotW + 12))\" y1=\"\(f(ly))\" x2=\"\(f(left + plotW + 36))\" y2=\"\(f(ly))\" stroke=\"\(colour)\" stroke-width=\"2\"\(c.dashed ? " stroke-dasharray=\"5 3\"" : "")/>\n"
            s += "<text x=\"\(f(left + plotW + 42))\" y=\"\(f(ly + 4))\">\(escape(c.name))</text>\n"
        }
        if let fit = report.fit {
            let ly = top + 10 + Double(series.count) * 18 + 8
            let law =
                !fit.isComparable
                ? "fit: n^\(String(format: "%.2f", fit.exponent)) (2 sizes)"
                : fit.polynomialFitsBetter
                    ? "fit: a·n^\(String(format: "%.2f", fit.exponent))"
                    : "fit: a·\(String(format: "%.3f", fit.base))^n"
            s += "<text x=\"\(f(left + plotW + 12))\" y=\"\(f(ly))\">\(escape(law))</text>\n"
        }
        return s + "</svg>\n"
    }

    static func secondsLabel(_ t: Double) -> String {
        if t < 1e-6 { return "\(Int((t * 1e9).rounded())) ns" }
        if t < 1e-3 { return "\(Int((t * 1e6).rounded())) µs" }
        if t < 1 { return "\(Int((t * 1e3).rounded())) ms" }
        return "\(Int(t.rounded())) s"
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;")
    }
}
