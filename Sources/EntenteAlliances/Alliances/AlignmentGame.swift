import Foundation

/// The alliance game: which coalition structures of states are stable, and how likely each one is, given a
/// conflict stage (``ConflictStage``) over the balance of threat.
///
/// **Structures.** Every partition of the n actors is a structure: a block of two or more is an alliance, a
/// singleton is a state that stays out. All Bell(n) structures are enumerated (877 for 7 actors, 4 140 for 8,
/// 21 147 for 9, the limit).
///
/// **Moves with consent.** An actor may leave its alliance (opt out) unilaterally, or join another alliance or
/// another single state — the receiving members must agree (none of them loses: weak consent). This is the consent that Hart & Kurz's
/// (1983) γ-model and Bogomolnaia & Jackson's (2002) individual stability require; a "join any bloc" game
/// without consent has a degenerate equilibrium in which states neutralise a threat by joining it.
///
/// **Equilibria.** A structure is an equilibrium (individually stable) when no actor gains by a consented move:
/// its *regret*, the largest gain of such a move, is at most the tolerance. Each equilibrium is also checked
/// for coalitional deviations (Konishi–Ray effectivity: a coalition C leaves its blocks and forms C; if every
/// member strictly gains, the structure is not core-stable).
///
/// **Probabilities.** Logit-response dynamics with consent (Blume 1993; for coalition formation, Newton 2012):
/// each period one actor, drawn uniformly, considers one of n targets drawn uniformly; the move happens with
/// probability σ(β·Δuᵢ)·Π σ(β·Δu_j) over receiving members j, σ the logistic function and β the rationality
/// in units of the mean threat. The long-run (stationary) distribution of this Markov chain — and its transient
/// from a given starting structure (``evolve(_:kernel:periods:)``) — gives the probability that two states are
/// allied or would fight on the same side. As β → ∞ it concentrates on stochastically stable structures.
///
/// **War line-up.** In each structure the general war is fought between the two sides that maximise the
/// hostility `T + Tᵀ` across the cut, alliances kept whole (Cartwright & Harary 1956 structural balance).
///
/// - Complexity: building the game is O(Bell(n)·n³) (payoffs) plus O(Bell(n)·n²) moves; the long-run
///   distribution by LU is O(Bell(n)³) up to ``denseStationaryLimit`` structures, power iteration beyond.
public struct AlignmentGame: Sendable {
    /// Most actors accepted (Bell(9) = 21 147 structures).
    public static let actorLimit = 9
    /// Largest structure count for which the stationary distribution is solved directly (dense LU).
    public static let denseStationaryLimit = 4_200
    /// Default tolerance on regret for equilibria, in units of the mean threat.
    public static let defaultTolerance = 1e-9

    /// Actor ids, in the order of the input scenario.
    public let ids: [String]
    /// Capability shares (sum 1).
    public let shares: [Double]
    /// Threat matrix normalised by total capability (row threatened, column source).
    public let threat: Matrix
    /// The conflict stage.
    public let stage: ConflictStage
    /// Probability that each actor is power-acquiring.
    public let powerAcquiring: [Double]
    /// Number of structures, Bell(n).
    public let structureCount: Int
    /// Payoff unit: mean total threat per actor (β is measured in this unit).
    public let payoffScale: Double

    let n: Int
    let labelTable: [UInt8]  // structureCount × n, canonical restricted-growth labels
    let structureByKey: [UInt64: Int32]
    let payoffTable: [Double]  // structureCount × n
    let moveFrom: [Int32]
    let moveTo: [Int32]
    let moveMover: [UInt8]
    let moveReceivers: [UInt16]
    let sideTable: [UInt16]  // one optimal war line-up per structure (side-1 membership)
    let sameSideTable: [Float]  // structureCount × n × n: P(same side) over the tied optimal line-ups

