import Entente
import Foundation

/// libFuzzer entry point: every input goes to every parser of the project (or only to the one named by
/// `ENTENTE_FUZZ_TARGET` = nfg | game | coalition | scenario | nmc | json). A parser may return a value or throw;
/// a trap, a sanitizer report, a timeout (`-timeout`) or an allocation beyond `-rss_limit_mb` is a finding.
/// Parsed games are also run through cheap whole-value operations (profile count, pure equilibria of small games)
/// so that values a parser accepts are usable.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    let only = ProcessInfo.processInfo.environment["ENTENTE_FUZZ_TARGET"]
    func run(_ name: String, _ body: () throws -> Void) {
        guard only == nil || only == name else { return }
        _ = try? body()
    }
    run("json") { _ = try JSONValue.parse(utf8: bytes) }
    run("nfg") {
        let g = try GambitNFG.parseExact(text).game
        if g.profileCount <= 4096 { _ = try PureEquilibria.solve(g) }
        _ = try GambitNFG.parse(GambitNFG.write(g))
    }
    run("game") {
        let g = try GameJSON.parseExact(text).game
        if g.profileCount <= 4096 { _ = try PureEquilibria.solve(g) }
    }
    run("coalition") { _ = try CoalitionJSON.parse(text) }
    run("scenario") {
        let s = try ScenarioJSON.parse(text)
        _ = try ScenarioJSON.parse(ScenarioJSON.encode(s).serialized())
    }
    run("nmc") { _ = try NMCCSV.scenario(text, year: 1900) }
    return 0
}

// SwiftPM links an executable target's entry point as `<Target>_main` (and defines `main` from it), which hides
// libFuzzer's own `main`; start libFuzzer's driver from there instead.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("EntenteFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
