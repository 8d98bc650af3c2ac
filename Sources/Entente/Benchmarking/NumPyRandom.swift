import EntenteAlliances
import EntenteCooperative
import EntenteGames
import EntenteIO
import EntenteNumerics

/// NumPy's `numpy.random.default_rng(seed)` for a non-negative integer seed: the PCG64 generator (O'Neill 2014,
/// XSL-RR output on a 128-bit LCG) seeded through NumPy's `SeedSequence` hash (Vigna-style mixing, pool of four
/// 32-bit words), with `Generator.uniform` (53-bit doubles) and `Generator.integers` (Lemire 2019 bounded draws on
/// buffered 32-bit halves for ranges below 2³²).
///
/// Reproduces the random games of `Benchmarks/compare_peers.py` bit for bit, so `entente bench` times the very
/// instances the peers see. O(1) per draw.
public struct NumPyRandom: Sendable {
    private var state: UInt128 = 0
    private var increment: UInt128 = 0
    private var buffered: UInt32? = nil
    private static let multiplier = (UInt128(2_549_297_995_355_413_924) << 64) | UInt128(4_865_540_595_714_422_341)

    /// `numpy.random.default_rng(seed)`.
    public init(seed: UInt64) {
        var entropy: [UInt32] = []
        var s = seed
        repeat {
            entropy.append(UInt32(truncatingIfNeeded: s))
            s >>= 32
        } while s != 0
        // SeedSequence.mix_entropy into a pool of 4 words.
        var hashConst: UInt32 = 0x43B0_D7E5
        func hashmix(_ v: UInt32) -> UInt32 {
            var value = v ^ hashConst
            hashConst = hashConst &* 0x931E_8875
            value = value &* hashConst
            return value ^ (value >> 16)
        }
        func mix(_ x: UInt32, _ y: UInt32) -> UInt32 {
            let r = 0xCA01_F9DD &* x &- 0x4973_F715 &* y
            return r ^ (r >> 16)
        }
        var pool = [UInt32](repeating: 0, count: 4)
        for i in 0..<4 { pool[i] = hashmix(i < entropy.count ? entropy[i] : 0) }
        for src in 0..<4 { for dst in 0..<4 where src != dst { pool[dst] = mix(pool[dst], hashmix(pool[src])) } }
        if entropy.count > 4 {
            for src in 4..<entropy.count { for dst in 0..<4 { pool[dst] = mix(pool[dst], hashmix(entropy[src])) } }
        }
        // SeedSequence.generate_state(4, uint64): 8 words, read as little-endian 64-bit pairs.
        var hashB: UInt32 = 0x8B51_F9DD
        var words = [UInt64]()
        var low: UInt32 = 0
        for i in 0..<8 {
            var v = pool[i % 4] ^ hashB
            hashB = hashB &* 0x58F3_8DED
            v = v &* hashB
            v ^= v >> 16
            if i % 2 == 0 { low = v } else { words.append(UInt64(low) | (UInt64(v) << 32)) }
        }
        let initState = (UInt128(words[0]) << 64) | UInt128(words[1])
        let initSequence = (UInt128(words[2]) << 64) | UInt128(words[3])
        increment = (initSequence << 1) | 1
        step()
        state &+= initState
        step()
    }

    private mutating func step() { state = state &* NumPyRandom.multiplier &+ increment }

    /// The next 64 bits (`next_uint64`).
    public mutating func nextUInt64() -> UInt64 {
        step()
        let x = UInt64(truncatingIfNeeded: state >> 64) ^ UInt64(truncatingIfNeeded: state)
        let rotation = UInt64(truncatingIfNeeded: state >> 122)
        return (x >> rotation) | (x << ((64 &- rotation) & 63))
    }

    /// The next 32 bits (`next_uint32`: the low half of a 64-bit draw, then its high half).
    public mutating func nextUInt32() -> UInt32 {
        if let b = buffered {
            buffered = nil
            return b
        }
        let x = nextUInt64()
        buffered = UInt32(truncatingIfNeeded: x >> 32)
        return UInt32(truncatingIfNeeded: x)
    }

    /// `Generator.random()`: a double in [0, 1) with 53 random bits.
    public mutating func nextDouble() -> Double { Double(nextUInt64() >> 11) * (1.0 / 9_007_199_254_740_992) }

    /// `Generator.uniform(low, high, count)` in NumPy's order (C order for a matrix).
    public mutating func uniform(_ low: Double, _ high: Double, count: Int) -> [Double] {
        (0..<count).map { _ in low + (high - low) * nextDouble() }
    }

    /// `Generator.integers(low, high, count)` (high excluded, int64, `high − low ≤ 2³²`), in NumPy's order.
    public mutating func integers(_ low: Int, _ high: Int, count: Int) -> [Int] {
        let range = UInt32(high - low - 1)  // inclusive range as NumPy stores it
        if range == 0 { return [Int](repeating: low, count: count) }
        return (0..<count).map { _ in
            if range == UInt32.max { return low + Int(nextUInt32()) }
            let excluded = UInt64(range) + 1
            var m = UInt64(nextUInt32()) * excluded
            var leftover = UInt32(truncatingIfNeeded: m)
            if UInt64(leftover) < excluded {
                let threshold = UInt32((UInt64(UInt32.max) - UInt64(range)) % excluded)
                while leftover < threshold {
                    m = UInt64(nextUInt32()) * excluded
                    leftover = UInt32(truncatingIfNeeded: m)
                }
            }
            return low + Int(m >> 32)
        }
    }
}