    /// Builds the game of a scenario. `threatModel` gives T (use `useTypePriors` for revisionist intentions);
    /// the actors' types give the spoils weights.
    ///
    /// Throws ``AllianceGameError/tooManyActors(count:limit:)`` above ``actorLimit`` actors.
    public init(scenario: Scenario, threatModel: ThreatModel = ThreatModel(), stage: ConflictStage) throws {
        let n = scenario.actorCount
        guard n <= AlignmentGame.actorLimit else {
            throw AllianceGameError.tooManyActors(count: n, limit: AlignmentGame.actorLimit)
        }
        // Capabilities may be any non-negative measure (CINC, raw dollars): rescale by the largest first, so that
        // sums and threats stay finite, then normalise to shares.
        let (unit, total) = try AlignmentGame.normalised(scenario)
        let shares = unit.actors.map { $0.capability / total }
        var t = try threatModel.matrix(unit)
        // Threat is linear in the source's capability: normalise to shares so payoffs do not depend on units.
        for k in t.storage.indices { t.storage[k] /= total }
        guard t.isFinite else { throw AllianceGameError.nonFinite("threat matrix") }
        try self.init(
            ids: scenario.ids, shares: shares, threat: t, reach: threatModel.reach(scenario),
            powerAcquiring: scenario.actors.map { $0.type.probabilityPowerAcquiring }, stage: stage)
    }

