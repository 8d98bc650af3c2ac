import Dispatch
import Synchronization

/// Evaluates a throwing function for every year concurrently and returns the results by year, or the first error
/// in year order. Shared by the validation's per-year predictions and ``DynamicGameModel``.
/// - Complexity: one call per year, spread over the available cores.
enum ConcurrentYears {
    static func map<T: Sendable>(_ years: [Int], _ body: @Sendable (Int) throws -> T) throws -> [Int: T] {
        let results = Mutex<[Int: Result<T, any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: years.count) { k in
            let y = years[k]
            let r = Result { try body(y) }
            results.withLock { $0[y] = r }
        }
        let all = results.withLock { $0 }
        var out: [Int: T] = [:]
        for y in years { out[y] = try all[y]!.get() }
        return out
    }
}
