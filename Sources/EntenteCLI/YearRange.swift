import ArgumentParser

/// A closed range of years on the command line: "1891-1945", "1891–1945" or a single year "1905".
struct YearRange: ExpressibleByArgument {
    let range: ClosedRange<Int>

    init(_ range: ClosedRange<Int>) { self.range = range }

    init?(argument: String) {
        let parts = argument.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == ":" }).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard (1...2).contains(parts.count), let a = Int(parts[0]), let b = Int(parts.last!), a <= b else { return nil }
        range = a...b
    }

    var defaultValueDescription: String { "\(range.lowerBound)-\(range.upperBound)" }
}