    /// Builds the game from its primitives: capability shares, normalised threat T, reach g(d), types.
    public init(
        ids: [String], shares: [Double], threat t: Matrix, reach g: Matrix, powerAcquiring: [Double],
        stage: ConflictStage
    ) throws {
        let n = ids.count
        guard n >= 1 else {
            throw AllianceGameError.invalidParameter(name: "actors", value: 0, range: "1…\(AlignmentGame.actorLimit)")
        }
        guard n <= AlignmentGame.actorLimit else {
            throw AllianceGameError.tooManyActors(count: n, limit: AlignmentGame.actorLimit)
        }
        guard shares.count == n, powerAcquiring.count == n, t.rows == n, t.columns == n, g.rows == n, g.columns == n
        else {
            throw AllianceGameError.invalidParameter(
                name: "dimensions", value: Double(n), range: "consistent with \(n) actors")
        }
        guard shares.allSatisfy({ $0.isFinite && $0 >= 0 }), t.isFinite, g.isFinite,
            powerAcquiring.allSatisfy({ $0.isFinite && $0 >= 0 && $0 <= 1 })
        else { throw AllianceGameError.nonFinite("game primitives") }
        self.n = n
        self.ids = ids
        self.shares = shares
        self.threat = t
        self.stage = stage
        self.powerAcquiring = powerAcquiring
        var totalThreat = 0.0
        for v in t.storage { totalThreat += v }
        payoffScale = totalThreat > 0 ? totalThreat / Double(n) : 1

        // Enumerate structures as restricted-growth strings.
        var labels: [UInt8] = []
        var index: [UInt64: Int32] = [:]
        let count = Partition.bellNumber(n)
        labels.reserveCapacity(count * n)
        index.reserveCapacity(count)
        var k = 0
        for p in Partition.all(players: n) {
            let l = p.labels(players: n)
            index[AlignmentGame.key(l)] = Int32(k)
            labels.append(contentsOf: l.map { UInt8($0) })
            k += 1
        }
        structureCount = k
        labelTable = labels
        structureByKey = index

        // Payoffs.
        var table = [Double](repeating: 0, count: k * n)
        var work = [Double](repeating: 0, count: n)
        var u = [Double](repeating: 0, count: n)
        var l = [Int](repeating: 0, count: n)
        for s in 0..<k {
            for i in 0..<n { l[i] = Int(labels[s * n + i]) }
            stage.payoffs(
                labels: l, shares: shares, threat: t, reach: g, powerAcquiring: powerAcquiring, blockStrength: &work,
                into: &u)
            for i in 0..<n { table[s * n + i] = u[i] }
        }
        guard table.allSatisfy(\.isFinite) else { throw AllianceGameError.nonFinite("payoffs") }
        payoffTable = table

        // Consented moves: actor i to another block b, or alone.
        var from: [Int32] = [], to: [Int32] = [], mover: [UInt8] = [], receivers: [UInt16] = []
        var target = [Int](repeating: 0, count: n)
        var size = [Int](repeating: 0, count: n + 1)
        var members = [UInt16](repeating: 0, count: n + 1)
        var map = [Int](repeating: -1, count: n + 1)
        for s in 0..<k {
            for i in 0..<n { l[i] = Int(labels[s * n + i]) }
            let blocks = (l.max() ?? 0) + 1
            for b in 0...blocks { size[b] = 0; members[b] = 0 }
            for i in 0..<n { size[l[i]] += 1; members[l[i]] |= UInt16(1) << UInt16(i) }
            for i in 0..<n {
                for b in 0...blocks {
                    if b == l[i] { continue }
                    if b == blocks && size[l[i]] == 1 { continue }  // already alone
                    for j in 0..<n { target[j] = l[j] }
                    target[i] = b
                    guard let dest = AlignmentGame.lookup(target, map: &map, in: index) else { continue }
                    from.append(Int32(s)); to.append(dest); mover.append(UInt8(i))
                    receivers.append(b < blocks ? members[b] : 0)
                }
            }
        }
        moveFrom = from; moveTo = to; moveMover = mover; moveReceivers = receivers

        // War line-ups: the two sides maximising hostility across the cut, blocks kept whole. Ties (within 1e-9 of
        // the total hostility) are averaged, so a block with no quarrel with anyone is on either side with
        // probability 1/2 and nothing depends on the order of the actors.
        var sides = [UInt16](repeating: 0, count: k)
        var same = [Float](repeating: 1, count: k * n * n)
        var h = [Double](repeating: 0, count: n * n)
        var totalHostility = 0.0
        for i in 0..<n { for j in 0..<n { h[i * n + j] = t[i, j] + t[j, i]; totalHostility += h[i * n + j] } }
        let tieTolerance = 1e-9 * totalHostility / 2 + 1e-300
        var masks: [UInt16] = []
        var counts = [Int](repeating: 0, count: n * n)
        for s in 0..<k {
            for i in 0..<n { l[i] = Int(labels[s * n + i]) }
            let blocks = (l.max() ?? 0) + 1
            if blocks == 1 { continue }
            var best = -1.0
            masks.removeAll(keepingCapacity: true)
            // Block 0 on side 0 by convention (a line-up and its mirror image are the same); enumerate the others.
            for assignment in 0..<(1 << (blocks - 1)) {
                var mask: UInt16 = 0
                for i in 0..<n where l[i] > 0 && (assignment >> (l[i] - 1)) & 1 == 1 { mask |= UInt16(1) << UInt16(i) }
                var cut = 0.0
                for i in 0..<n {
                    let si = (mask >> UInt16(i)) & 1
                    for j in (i + 1)..<Swift.max(i + 1, n) where (mask >> UInt16(j)) & 1 != si { cut += h[i * n + j] }
                }
                if cut > best + tieTolerance {
                    best = cut
                    masks.removeAll(keepingCapacity: true)
                    masks.append(mask)
                } else if cut >= best - tieTolerance {
                    masks.append(mask)
                }
            }
            sides[s] = masks[0]
            for q in counts.indices { counts[q] = 0 }
            for mask in masks {
                for i in 0..<n {
                    for j in (i + 1)..<Swift.max(i + 1, n) where (mask >> UInt16(i)) & 1 == (mask >> UInt16(j)) & 1 {
                        counts[i * n + j] += 1
                    }
                }
            }
            for i in 0..<n {
                for j in (i + 1)..<Swift.max(i + 1, n) {
                    let p = Float(Double(counts[i * n + j]) / Double(masks.count))
                    same[s * n * n + i * n + j] = p
                    same[s * n * n + j * n + i] = p
                }
            }
        }
        sideTable = sides
        sameSideTable = same
    }

