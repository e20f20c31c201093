import CMalloc
import Foundation
import LoketService
import Support
import WebhookServer
import WhatsAppOutbox

/// `loket serve`: reads the configuration from the environment and runs the service until SIGTERM/SIGINT.
enum ServeCommand {
    static func run(_ arguments: [String] = []) -> Never {
        guard arguments.allSatisfy({ $0 == "--demo" }) else {
            FileHandle.standardError.write(Data("usage: loket serve [--demo]\n".utf8))
            exit(64)
        }
        // Dozens of threads (HTTP loops, lanes, one per Graph API call in flight) would otherwise get up to
        // eight malloc arenas per core, each holding freed memory of its own; two cores' work needs two. Set
        // before any thread starts; MALLOC_ARENA_MAX in the environment still decides when given.
        if ProcessInfo.processInfo.environment["MALLOC_ARENA_MAX"] == nil {
            _ = cmalloc_limit_arenas(2)
        }
        let configuration: Configuration
        do {
            configuration = try Configuration.parse(environment: ProcessInfo.processInfo.environment)
        } catch {
            Logger.standardError().error("loket.configuration_refused", ["error": error.description])
            exit(78)
        }
        let logger = Logger.standardError(minimumLevel: configuration.logLevel)
        let sandbox = configuration.mode == .sandbox
        // A warning in sandbox mode, so the notice is the first line even with LOKET_LOG_LEVEL=warning.
        logger.log(
            sandbox ? .warning : .info, sandbox ? "loket.starting_in_sandbox_mode" : "loket.starting",
            [
                "mode": configuration.mode.rawValue,
                "note": sandbox
                    ? "no WhatsApp credentials: replies go to the built-in Graph API stand-in"
                    : "replies go to the Graph API",
                "app_secret": configuration.appSecret == nil ? "generated" : "configured",
                "config": configuration.description,
            ])
        if sandbox, configuration.port != 0 {
            LoketApplication.showTryIt(configuration, port: configuration.port, logger: logger)
        }
        GraphClient.initializeLibraryOnce()
        do {
            let application = try LoketApplication(configuration: configuration, logger: logger)
            if arguments.contains("--demo") { try application.seedDemo() }
            // Building the application (dialogs read, the intent recognizer trained) leaves megabytes of freed
            // temporaries in the heap; the service's threads start after this and need none of them.
            _ = cmalloc_release_free_memory()
            try application.run()
        } catch let error as ConfigurationError {
            // Dialog files that cannot be used are configuration, like a bad setting: EX_CONFIG.
            logger.error("loket.start_failed", ["error": "\(error)"])
            exit(78)
        } catch {
            logger.error("loket.start_failed", ["error": "\(error)"])
            exit(1)
        }
        exit(0)
    }
}
