import Foundation

/// A plain-text table for terminal output.
struct Table {
    var header: [String]
    var rows: [[String]]

    func render() -> String {
        var widths = header.map(\.count)
        for r in rows { for (k, c) in r.enumerated() where k < widths.count { widths[k] = max(widths[k], c.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { k, c in c.padding(toLength: widths[k], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}

enum Format {
    /// Scientific notation with three significant digits (tolerances, regrets).
    static func scientific(_ x: Double) -> String { x == 0 ? "0" : String(format: "%.2e", x) }

    /// Six significant decimals, without trailing noise for exact values.
    static func number(_ x: Double) -> String {
        if abs(x) < 5e-7 { return "0" }
        if x == x.rounded() && abs(x) < 1e15 { return String(Int(x)) }
        if abs(x) >= 1e15 { return String(format: "%.6g", x) }  // not hundreds of digits for 1e300
        var s = String(format: "%.6f", x)
        while s.hasSuffix("0") { s.removeLast() }
        if s == "-0" { s = "0" }
        return s
    }
}
