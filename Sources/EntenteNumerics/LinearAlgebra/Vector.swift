/// Small vector helpers on `[Double]`. All are O(n) and allocate at most one result array.
public enum Vector {
    /// Dot product `Σ xᵢ yᵢ`. Precondition: equal lengths.
    @inlinable public static func dot(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count, "vector lengths differ")
        var s = 0.0
        for i in x.indices { s += x[i] * y[i] }
        return s
    }

    /// Maximum absolute entry (∞-norm); 0 for an empty vector.
    @inlinable public static func normInf(_ x: [Double]) -> Double {
        var m = 0.0
        for v in x { m = Swift.max(m, Swift.abs(v)) }
        return m
    }

    /// Euclidean norm.
    @inlinable public static func norm2(_ x: [Double]) -> Double {
        var s = 0.0
        for v in x { s += v * v }
        return s.squareRoot()
    }

    /// `y - x` entrywise.
    @inlinable public static func difference(_ y: [Double], _ x: [Double]) -> [Double] {
        precondition(x.count == y.count, "vector lengths differ")
        return zip(y, x).map { $0 - $1 }
    }
}
