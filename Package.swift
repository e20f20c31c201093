// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Loket",
    products: [
        .executable(name: "loket", targets: ["Loket"])
    ],
    targets: [
        // C system libraries.
        .systemLibrary(name: "CSQLite3", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "COpenSSLCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CEpoll"),

        // Libraries.
        .target(name: "Storage", dependencies: ["CSQLite3"]),
        .target(name: "Intents"),
        .target(name: "Ticketing", dependencies: ["Storage"]),
        .target(name: "WebhookServer", dependencies: ["Storage", "COpenSSLCrypto", "CCurl", "CEpoll"]),
        .target(name: "Conversation", dependencies: ["Intents", "Ticketing"]),
        .target(
            name: "LoketService",
            dependencies: ["Conversation", "Intents", "Storage", "Ticketing", "WebhookServer"]
        ),

        // Executables.
        .executableTarget(
            name: "Loket",
            dependencies: ["Conversation", "Intents", "LoketService", "Storage", "Ticketing", "WebhookServer"]
        ),
        .executableTarget(
            name: "WebhookBenchmark", dependencies: ["CEpoll", "COpenSSLCrypto", "WebhookServer"],
            path: "Benchmarks/WebhookBenchmark"),
        .executableTarget(name: "TicketingBenchmark", dependencies: ["Ticketing"], path: "Benchmarks/TicketingBenchmark"),
        .executableTarget(name: "IntentsBenchmark", dependencies: ["Intents"], path: "Benchmarks/IntentsBenchmark"),
        .executableTarget(name: "IntentsEvaluation", dependencies: ["Intents"], path: "Benchmarks/IntentsEvaluation"),

        // Tests.
        .testTarget(name: "StorageTests", dependencies: ["Storage"]),
        .testTarget(name: "IntentsTests", dependencies: ["Intents"]),
        .testTarget(name: "TicketingTests", dependencies: ["Ticketing"]),
        .testTarget(name: "WebhookServerTests", dependencies: ["WebhookServer"]),
        .testTarget(name: "ConversationTests", dependencies: ["Conversation"]),
        .testTarget(name: "LoketServiceTests", dependencies: ["LoketService"]),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
