extension NormalFormGame {
    /// Advances a pure profile to the next one in storage order (first player's strategy fastest), wrapping to
    /// all zeros after the last. O(1) amortised.
    @inlinable func advance(_ profile: inout [Int]) {
        var q = 0
        while q < profile.count {
            profile[q] += 1
            if profile[q] < strategyCounts[q] { return }
            profile[q] = 0
            q += 1
        }
    }
}
