// swift-tools-version: 6.1
import PackageDescription

/// Settings every Parley target shares: Swift 6 mode with explicit existentials and strict imports.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Parley",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "parley", targets: ["parley"]),
        .library(name: "ParleyPlanner", targets: ["ParleyPlanner"]),
        .library(name: "ParleyDesk", targets: ["ParleyDesk"]),
        .library(name: "ParleyStore", targets: ["ParleyStore"]),
        .library(name: "ParleyStoreSQLite", targets: ["ParleyStoreSQLite"]),
        .library(name: "ParleyStorePostgres", targets: ["ParleyStorePostgres"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Webhooks are sent over NIO so the connection goes to the very address that was vetted.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // MARK: - Pure core
        .target(name: "ParleyPlanner", swiftSettings: swiftSettings),
        .target(
            name: "ParleyDesk",
            dependencies: ["ParleyPlanner", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // MARK: - Event log
        .target(
            name: "ParleyStore",
            dependencies: ["ParleyDesk", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ParleyStoreSQLite",
            dependencies: ["ParleyStore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ParleyStorePostgres",
            dependencies: [
                "ParleyStore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // MARK: - Accounts
        .target(
            name: "ParleyAccess",
            dependencies: [
                "ParleyDesk", "ParleyStore", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // MARK: - Server
        .target(
            name: "ParleyServer",
            dependencies: [
                "ParleyDesk", "ParleyStore", "ParleyPlanner", "ParleyAccess",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
        // MARK: - Demo data
        .target(
            name: "ParleyScenarios",
            path: "scenarios",
            resources: [.copy("dmz-2019.yaml"), .copy("asia-trip.yaml")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ParleyCorpus",
            path: "corpus",
            exclude: ["notes"],
            resources: [.copy("cases")],
            swiftSettings: swiftSettings
        ),
        // MARK: - Command line
        .executableTarget(
            name: "parley",
            dependencies: [
                "ParleyPlanner", "ParleyDesk", "ParleyStore", "ParleyStoreSQLite", "ParleyStorePostgres",
                "ParleyScenarios", "ParleyCorpus",
                "ParleyServer", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // MARK: - Tests
        .target(
            name: "ParleyTestSupport",
            dependencies: ["ParleyDesk", "ParleyStore", "ParleyStorePostgres"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ParleyPlannerTests", dependencies: ["ParleyPlanner", "ParleyTestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ParleyDeskTests",
            dependencies: ["ParleyDesk", "ParleyTestSupport", "ParleyScenarios"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ParleyStoreTests",
            dependencies: [
                "ParleyStore", "ParleyStoreSQLite", "ParleyStorePostgres", "ParleyScenarios", "ParleyTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ParleyServerTests",
            dependencies: [
                "ParleyServer", "ParleyStore", "ParleyScenarios", "ParleyTestSupport", "ParleyAccess",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ParleyCLITests",
            dependencies: [
                "ParleyStore", "ParleyStoreSQLite", "ParleyTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
