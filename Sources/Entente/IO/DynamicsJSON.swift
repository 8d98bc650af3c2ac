/// JSON for the dynamic game's results (`entente dynamics --format json`, `entente sweep`).
public enum DynamicsJSON {
    /// Verification, values at the status quo, choices there, path and absorbing structures.
    public static func summary(_ game: AllianceFormationGame, _ r: AllianceDynamicsResult) -> [(String, JSONValue)] {
        let ids = game.scenario.ids
        let choices = game.choices(in: r.initialState, result: r)
        func state(_ x: Int) -> JSONValue {
            let s = game.states[x]
            return .object([("blocs", .array(s.blocs.map { .strings($0.members.map { ids[$0] }) })),
                            ("out", .strings(s.exited.map { ids[$0] })), ("windowOpen", .bool(s.windowOpen))])
        }
        return [
            ("verified", .bool(r.verified)), ("iterations", .number(Double(r.iterations))), ("evaluation", .string(r.evaluation)),
            ("values", .object(ids.indices.map { (ids[$0], .number(r.values[r.initialState][$0])) })),
            ("choices", .object(ids.indices.map { (ids[$0], .string(choices[$0].rawValue)) })),
            ("path", .array(r.path.map(state))),
            ("absorbing", .array(r.absorbing.map { .object([("probability", .number($0.probability)), ("state", state($0.state))]) })),
        ]
    }

    /// Several settings side by side.
    public static func encode(_ settings: [(String, AllianceFormationGame, AllianceDynamicsResult)]) -> JSONValue {
        .object(settings.map { ($0.0, .object(summary($0.1, $0.2))) })
    }
}
