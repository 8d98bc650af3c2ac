// swift-tools-version: 6.1
import PackageDescription

// The library is layered; each target may import only the targets below it, and the compiler enforces it:
//   EntenteNumerics   linear algebra (LAPACK), linear programming, exact rationals
//   EntenteGames      normal-form, Bayesian and coalitional games; Nash equilibria and certificates
//   EntenteCooperative  cooperative solutions (Shapley, Banzhaf, nucleolus, core), power indices, hedonic games
//   EntenteAlliances  scenarios, threat, the alliance games and their dynamics, built-in data, validation
//   EntenteIO         file formats (JSON, Gambit .nfg, NMC CSV)
//   Entente           umbrella: `import Entente` re-exports all of the above
//   EntenteCLI        the command-line interface: commands (argument parsing), report formatters, SVG writers
//   entente           the command-line tool: only `@main`, which runs EntenteCLI's root command
// Each library target has a test target of the same name + "Tests" that tests it through its public API;
// EntenteTests holds what cuts across layers (documentation snippets, API conventions, hostile input, benchmarks).

// The test suite runs the numerical code in debug builds too: optimise it there (≈ 10× faster tests).
let optimisedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "Entente",
    products: [
        .library(name: "Entente", targets: ["Entente"]),
        .library(name: "EntenteNumerics", targets: ["EntenteNumerics"]),
        .library(name: "EntenteGames", targets: ["EntenteGames"]),
        .library(name: "EntenteCooperative", targets: ["EntenteCooperative"]),
        .library(name: "EntenteAlliances", targets: ["EntenteAlliances"]),
        .library(name: "EntenteIO", targets: ["EntenteIO"]),
        .executable(name: "entente", targets: ["entente"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLAPACKE",
            pkgConfig: "lapacke",
            providers: [.apt(["liblapacke-dev"])]
        ),
        .target(
            name: "EntenteNumerics",
            dependencies: ["CLAPACKE", .product(name: "BigInt", package: "BigInt")],
            swiftSettings: optimisedInDebug
        ),
        .target(name: "EntenteGames", dependencies: ["EntenteNumerics"], swiftSettings: optimisedInDebug),
        .target(
            name: "EntenteCooperative",
            dependencies: ["EntenteNumerics", "EntenteGames"],
            swiftSettings: optimisedInDebug
        ),
        .target(
            name: "EntenteAlliances",
            dependencies: ["EntenteNumerics", "EntenteGames", "EntenteCooperative"],
            swiftSettings: optimisedInDebug
        ),
        .target(
            name: "EntenteIO",
            dependencies: ["EntenteNumerics", "EntenteGames", "EntenteCooperative", "EntenteAlliances"],
            swiftSettings: optimisedInDebug
        ),
        .target(
            name: "Entente",
            dependencies: ["EntenteNumerics", "EntenteGames", "EntenteCooperative", "EntenteAlliances", "EntenteIO"]
        ),
        .target(
            name: "EntenteCLI",
            dependencies: ["Entente", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "entente", dependencies: ["EntenteCLI"]),
        // Games with published equilibria and comparison helpers shared by several test targets.
        .target(
            name: "EntenteTestSupport",
            dependencies: ["EntenteNumerics", "EntenteGames"],
            path: "Tests/EntenteTestSupport"
        ),
        .testTarget(name: "EntenteNumericsTests", dependencies: ["EntenteNumerics"]),
        .testTarget(
            name: "EntenteGamesTests", dependencies: ["EntenteNumerics", "EntenteGames", "EntenteTestSupport"]),
        .testTarget(
            name: "EntenteCooperativeTests",
            dependencies: ["EntenteNumerics", "EntenteGames", "EntenteCooperative"]
        ),
        .testTarget(
            name: "EntenteAlliancesTests",
            dependencies: ["EntenteNumerics", "EntenteGames", "EntenteCooperative", "EntenteAlliances"]
        ),
        .testTarget(
            name: "EntenteIOTests",
            dependencies: [
                "EntenteNumerics", "EntenteGames", "EntenteCooperative", "EntenteAlliances", "EntenteIO",
                "EntenteTestSupport",
            ],
            resources: [.copy("Golden")]
        ),
        .testTarget(name: "EntenteCLITests", dependencies: ["Entente", "EntenteCLI"]),
        .testTarget(
            name: "EntenteTests",
            dependencies: [
                "Entente", "EntenteNumerics", "EntenteGames", "EntenteCooperative", "EntenteAlliances", "EntenteIO",
                "EntenteTestSupport",
            ]
        ),
    ]
)
