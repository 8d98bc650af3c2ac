// swift-tools-version: 6.1
// Benchmarks live in their own package so `swift build` / `swift test` of Entente stay lean.
//   swift package --disable-sandbox benchmark            (ordo-one/benchmark suites)
//   swift run -c release entente-bench …                  (timings used by ./compare-peers)
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its directory, so derive the root package's name from the checkout.
let rootDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootName = rootDirectory.lastPathComponent

let package = Package(
    name: "EntenteBenchmarks",
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "EntenteBenchmarks",
            dependencies: [
                .product(name: "Entente", package: rootName),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/EntenteBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "entente-bench",
            dependencies: [.product(name: "Entente", package: rootName)],
            path: "Sources/entente-bench"
        ),
    ]
)
