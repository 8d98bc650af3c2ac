import Foundation

/// Encodes JSON-compatible values (dictionaries, arrays, numbers, strings) with sorted keys.
enum JSONText {
    static func encode(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
