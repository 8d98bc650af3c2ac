/// Deterministic JSON text from a ``JSONValue``: keys in insertion order, shortest round-trip numbers
/// (integral values without a fraction), two-space indentation. O(size of the value).
extension JSONValue {
    public func serialized(pretty: Bool = true) -> String {
        var out = ""
        write(to: &out, indent: 0, pretty: pretty)
        return out
    }

    func write(to out: inout String, indent: Int, pretty: Bool) {
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let close = pretty ? String(repeating: "  ", count: indent) : ""
        let nl = pretty ? "\n" : ""
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let d): out += JSONValue.format(d)
        case .string(let s): out += JSONValue.quote(s)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            // Arrays of scalars stay on one line.
            if items.allSatisfy({
                if case .array = $0 { return false }; if case .object = $0 { return false }; return true
            }) {
                out += "[" + items.map { $0.serialized(pretty: false) }.joined(separator: ", ") + "]"
                return
            }
            out += "[" + nl
            for (k, v) in items.enumerated() {
                out += pad
                v.write(to: &out, indent: indent + 1, pretty: pretty)
                out += (k + 1 < items.count ? "," : "") + nl
            }
            out += close + "]"
        case .object(let kv):
            if kv.isEmpty { out += "{}"; return }
            out += "{" + nl
            for (k, (key, v)) in kv.enumerated() {
                out += pad + JSONValue.quote(key) + (pretty ? ": " : ":")
                v.write(to: &out, indent: indent + 1, pretty: pretty)
                out += (k + 1 < kv.count ? "," : "") + nl
            }
            out += close + "}"
        }
    }

    static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded() && abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    out +=
                        "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count)
                        + String(u.value, radix: 16)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}

/// Conveniences to build JSON values.
extension JSONValue {
    public static func numbers(_ xs: [Double]) -> JSONValue { .array(xs.map { .number($0) }) }
    public static func strings(_ xs: [String]) -> JSONValue { .array(xs.map { .string($0) }) }
}
