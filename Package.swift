// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Entente",
    products: [
        .library(name: "Entente", targets: ["Entente"]),
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
            name: "Entente",
            dependencies: ["CLAPACKE", .product(name: "BigInt", package: "BigInt")],
            // The test suite runs the numerical code in debug builds too: optimise it there (≈ 10× faster tests).
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .executableTarget(
            name: "entente",
            dependencies: ["Entente", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "EntenteTests", dependencies: ["Entente"], resources: [.copy("Golden")]),
    ]
)
