import Entente
import Foundation

/// Encodes JSON-compatible values (dictionaries, arrays, numbers, strings, booleans, `NSNull`) with sorted keys,
/// through the project's own writer (``JSONValue/serialized(pretty:)``): deterministic, shortest round-trip numbers,
/// and non-finite numbers written as `null` instead of failing.
enum JSONText {
    static func encode(_ value: Any) throws -> String {
        try json(value).serialized()
    }

    static func json(_ value: Any) throws -> JSONValue {
        switch value {
        case is NSNull: return .null
        case let b as Bool: return .bool(b)
        case let i as Int: return .number(Double(i))
        case let d as Double: return .number(d)
        case let s as String: return .string(s)
        case let d as [String: Any]: return .object(try d.keys.sorted().map { ($0, try json(d[$0]!)) })
        case let a as [Any]: return .array(try a.map(json))
        case let o as Any?:
            guard let wrapped = o else { return .null }
            throw CLIError("internal error: cannot encode \(type(of: wrapped)) as JSON")
        }
    }
}
