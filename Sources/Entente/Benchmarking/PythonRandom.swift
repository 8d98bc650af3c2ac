import EntenteAlliances
import EntenteCooperative
import EntenteGames
import EntenteIO
import EntenteNumerics

/// CPython's `random.Random(seed)` for a non-negative integer seed: the Mersenne Twister MT19937 (Matsumoto &
/// Nishimura 1998) seeded by `init_by_array` with the seed's 32-bit words, and CPython's `randint`/`random`
/// (rejection sampling on `getrandbits`, 53-bit floats from two draws).
///
/// Reproduces the draws of `Benchmarks/compare_peers.py` (weighted games, TU games) bit for bit, so `entente bench`
/// times the very instances the peers see. O(1) amortised per draw; 2.5 KB of state.
public struct PythonRandom: Sendable {
    private var mt = [UInt32](repeating: 0, count: 624)
    private var index = 624

    /// `random.Random(seed)`.
    public init(seed: UInt64) {
        initGenrand(19_650_218)
        var key: [UInt32] = []
        var s = seed
        repeat {
            key.append(UInt32(truncatingIfNeeded: s))
            s >>= 32
        } while s != 0
        var i = 1, j = 0
        for _ in 0..<max(624, key.count) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(j)
            i += 1
            j += 1
            if i >= 624 { mt[0] = mt[623]; i = 1 }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<623 {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= 624 { mt[0] = mt[623]; i = 1 }
        }
        mt[0] = 0x8000_0000
        index = 624
    }

    private mutating func initGenrand(_ s: UInt32) {
        mt[0] = s
        for i in 1..<624 { mt[i] = 1_812_433_253 &* (mt[i - 1] ^ (mt[i - 1] >> 30)) &+ UInt32(i) }
        index = 624
    }

    /// The next 32 random bits (`genrand_uint32`).
    public mutating func nextUInt32() -> UInt32 {
        if index >= 624 {
            for k in 0..<624 {
                let y = (mt[k] & 0x8000_0000) | (mt[(k + 1) % 624] & 0x7FFF_FFFF)
                mt[k] = mt[(k + 397) % 624] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : 0x9908_B0DF)
            }
            index = 0
        }
        var y = mt[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// `random.random()`: a double in [0, 1) with 53 random bits.
    public mutating func random() -> Double {
        let a = Double(nextUInt32() >> 5), b = Double(nextUInt32() >> 6)
        return (a * 67_108_864 + b) * (1.0 / 9_007_199_254_740_992)
    }

    /// `random.randint(low, high)` (both ends included; `high − low < 2³²`), by CPython's `_randbelow_with_getrandbits`.
    public mutating func randint(_ low: Int, _ high: Int) -> Int {
        let n = UInt32(high - low + 1)
        let k = 32 - n.leadingZeroBitCount  // n.bit_length()
        var r = nextUInt32() >> (32 - UInt32(k))
        while r >= n { r = nextUInt32() >> (32 - UInt32(k)) }
        return low + Int(r)
    }
}
