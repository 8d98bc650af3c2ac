// swift-tools-version: 6.1
// libFuzzer target for Entente's parsers, in its own package so `swift build` / `swift test` of Entente stay lean
// and CI never builds it. See docs/fuzzing.md:
//   cd Fuzz && swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//   .build/debug/EntenteFuzz corpus -max_total_time=600
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its directory, so derive the root package's name from the checkout.
let rootDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootName = rootDirectory.lastPathComponent

let package = Package(
    name: "EntenteFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "EntenteFuzz",
            dependencies: [.product(name: "Entente", package: rootName)],
            path: "Sources/EntenteFuzz"
        )
    ]
)
