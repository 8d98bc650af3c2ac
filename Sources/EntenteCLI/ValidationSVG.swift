import Entente
import Foundation

/// Draws a validation report: left, the reliability diagram (calibration curve: mean predicted vs observed alliance
/// rate per bin, dot area ∝ count) of each predictor; right, the adjusted Rand index per year of each predictor.
enum ValidationSVG {
    static let colours = ["#c53030", "#718096", "#2b6cb0", "#38a169", "#805ad5", "#dd6b20"]

    static func render(_ rep: AllianceValidationReport, width: Double = 1000, height: Double = 520) -> String {
        let f = AllianceMapSVG.f, esc = AllianceMapSVG.escape
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"sans-serif\">\n"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"#fdfdf8\"/>\n"
        svg +=
            "<text x=\"20\" y=\"28\" font-size=\"17\">\(esc(rep.modelName)) vs baselines: fitted \(rep.fitYears.lowerBound)–\(rep.fitYears.upperBound), scored \(rep.scoreYears.lowerBound)–\(rep.scoreYears.upperBound)</text>\n"
        // Left panel: reliability diagram.
        let lx = 70.0, ly = 60.0, size = 380.0
        func px(_ p: Double) -> Double { lx + p * size }
        func py(_ p: Double) -> Double { ly + (1 - p) * size }
        svg +=
            "<rect x=\"\(f(lx))\" y=\"\(f(ly))\" width=\"\(f(size))\" height=\"\(f(size))\" fill=\"none\" stroke=\"#1a202c\"/>\n"
        svg +=
            "<line x1=\"\(f(px(0)))\" y1=\"\(f(py(0)))\" x2=\"\(f(px(1)))\" y2=\"\(f(py(1)))\" stroke=\"#a0aec0\" stroke-dasharray=\"4 4\"/>\n"
        for t in stride(from: 0.0, through: 1.0, by: 0.25) {
            svg +=
                "<text x=\"\(f(px(t)))\" y=\"\(f(py(0) + 16))\" font-size=\"11\" text-anchor=\"middle\">\(t)</text>\n"
            svg += "<text x=\"\(f(lx - 6))\" y=\"\(f(py(t) + 4))\" font-size=\"11\" text-anchor=\"end\">\(t)</text>\n"
        }
        svg +=
            "<text x=\"\(f(lx + size / 2))\" y=\"\(f(py(0) + 34))\" font-size=\"12\" text-anchor=\"middle\">predicted p(alliance)</text>\n"
        svg +=
            "<text x=\"\(f(lx - 44))\" y=\"\(f(ly + size / 2))\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 \(f(lx - 44)) \(f(ly + size / 2)))\">observed alliance rate</text>\n"
        let total = max(1, rep.reliability.first?.map(\.count).reduce(0, +) ?? 1)
        for (k, bins) in rep.reliability.enumerated() {
            let c = colours[k % colours.count]
            let pts = bins.filter { $0.count > 0 }
            if pts.count > 1 {
                svg +=
                    "<polyline fill=\"none\" stroke=\"\(c)\" stroke-width=\"1.5\" points=\""
                    + pts.map { "\(f(px($0.meanPredicted))),\(f(py($0.observedRate)))" }.joined(separator: " ")
                    + "\"/>\n"
            }
            for b in pts {
                let r = 2 + 14 * (Double(b.count) / Double(total)).squareRoot()
                svg +=
                    "<circle cx=\"\(f(px(b.meanPredicted)))\" cy=\"\(f(py(b.observedRate)))\" r=\"\(f(r))\" fill=\"\(c)\" fill-opacity=\"0.6\"/>\n"
            }
        }
        // Right panel: ARI per year.
        let rx = 560.0, rw = 400.0
        let years = rep.years.map(\.year)
        let y0 = Double(years.first ?? 0), y1 = Double(max((years.last ?? 1), (years.first ?? 0) + 1))
        func qx(_ y: Int) -> Double { rx + (Double(y) - y0) / (y1 - y0) * rw }
        func qy(_ a: Double) -> Double { ly + (1 - (max(-0.5, min(1, a)) + 0.5) / 1.5) * size }
        svg +=
            "<rect x=\"\(f(rx))\" y=\"\(f(ly))\" width=\"\(f(rw))\" height=\"\(f(size))\" fill=\"none\" stroke=\"#1a202c\"/>\n"
        for a in [-0.5, 0, 0.5, 1] {
            svg +=
                "<line x1=\"\(f(rx))\" y1=\"\(f(qy(a)))\" x2=\"\(f(rx + rw))\" y2=\"\(f(qy(a)))\" stroke=\"#e2e8f0\"/>\n"
            svg += "<text x=\"\(f(rx - 6))\" y=\"\(f(qy(a) + 4))\" font-size=\"11\" text-anchor=\"end\">\(a)</text>\n"
        }
        if let a = years.first, let b = years.last {
            svg +=
                "<text x=\"\(f(qx(a)))\" y=\"\(f(py(0) + 16))\" font-size=\"11\" text-anchor=\"middle\">\(a)</text>\n"
            svg +=
                "<text x=\"\(f(qx(b)))\" y=\"\(f(py(0) + 16))\" font-size=\"11\" text-anchor=\"middle\">\(b)</text>\n"
        }
        if rep.fitYears.overlaps(rep.scoreYears) {
            let a = max(rep.fitYears.lowerBound, rep.scoreYears.lowerBound),
                b = min(rep.fitYears.upperBound, rep.scoreYears.upperBound)
            svg +=
                "<rect x=\"\(f(qx(a)))\" y=\"\(f(ly))\" width=\"\(f(max(1, qx(b) - qx(a))))\" height=\"\(f(size))\" fill=\"#edf2f7\" fill-opacity=\"0.6\"/>\n"
        }
        svg +=
            "<text x=\"\(f(rx + rw / 2))\" y=\"\(f(py(0) + 34))\" font-size=\"12\" text-anchor=\"middle\">adjusted Rand index per year (shaded: fitting years)</text>\n"
        for k in rep.predictors.indices {
            let c = colours[k % colours.count]
            svg +=
                "<polyline fill=\"none\" stroke=\"\(c)\" stroke-width=\"1.5\" points=\""
                + rep.years.map { "\(f(qx($0.year))),\(f(qy($0.ari[k])))" }.joined(separator: " ") + "\"/>\n"
        }
        // Legend.
        for (k, name) in rep.predictors.enumerated() {
            let x = 70 + 150 * Double(k)
            svg +=
                "<rect x=\"\(f(x))\" y=\"\(f(height - 30))\" width=\"12\" height=\"12\" fill=\"\(colours[k % colours.count])\"/>\n"
            svg += "<text x=\"\(f(x + 18))\" y=\"\(f(height - 20))\" font-size=\"12\">\(esc(name))</text>\n"
        }
        return svg + "</svg>\n"
    }
}
