/// A coalition structure: a partition of the players `0..<n` into disjoint non-empty blocks.
public struct Partition: Hashable, Sendable, CustomStringConvertible {
    /// Blocks as coalitions, sorted by their smallest member.
    public let blocks: [Coalition]

    /// Builds a partition from blocks; they are sorted into canonical order. Precondition: disjoint, non-empty.
    public init(_ blocks: [Coalition]) {
        self.blocks = blocks.filter { !$0.isEmpty }.sorted {
            $0.mask.trailingZeroBitCount < $1.mask.trailingZeroBitCount
        }
    }

    /// From a restricted-growth string: `labels[i]` is the block index of player i.
    public init(labels: [Int]) {
        var masks = [UInt64](repeating: 0, count: (labels.max() ?? -1) + 1)
        for (i, b) in labels.enumerated() { masks[b] |= 1 << UInt64(i) }
        self.init(masks.map { Coalition(mask: $0) })
    }

    /// The block containing player `i`. O(number of blocks).
    public func block(of i: Int) -> Coalition { blocks.first { $0.contains(i) } ?? .empty }

    /// Block index per player. O(n).
    public func labels(players n: Int) -> [Int] {
        var l = [Int](repeating: -1, count: n)
        for (b, c) in blocks.enumerated() { for i in c.members { l[i] = b } }
        return l
    }

    /// The blocks with players numbered from 0, `{0,1} | {2}` (as ``Coalition/description``).
    public var description: String { blocks.map(\.description).joined(separator: " | ") }

    /// The blocks by player name, `{A,B} | {C}` (``Coalition/description(names:)``).
    public func description(names: [String]) -> String {
        blocks.map { $0.description(names: names) }.joined(separator: " | ")
    }

    /// The Bell number B(n): how many partitions ``all(players:)`` will stream. Exact up to n = 25; `Int.max` beyond. O(n²).
    public static func bellNumber(_ n: Int) -> Int {
        var row = [1]
        for _ in 0..<min(max(0, n), 64) {  // Int.max is reached long before 64
            var next = [row.last!]
            for v in row {
                let (sum, overflow) = next.last!.addingReportingOverflow(v)
                next.append(overflow ? Int.max : sum)  // saturates (Bell(26) > Int.max) instead of trapping
            }
            row = next
        }
        return row[0]
    }

    /// Streams every partition of `0..<n` via restricted-growth strings (O(1) amortised per partition, no
    /// giant arrays).
    public static func all(players n: Int) -> PartitionSequence { PartitionSequence(n: n) }
}

/// Iterates the partitions of n players in restricted-growth-string order.
public struct PartitionSequence: Sequence, IteratorProtocol {
    let n: Int
    var labels: [Int]
    var maxPrefix: [Int]
    var done: Bool

    init(n requested: Int) {
        let n = Swift.max(0, requested)  // a negative count streams nothing instead of trapping
        self.n = n
        labels = [Int](repeating: 0, count: n)
        maxPrefix = [Int](repeating: 0, count: n)
        done = n == 0
    }

    public mutating func next() -> Partition? {
        if done { return nil }
        let current = Partition(labels: labels)
        // Advance: rightmost position that can grow (labels[i] ≤ max of prefix).
        var i = n - 1
        while i > 0 && labels[i] > maxPrefix[i - 1] { i -= 1 }
        if i == 0 {
            done = true
        } else {
            labels[i] += 1
            maxPrefix[i] = Swift.max(maxPrefix[i - 1], labels[i])
            for j in (i + 1)..<Swift.max(i + 1, n) { labels[j] = 0; maxPrefix[j] = maxPrefix[i] }
        }
        return current
    }
}