    /// Number of actors.
    public var actorCount: Int { n }

    /// The structure with index `s` as blocks of actor indices (each sorted; blocks by smallest member). O(n).
    public func blocks(ofStructure s: Int) -> [[Int]] {
        var out: [[Int]] = []
        for i in 0..<n {
            let b = Int(labelTable[s * n + i])
            if b == out.count { out.append([]) }
            out[b].append(i)
        }
        return out
    }

    /// Payoffs of every actor in structure `s`. O(n).
    public func payoffs(ofStructure s: Int) -> [Double] { Array(payoffTable[(s * n)..<(s * n + n)]) }

    /// Index of the structure given by blocks of actor indices (must partition 0..<n), or nil. O(n).
    public func structureIndex(blocks: [[Int]]) -> Int? {
        var l = [Int](repeating: -1, count: n)
        for (b, block) in blocks.enumerated() {
            for i in block {
                guard i >= 0, i < n, l[i] == -1 else { return nil }
                l[i] = b
            }
        }
        guard !l.contains(-1) else { return nil }
        var map = [Int](repeating: -1, count: n)
        return structureIndex(labels: l, map: &map)
    }

    /// Index of the structure whose blocks are given by any labelling `labels` (values in `0..<map.count`); `map` is
    /// a workspace reused across calls. O(n), no allocation.
    func structureIndex(labels: [Int], map: inout [Int]) -> Int? {
        AlignmentGame.lookup(labels, map: &map, in: structureByKey).map(Int.init)
    }

    /// Whether actors i and j are allied in structure s. O(1).
    public func allied(_ i: Int, _ j: Int, inStructure s: Int) -> Bool {
        labelTable[s * n + i] == labelTable[s * n + j]
    }

    /// Probability that i and j would fight on the same side of a general war in structure s: the share of the
    /// hostility-maximising line-ups (ties within 1e-9 of the total hostility) that put them together. O(1).
    public func sameSide(_ i: Int, _ j: Int, inStructure s: Int) -> Double {
        Double(sameSideTable[s * n * n + i * n + j])
    }

    /// One hostility-maximising war line-up of structure s: side (0 or 1) per actor (see ``sameSide(_:_:inStructure:)``
    /// for the average over tied line-ups).
    public func warSides(ofStructure s: Int) -> [Int] { (0..<n).map { Int((sideTable[s] >> UInt16($0)) & 1) } }

    /// Regret of structure s: the largest gain of a consented unilateral move (0 if none gains), in payoff
    /// units. O(moves from s).
    public func regret(ofStructure s: Int, tolerance: Double = 0) -> Double {
        var worst = 0.0
        for m in moveRange(from: s) {
            let i = Int(moveMover[m]), d = Int(moveTo[m])
            let gain = payoffTable[d * n + i] - payoffTable[s * n + i]
            if gain > worst && consents(m, from: s, tolerance: tolerance) { worst = gain }
        }
        return worst
    }

    /// Whether every receiving member of move m from structure s consents: none loses by more than `tolerance` (weak
    /// consent). O(receivers).
    @inline(__always) func consents(_ m: Int, from s: Int, tolerance: Double) -> Bool {
        let d = Int(moveTo[m])
        var r = moveReceivers[m]
        while r != 0 {
            let j = r.trailingZeroBitCount
            r &= r - 1
            if payoffTable[d * n + j] - payoffTable[s * n + j] < -tolerance { return false }
        }
        return true
    }

