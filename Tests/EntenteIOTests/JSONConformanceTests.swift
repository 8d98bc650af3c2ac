import EntenteIO
import EntenteNumerics
import Testing

/// RFC 8259 conformance of ``JSONValue/parse(_:)``, in the style of JSONTestSuite (nst/JSONTestSuite):
/// `y_` documents must parse, `n_` documents must be rejected with a typed ``FileFormatError``.
@Suite struct JSONConformanceTests {
    static let accepted: [(String, String)] = [
        ("y_array_empty", "[]"),
        ("y_array_arraysWithSpaces", "[[]   ]"),
        ("y_array_heterogeneous", #"[null, 1, "1", {}]"#),
        ("y_array_with_leading_space", " [1]"),
        ("y_array_with_trailing_space", "[2] "),
        ("y_number_0e+1", "[0e+1]"),
        ("y_number_0e1", "[0e1]"),
        ("y_number_after_space", "[ 4]"),
        (
            "y_number_double_close_to_zero",
            "[-0.000000000000000000000000000000000000000000000000000000000000000000000000000001]"
        ),
        ("y_number_int_with_exp", "[20e1]"),
        ("y_number_minus_zero", "[-0]"),
        ("y_number_negative_int", "[-123]"),
        ("y_number_negative_one", "[-1]"),
        ("y_number_real_capital_e", "[1E22]"),
        ("y_number_real_capital_e_neg_exp", "[1E-2]"),
        ("y_number_real_capital_e_pos_exp", "[1E+2]"),
        ("y_number_real_exponent", "[123e45]"),
        ("y_number_real_fraction_exponent", "[123.456e78]"),
        ("y_number_real_neg_exp", "[1e-2]"),
        ("y_number_simple_int", "[123]"),
        ("y_number_simple_real", "[123.456789]"),
        ("y_object_basic", #"{"asd":"sdf"}"#),
        ("y_object_empty", "{}"),
        ("y_object_empty_key", #"{"":0}"#),
        ("y_object_escaped_null_in_key", #"{"foo\u0000bar": 42}"#),
        (
            "y_object_long_strings",
            #"{"x":[{"id": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}], "id": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}"#
        ),
        ("y_object_simple", #"{"a":[]}"#),
        ("y_object_with_newlines", "{\n\"a\": \"b\"\n}"),
        ("y_string_1_2_3_bytes_UTF-8_sequences", #"["\u0060\u012a\u12AB"]"#),
        ("y_string_accepted_surrogate_pair", #"["\uD801\udc37"]"#),
        ("y_string_accepted_surrogate_pairs", #"["\ud83d\ude39\ud83d\udc8d"]"#),
        ("y_string_allowed_escapes", #"["\"\\\/\b\f\n\r\t"]"#),
        ("y_string_backslash_doublequotes", #"["\""]"#),
        ("y_string_comments", #"["a/*b*/c/*d//e"]"#),
        ("y_string_escaped_noncharacter", #"["\uFFFF"]"#),
        ("y_string_in_array_with_leading_space", #"[ "asd"]"#),
        ("y_string_nonCharacterInUTF-8_U+FFFF", "[\"\u{FFFF}\"]"),
        ("y_string_null_escape", #"["\u0000"]"#),
        ("y_string_unicode_U+10FFFE_nonchar", #"["\uDBFF\uDFFE"]"#),
        ("y_string_utf8", "[\"€𝄞\"]"),
        ("y_structure_lonely_false", "false"),
        ("y_structure_lonely_int", "42"),
        ("y_structure_lonely_negative_real", "-0.1"),
        ("y_structure_lonely_null", "null"),
        ("y_structure_lonely_string", #""asd""#),
        ("y_structure_lonely_true", "true"),
        ("y_structure_string_empty", #""""#),
        ("y_structure_trailing_newline", "[\"a\"]\n"),
        ("y_structure_true_in_array", "[true]"),
        ("y_structure_whitespace_array", " [] "),
    ]

    static let rejected: [(String, String)] = [
        ("n_array_1_true_without_comma", "[1 true]"),
        ("n_array_colon_instead_of_comma", #"["": 1]"#),
        ("n_array_comma_after_close", #"[""],"#),
        ("n_array_double_comma", "[1,,2]"),
        ("n_array_extra_close", #"["x"]]"#),
        ("n_array_extra_comma", #"["",]"#),
        ("n_array_incomplete", #"["x""#),
        ("n_array_just_comma", "[,]"),
        ("n_array_just_minus", "[-]"),
        ("n_array_missing_value", #"[   , ""]"#),
        ("n_array_unclosed", #"[""#),
        ("n_incomplete_false", "[fals]"),
        ("n_incomplete_null", "[nul]"),
        ("n_incomplete_true", "[tru]"),
        ("n_number_++", "[++1234]"),
        ("n_number_+1", "[+1]"),
        ("n_number_+Inf", "[+Inf]"),
        ("n_number_-01", "[-01]"),
        ("n_number_-1.0.", "[-1.0.]"),
        ("n_number_-NaN", "[-NaN]"),
        ("n_number_.-1", "[.-1]"),
        ("n_number_.2e-3", "[.2e-3]"),
        ("n_number_0.1.2", "[0.1.2]"),
        ("n_number_0.3e+", "[0.3e+]"),
        ("n_number_0.e1", "[0.e1]"),
        ("n_number_0_capital_E+", "[0E+]"),
        ("n_number_0e", "[0e]"),
        ("n_number_1.0e", "[1.0e]"),
        ("n_number_1eE2", "[1eE2]"),
        ("n_number_2.e3", "[2.e3]"),
        ("n_number_9.e+", "[9.e+]"),
        ("n_number_Inf", "[Inf]"),
        ("n_number_NaN", "[NaN]"),
        ("n_number_expression", "[1+2]"),
        ("n_number_hex_1_digit", "[0x1]"),
        ("n_number_infinity", "[Infinity]"),
        ("n_number_minus_infinity", "[-Infinity]"),
        ("n_number_minus_space_1", "[- 1]"),
        ("n_number_neg_int_starting_with_zero", "[-012]"),
        ("n_number_neg_real_without_int_part", "[-.123]"),
        ("n_number_real_without_fractional_part", "[1.]"),
        ("n_number_starting_with_dot", "[.123]"),
        ("n_number_with_leading_zero", "[012]"),
        ("n_number_1e", "[1e]"),
        ("n_number_bare_plus_1", "+1"),
        ("n_number_bare_.5", ".5"),
        ("n_number_bare_01", "01"),
        ("n_number_bare_1.", "1."),
        ("n_number_bare_1e", "1e"),
        ("n_number_huge_exp_overflows_double", "[1e400]"),
        ("n_object_bad_value", #"["x", truth]"#),
        ("n_object_comma_instead_of_colon", #"{"x", null}"#),
        ("n_object_double_colon", #"{"x"::"b"}"#),
        ("n_object_duplicate_key", #"{"a": 1, "a": 2}"#),
        ("n_object_missing_colon", #"{"a" b}"#),
        ("n_object_missing_key", #"{:"b"}"#),
        ("n_object_missing_value", #"{"a":"#),
        ("n_object_non_string_key", "{1:1}"),
        ("n_object_single_quote", "{'a':0}"),
        ("n_object_trailing_comma", #"{"id":0,}"#),
        ("n_object_trailing_comment", #"{"a":"b"}/**/"#),
        ("n_object_unquoted_key", #"{a: "b"}"#),
        ("n_string_1_surrogate_then_escape", #"["\uD800\"]"#),
        ("n_string_1_surrogate_then_escape_u", #"["\uD800\u"]"#),
        ("n_string_lone_high_surrogate", #"["\ud83d"]"#),
        ("n_string_lone_low_surrogate", #"["\ude00"]"#),
        ("n_string_high_then_high", #"["\uD800\uD800"]"#),
        ("n_string_escape_x", #"["\x00"]"#),
        ("n_string_escaped_emoji", "[\"\\🌀\"]"),
        ("n_string_incomplete_escape", #"["\"]"#),
        ("n_string_incomplete_escaped_character", #"["\u00A"]"#),
        ("n_string_invalid_unicode_escape", #"["\uqqqq"]"#),
        ("n_string_plus_in_unicode_escape", #"["\u+123"]"#),
        ("n_string_single_quote", "['single quote']"),
        ("n_string_unescaped_newline", "[\"new\nline\"]"),
        ("n_string_unescaped_tab", "[\"\t\"]"),
        ("n_string_unescaped_ctrl_char", "[\"a\u{0}a\"]"),
        ("n_string_start_escape_unclosed", #"["\"#),
        ("n_structure_array_trailing_garbage", "[1]x"),
        ("n_structure_capitalized_True", "[True]"),
        ("n_structure_close_unopened_array", "1]"),
        ("n_structure_double_array", "[][]"),
        ("n_structure_end_array", "]"),
        ("n_structure_no_data", ""),
        ("n_structure_null_byte_outside_string", "[\u{0}]"),
        ("n_structure_object_followed_by_closing_object", "{}}"),
        ("n_structure_trailing_#", #"{"a":"b"}#{}"#),
        ("n_structure_whitespace_formfeed", "[\u{0C}]"),
        ("n_structure_unicode_identifier", "å"),
        ("n_structure_U+2060_word_joined", "[\u{2060}]"),
    ]

    @Test(arguments: accepted.map(\.0))
    func acceptsValidDocuments(_ name: String) {
        let text = Self.accepted.first { $0.0 == name }!.1
        #expect(throws: Never.self, "\(name)") { try JSONValue.parse(text) }
    }

    @Test func rejectsInvalidDocumentsWithALocatedError() {
        for (name, text) in Self.rejected {
            do {
                let v = try JSONValue.parse(text)
                Issue.record("\(name) was accepted as \(v)")
            } catch let e as FileFormatError {
                #expect(e.line >= 1 && e.column >= 1, "\(name): \(e)")
            } catch {
                Issue.record("\(name): untyped error \(error)")
            }
        }
    }

    @Test func surrogatePairsDecodeToOneScalar() throws {
        #expect(try JSONValue.parse(#"["\ud83d\ude00"]"#) == .array([.string("😀")]))
        #expect(try JSONValue.parse(#""\uD834\uDD1E""#) == .string("𝄞"))
        #expect(try JSONValue.parse(#""a\/b\u00e9""#) == .string("a/bé"))
    }

    @Test func invalidUTF8BytesAreRejected() throws {
        for bytes: [UInt8] in [
            [0x22, 0xFF, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xE2, 0x82],
        ] {
            #expect(throws: FileFormatError.self) { try JSONValue.parse(utf8: bytes) }
        }
        #expect(try JSONValue.parse(utf8: [0xEF, 0xBB, 0xBF, 0x5B, 0x5D]) == .array([]))
    }

    @Test func deepNestingIsAnErrorNotAStackOverflow() throws {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: FileFormatError.self) { try JSONValue.parse(deep) }
        let deepObjects = String(repeating: #"{"a":"#, count: 50_000)
        #expect(throws: FileFormatError.self) { try JSONValue.parse(deepObjects) }
        let ok =
            String(repeating: "[", count: JSONValue.maximumDepth - 1)
            + String(repeating: "]", count: JSONValue.maximumDepth - 1)
        #expect(throws: Never.self) { try JSONValue.parse(ok) }
    }

    @Test func errorsGiveLineAndColumn() {
        do {
            _ = try JSONValue.parse("{\n  \"a\": +1\n}")
            Issue.record("accepted +1")
        } catch let e as FileFormatError {
            #expect(e.line == 2 && e.column == 8, "\(e)")
        } catch { Issue.record("\(error)") }
        do {
            _ = try JSONValue.parse("[\"é\", 01]")
            Issue.record("accepted 01")
        } catch let e as FileFormatError {
            #expect(e.line == 1 && e.column == 7 && e.message.contains("leading zero"), "\(e)")
        } catch { Issue.record("\(error)") }
    }

    @Test func valuesRoundTripThroughTheWriter() throws {
        let text = #"{"a": [1, -0.5, 1e-300, "x\u0001\"\\y😀"], "b": {"c": null, "d": true}}"#
        let v = try JSONValue.parse(text)
        #expect(try JSONValue.parse(v.serialized()) == v)
        #expect(try JSONValue.parse(v.serialized(pretty: false)) == v)
    }

    @Test func fractionsAreReadExactly() throws {
        #expect(JSONReader.rational("1/3") == Rational(1, 3))
        #expect(JSONReader.rational("-2/6") == Rational(-1, 3))
        #expect(JSONReader.rational("0.125") == Rational(1, 8))
        #expect(JSONReader.rational("1.5/0.5") == Rational(3))
        for bad in [
            "", "1/0", "1//2", "/2", "1/", "1/-2", "+1", "1e3", "a/b", "1.2.3", ".5",
            String(repeating: "9", count: 401),
        ] {
            #expect(JSONReader.rational(bad) == nil, "\(bad)")
        }
        let r = JSONReader(try JSONValue.parse(#"["1/3", 0.25, "x", true]"#))
        let items = try r.array()
        #expect(try items[0].exactNumeric().exact == Rational(1, 3))
        #expect(try items[0].numeric() == 1.0 / 3.0)
        #expect(try items[1].exactNumeric().exact == Rational(1, 4))
        #expect(throws: FileFormatError.self) { try items[2].numeric() }
        #expect(throws: FileFormatError.self) { try items[3].numeric() }
    }

    /// Property: for seeded random documents (any finite doubles, strings with control characters, quotes,
    /// backslashes, non-BMP characters), parse(serialized(v)) == v, in both layouts.
    @Test func randomDocumentsRoundTrip() throws {
        var rng = ParserFuzzTests.SplitMix64(state: 0x15_0D0C)
        let alphabet: [Character] = [
            "a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "é", "€", "😀", "𝄞", "\u{FFFF}",
        ]
        func number() -> Double {
            switch rng.next() % 6 {
            case 0: return Double(Int64(bitPattern: rng.next()) % 2001 - 1000)
            case 1:
                return [0, -0.0, 5e-324, -2.2250738585072014e-308, 1.7976931348623157e308, 1e15, 1e16, 0.1, 1 / 3][
                    Int(rng.next() % 9)]
            default:
                let d = Double(bitPattern: rng.next())
                return d.isFinite ? d : 1.5
            }
        }
        func string() -> String {
            String((0..<Int(rng.next() % 12)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
        }
        func value(_ depth: Int) -> JSONValue {
            switch rng.next() % (depth > 4 ? 4 : 6) {
            case 0: return .null
            case 1: return .bool(rng.next() % 2 == 0)
            case 2: return .number(number())
            case 3: return .string(string())
            case 4: return .array((0..<Int(rng.next() % 5)).map { _ in value(depth + 1) })
            default:
                var seen = Set<String>()
                return .object(
                    (0..<Int(rng.next() % 5)).compactMap { _ in
                        let k = string()
                        return seen.insert(k).inserted ? (k, value(depth + 1)) : nil
                    })
            }
        }
        for _ in 0..<2000 {
            let v = value(0)
            #expect(try JSONValue.parse(v.serialized()) == v, "\(v.serialized())")
            #expect(try JSONValue.parse(v.serialized(pretty: false)) == v)
        }
    }
}
