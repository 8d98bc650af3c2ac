/// A hedonic coalition-formation game (Banerjee, Konishi & Sönmez 2001; Bogomolnaia & Jackson 2002):
/// each player cares only about the members of its own block. Opting out is being alone (value `uᵢ({i})`).
public struct HedonicGame: Sendable {
    /// Number of players (≤ 64).
    public let playerCount: Int
    /// `value(i, S)`: player i's utility for block S (S contains i).
    public let value: @Sendable (Int, Coalition) -> Double

    /// A hedonic game from any valuation of blocks; n ≤ 64.
    public init(players n: Int, value: @escaping @Sendable (Int, Coalition) -> Double) throws(CooperativeError) {
        guard n >= 1 else { throw .noPlayers }
        guard n <= 64 else { throw .tooManyPlayers(n: n, limit: 64) }
        playerCount = n
        self.value = value
    }

    /// Additively separable: `uᵢ(S) = Σ_{j∈S∖i} v[i][j]` from an affinity matrix (row i, column j).
    public init(affinities v: Matrix) throws(CooperativeError) {
        guard v.rows == v.columns else { throw .dimensionMismatch(expected: v.rows, actual: v.columns) }
        if let k = v.storage.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(index: k) }
        let a = v
        try self.init(players: v.rows) { i, s in s.members.reduce(0) { $1 == i ? $0 : $0 + a[i, $1] } }
    }

    /// Nash stable: no player prefers moving to another existing block (or being alone). O(n·blocks).
    public func isNashStable(_ p: Partition, tolerance: Double = 1e-12) -> Bool {
        for i in 0..<playerCount {
            let own = p.block(of: i)
            let current = value(i, own)
            if own.count > 1 && value(i, Coalition([i])) > current + tolerance { return false }
            for b in p.blocks where !b.contains(i) && value(i, b.inserting(i)) > current + tolerance { return false }
        }
        return true
    }

    /// Individually stable: no player has a profitable move that every member of the receiving block weakly accepts.
    public func isIndividuallyStable(_ p: Partition, tolerance: Double = 1e-12) -> Bool {
        for i in 0..<playerCount {
            let own = p.block(of: i)
            let current = value(i, own)
            if own.count > 1 && value(i, Coalition([i])) > current + tolerance { return false }
            for b in p.blocks where !b.contains(i) && value(i, b.inserting(i)) > current + tolerance {
                if b.members.allSatisfy({ value($0, b.inserting(i)) >= value($0, b) - tolerance }) { return false }
            }
        }
        return true
    }

    /// Core stable: no coalition S whose members all strictly prefer S to their blocks. O(2ⁿ·n); n ≤ 25.
    public func isCoreStable(_ p: Partition, tolerance: Double = 1e-12) throws(CooperativeError) -> Bool {
        guard playerCount <= 25 else { throw .tooManyPlayers(n: playerCount, limit: 25) }
        let current = (0..<playerCount).map { value($0, p.block(of: $0)) }
        for m in 1..<(UInt64(1) << UInt64(playerCount)) {
            let s = Coalition(mask: m)
            if s.members.allSatisfy({ value($0, s) > current[$0] + tolerance }) { return false }
        }
        return true
    }

    /// All Nash-stable partitions, by streaming all Bell(n) partitions. n ≤ `playerLimit` (default 10).
    public func nashStablePartitions(playerLimit: Int = 10) throws(CooperativeError) -> [Partition] {
        guard playerCount <= playerLimit else { throw .tooManyPlayers(n: playerCount, limit: playerLimit) }
        return Partition.all(players: playerCount).filter { isNashStable($0) }
    }

    /// For symmetric additively separable games: the potential Φ(π) = Σ_blocks Σ_{i<j} v_ij, whose improving moves
    /// terminate (Bogomolnaia & Jackson 2002). Computes it from the game's valuations: Φ = ½ Σᵢ uᵢ(block of i).
    public func potential(_ p: Partition) -> Double {
        0.5 * (0..<playerCount).reduce(0) { $0 + value($1, p.block(of: $1)) }
    }

    /// Improving-move dynamics from `start` (default: everyone alone): repeatedly moves a player to its best block
    /// (or alone) while that strictly improves it. For symmetric additively separable games this terminates at a
    /// Nash-stable partition; otherwise it stops after `maxMoves` and returns nil if no stable point was reached.
    public func nashStableByImprovingMoves(
        from start: Partition? = nil, maxMoves: Int = 100_000, tolerance: Double = 1e-12
    ) -> Partition? {
        var blocks = (start ?? Partition((0..<playerCount).map { Coalition([$0]) })).blocks
        for _ in 0..<max(0, maxMoves) {
            var moved = false
            for i in 0..<playerCount {
                let k = blocks.firstIndex { $0.contains(i) }!
                let current = value(i, blocks[k])
                var best = current, target = -2
                if blocks[k].count > 1 && value(i, Coalition([i])) > best + tolerance {
                    best = value(i, Coalition([i])); target = -1
                }
                for (j, b) in blocks.enumerated() where j != k {
                    let v = value(i, b.inserting(i))
                    if v > best + tolerance { best = v; target = j }
                }
                if target == -2 { continue }
                blocks[k] = blocks[k].removing(i)
                if target == -1 { blocks.append(Coalition([i])) } else { blocks[target] = blocks[target].inserting(i) }
                blocks.removeAll { $0.isEmpty }
                moved = true
            }
            if !moved {
                let p = Partition(blocks)
                return isNashStable(p, tolerance: tolerance) ? p : nil
            }
        }
        return nil
    }
}