    /// Whether actor i, alone in structure s, is isolated rather than staying out by choice: some move into another
    /// block (an alliance or a single state) would raise its payoff by more than `tolerance`, and every such move is
    /// refused — some receiving member would lose by more than `tolerance` (weak consent, as in the equilibrium
    /// check). O(moves from s · n).
    public func isIsolated(_ i: Int, inStructure s: Int, tolerance: Double) -> Bool {
        var wanted = false
        for m in moveRange(from: s) where Int(moveMover[m]) == i && moveReceivers[m] != 0 {
            let d = Int(moveTo[m])
            guard payoffTable[d * n + i] - payoffTable[s * n + i] > tolerance else { continue }
            if consents(m, from: s, tolerance: tolerance) { return false }
            wanted = true
        }
        return wanted
    }

    /// Moves leaving structure s (moves are stored grouped by origin). O(log moves).
    func moveRange(from s: Int) -> Range<Int> {
        var lo = 0, hi = moveFrom.count
        while lo < hi { let mid = (lo + hi) / 2; if moveFrom[mid] < Int32(s) { lo = mid + 1 } else { hi = mid } }
        var end = lo
        while end < moveFrom.count && moveFrom[end] == Int32(s) { end += 1 }
        return lo..<end
    }

    /// Whether some coalition C (|C| ≥ 2) gains strictly, every member, by leaving its blocks and forming C
    /// (Konishi–Ray effectivity). O(2ⁿ·n) per structure.
    public func coalitionalDeviation(fromStructure s: Int, tolerance: Double = 1e-12) -> [Int]? {
        var l = [Int](repeating: 0, count: n)
        for i in 0..<n { l[i] = Int(labelTable[s * n + i]) }
        var target = l
        var map = [Int](repeating: -1, count: n + 1)
        let full = 1 << n
        for c in 1..<full where c.nonzeroBitCount >= 2 {
            for i in 0..<n { target[i] = (c >> i) & 1 == 1 ? n : l[i] }  // C forms a fresh block
            guard let d = structureIndex(labels: target, map: &map), d != s else { continue }
            var all = true
            for i in 0..<n where (c >> i) & 1 == 1 {
                if payoffTable[d * n + i] - payoffTable[s * n + i] <= tolerance { all = false; break }
            }
            if all { return (0..<n).filter { (c >> $0) & 1 == 1 } }
        }
        return nil
    }

    /// The scenario with capabilities and military shares divided by the largest capability, and the sum of the
    /// rescaled capabilities (in [1, n]). Throws if no capability is positive and finite.
    static func normalised(_ s: Scenario) throws -> (Scenario, Double) {
        let largest = s.actors.map(\.capability).max() ?? 0
        guard largest.isFinite, largest > 0 else {
            throw AllianceGameError.nonFinite("capabilities (the largest must be positive and finite)")
        }
        var actors = s.actors
        for k in actors.indices {
            actors[k].capability /= largest
            actors[k].militaryShare /= largest
        }
        let unit = try Scenario(
            name: s.name, year: s.year, actors: actors, distances: s.distances,
            landContiguous: s.landContiguous, rivalries: s.rivalries, sources: s.sources)
        let total = unit.actors.reduce(0) { $0 + $1.capability }
        return (unit, total)
    }

    static func key(_ labels: [Int]) -> UInt64 {
        var k: UInt64 = 0
        for (i, b) in labels.enumerated() { k |= UInt64(b) << UInt64(4 * i) }
        return k
    }

    /// The structure index of a labelling, through its canonical (restricted-growth) key; `map` must have more
    /// entries than the largest label. O(n), no allocation.
    static func lookup(_ labels: [Int], map: inout [Int], in index: [UInt64: Int32]) -> Int32? {
        for b in labels { map[b] = -1 }
        var next = 0
        var k: UInt64 = 0
        for (i, b) in labels.enumerated() {
            if map[b] < 0 { map[b] = next; next += 1 }
            k |= UInt64(map[b]) << UInt64(4 * i)
        }
        return index[k]
    }
}
