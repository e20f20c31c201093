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
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"),

        // Libraries, in the order a message travels through them.
        .target(name: "Support"),
        .target(name: "Storage", dependencies: ["CSQLite3", "Support"]),
        .target(name: "HTTPServer", dependencies: ["CEpoll", "CZlib", "Support"]),
        .target(name: "WhatsAppOutbox", dependencies: ["CCurl", "COpenSSLCrypto", "HTTPServer", "Storage", "Support"]),
        .target(
            name: "WebhookServer",
            dependencies: ["COpenSSLCrypto", "CZlib", "HTTPServer", "Storage", "Support", "WhatsAppOutbox"]),
        .target(name: "Intents", dependencies: ["Support"]),
        .target(name: "Conversation", dependencies: ["Intents", "Support"]),
        .target(name: "Ticketing", dependencies: ["Storage", "Support"]),
        .target(
            name: "HelpdeskRuntime",
            dependencies: [
                "Conversation", "Intents", "Storage", "Support", "Ticketing", "WebhookServer", "WhatsAppOutbox",
            ]
        ),
        .target(
            name: "PhoneSimulator",
            dependencies: ["HTTPServer", "Storage", "Support", "WebhookServer", "WhatsAppOutbox"]),
        .target(name: "StaffAccess", dependencies: ["COpenSSLCrypto", "Storage", "Support", "Ticketing"]),
        .target(
            name: "StaffAPI",
            dependencies: [
                "Conversation", "StaffAccess", "HTTPServer", "HelpdeskRuntime", "Storage", "Support",
                "Ticketing",
                "WebhookServer",
                "WhatsAppOutbox",
            ]),
        .target(
            name: "LoketService",
            dependencies: [
                "Conversation", "PhoneSimulator", "StaffAccess", "HTTPServer", "HelpdeskRuntime", "Intents", "StaffAPI",
                "Storage",
                "Support",
                "Ticketing", "WebhookServer", "WhatsAppOutbox",
            ]
        ),

        // Executables.
        .executableTarget(
            name: "Loket",
            dependencies: [
                "CMalloc", "Conversation", "StaffAccess", "Intents", "LoketService", "Storage", "Support", "Ticketing",
                "WebhookServer",
                "WhatsAppOutbox",
            ]
        ),
        .executableTarget(
            name: "WebhookBenchmark", dependencies: ["CEpoll", "COpenSSLCrypto", "HTTPServer"],
            path: "Benchmarks/WebhookBenchmark"),
        .executableTarget(
            name: "TicketingBenchmark", dependencies: ["Storage", "Ticketing"], path: "Benchmarks/TicketingBenchmark"),
        .executableTarget(
            name: "HistorySeed",
            dependencies: [
                "Conversation", "HelpdeskRuntime", "Storage", "Support", "Ticketing", "WebhookServer", "WhatsAppOutbox",
            ],
            path: "Benchmarks/HistorySeed"),
        .executableTarget(
            name: "OutboxBenchmark", dependencies: ["Storage", "WhatsAppOutbox"], path: "Benchmarks/OutboxBenchmark"),
        .executableTarget(
            name: "ReplyBenchmark", dependencies: ["HTTPServer", "Support", "WebhookServer", "WhatsAppOutbox"],
            path: "Benchmarks/ReplyBenchmark"),
        .executableTarget(
            name: "IntentsBenchmark", dependencies: ["Conversation", "Intents", "Support"], path: "Benchmarks/IntentsBenchmark"),
        .executableTarget(
            name: "ParserBenchmark", dependencies: ["Support", "WebhookServer"], path: "Benchmarks/ParserBenchmark"),
        .executableTarget(name: "IntentsEvaluation", dependencies: ["Intents"], path: "Benchmarks/IntentsEvaluation"),
        .executableTarget(
            name: "LoketFuzz",
            dependencies: ["CLibFuzzer", "HTTPServer", "Intents", "StaffAPI", "Support", "WebhookServer"],
            path: "Fuzz/LoketFuzz"),

        // Tests, one target per library.
        .testTarget(name: "SupportTests", dependencies: ["Support"]),
        .testTarget(name: "StorageTests", dependencies: ["Storage"]),
        .testTarget(name: "StaffAccessTests", dependencies: ["StaffAccess", "Storage", "Support", "Ticketing"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "Support"]),
        .testTarget(name: "WhatsAppOutboxTests", dependencies: ["HTTPServer", "Storage", "Support", "WhatsAppOutbox"]),
        .testTarget(
            name: "WebhookServerTests",
            dependencies: ["HTTPServer", "Storage", "Support", "WebhookServer", "WhatsAppOutbox"]),
        .testTarget(name: "IntentsTests", dependencies: ["Intents"]),
        .testTarget(name: "TicketingTests", dependencies: ["Storage", "Support", "Ticketing"]),
        .testTarget(name: "ConversationTests", dependencies: ["Conversation", "Intents", "Support"]),
        .testTarget(
            name: "HelpdeskRuntimeTests",
            dependencies: [
                "Conversation", "HelpdeskRuntime", "LoketService", "Storage", "Support", "Ticketing", "WebhookServer",
                "WhatsAppOutbox",
            ]),
        .testTarget(
            name: "StaffAPITests",
            dependencies: [
                "StaffAccess",
                "Conversation", "HTTPServer", "HelpdeskRuntime", "Intents", "LoketService", "StaffAPI", "Storage",
                "Support",
                "Ticketing", "WebhookServer", "WhatsAppOutbox",
            ]),
        .testTarget(
            name: "LoketServiceTests",
            dependencies: [
                "HTTPServer", "HelpdeskRuntime", "LoketService", "Storage", "Support", "Ticketing", "WebhookServer",
                "WhatsAppOutbox",
            ]),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("ExistentialAny"),
            .enableUpcomingFeature("MemberImportVisibility"),
            // A message's path crosses several targets (Support's JSON reader under the webhook parser, the
            // HTTP server under the router): release builds inline and specialise across them as they would
            // inside one module.
            .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release)),
        ]
}
