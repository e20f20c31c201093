import Conversation
import Foundation
import HTTPServer
import HelpdeskRuntime
import Intents
import PhoneSimulator
import StaffAPI
import StaffAccess
import Storage
import Support
import Synchronization
import Ticketing
import WebhookServer
import WhatsAppOutbox

/// The running Loket service: configuration, the database, the HTTP edge, the dispatcher, the outbox
/// sender and, in sandbox mode, the Graph API stand-in on a loopback port.
///
/// `start()` brings everything up (the database first, the HTTP server last); `stop()` takes it down in
/// the reverse order, letting requests in flight finish and their events commit; `run()` does both
/// around SIGTERM/SIGINT.
public final class LoketApplication: Sendable {
    public let configuration: Configuration
    private let logger: Logger
    private let metrics: Metrics
    private let writer: DatabaseWriter
    private let server: HTTPServer
    private let standInServer: HTTPServer?
    /// Every thread-owning part in start order: the WAL checkpointer (off the commit path, so
    /// acknowledging webhooks never waits for it), the outbox sender, the dispatcher, the timers, the
    /// inbox writer, and the HTTP server last, so nothing is accepted before it can be stored.
    private let services: ServiceGroup
    /// This run's row in `service_runs`, set by `start()`.
    private let currentRun = Mutex<Int64?>(nil)
    /// Where outbound Graph API calls go: Meta's API, or the stand-in in sandbox mode.
    private let graphBase: String
    /// Downloads WhatsApp media into the data directory (for the dialogs that accept documents); its
    /// results are counted in `loket_media_downloads_total`.
    public let mediaFetcher: any MediaFetcher
    /// The built-in Graph API stand-in, in sandbox mode.
    public let standIn: GraphAPIStandIn?
    /// The conversation runtime the dispatcher runs for every message.
    public let runtime: ConversationRuntime
    /// The ticket rules (calendar, SLA, survey) loaded from the dialogs directory.
    public let ticketConfiguration: TicketStoreConfiguration
    /// Delivers due conversation timers (reminders among them); woken when one is due sooner.
    let timers: ConversationTimerRunner
    /// The port the service listens on once started (the phone simulator posts its webhooks there).
    private let ownPort: ListeningPort

    /// Builds the service; throws `ConfigurationError` naming the setting when the data directory or an
    /// address is unusable, or the database error when the database cannot be opened or migrated.
    public init(configuration: Configuration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        let metrics = Metrics()
        self.metrics = metrics

        do {
            try FileManager.default.createDirectory(
                atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        } catch {
            throw ConfigurationError.invalid(
                "LOKET_DATA_DIR", "cannot be created: \(error.localizedDescription)")
        }
        let writer = try DatabaseWriter(
            path: configuration.databasePath,
            migrators: [
                InboxStore.migrator, Outbox.migrator, TicketSchema.migrator, ConversationRecords.migrator,
                ServiceRuns.migrator, AccessSchema.migrator,
            ])
        self.writer = writer
        let dialogs = try Self.loadDialogs(from: configuration.dialogsDirectory, logger: logger)
        self.ticketConfiguration = dialogs.tickets
        let checkpointer = try WALCheckpointer(writer: writer)

        let secrets = Self.secrets(for: configuration)
        var graphBase = configuration.apiBase
        if configuration.mode == .sandbox {
            // The stand-in writes its own address into media descriptors; it is known once its server is
            // bound, before anything in Loket can call it.
            let standIn = GraphAPIStandIn(
                configuration: GraphAPIStandIn.Configuration(
                    accessToken: secrets.accessToken, publicBaseURL: "http://127.0.0.1:0",
                    log: { line in logger.passthrough(.debug, line) }))
            let server = HTTPServer(
                configuration: HTTPServerConfiguration(
                    host: configuration.sandboxGraphHost, port: configuration.sandboxGraphPort),
                responder: standIn)
            try server.start()
            let host =
                configuration.sandboxGraphHost.contains(":")
                ? "[\(configuration.sandboxGraphHost)]" : configuration.sandboxGraphHost
            graphBase = "http://\(host):\(server.port)"
            standIn.setPublicBaseURL(graphBase)
            self.standIn = standIn
            self.standInServer = server
        } else {
            self.standIn = nil
            self.standInServer = nil
        }

        self.graphBase = graphBase
        self.mediaFetcher = MediaDownloader(
            configuration: MediaDownloader.Configuration(dataDirectory: configuration.dataDirectory),
            // One client per dispatcher lane: a lane's download never waits behind another lane's.
            transport: GraphTransportPool(capacity: configuration.dispatcherLanes) { [graphBase] in
                GraphClient(
                    configuration: GraphClient.Configuration(baseURL: graphBase, accessToken: secrets.accessToken))
            },
            metrics: MediaMetrics { metrics.recordMediaDownload(result: $0) }, logger: logger)
        let outbox = Outbox(configuration: Outbox.Configuration(defaultTemplate: configuration.noticeTemplate))
        let sender = OutboxSender(
            configuration: OutboxSender.Configuration(
                phoneNumberID: secrets.phoneNumberID, workerCount: configuration.sendConnections,
                messagesPerSecond: configuration.sendRate),
            outbox: outbox, writer: writer, mediaStore: MediaStore(dataDirectory: configuration.dataDirectory),
            makeTransport: { _ in
                GraphClient(
                    configuration: GraphClient.Configuration(
                        baseURL: graphBase, accessToken: secrets.accessToken))
            },
            metrics: OutboxMetrics { metrics.recordSend(result: $0.rawValue) }, logger: logger)

        let senderWaker = CoalescingWaker(interval: .milliseconds(20)) { sender.wake() }
        // Acknowledged webhooks go to the inbox log first; what an earlier run left there moves into the inbox
        // table now, before anything else reads it.
        let inboxLog = try InboxLog(directory: configuration.dataDirectory + "/inbox-log")
        let replayer = InboxLogReplayer(log: inboxLog, writer: writer, logger: logger.with("component", "inbox"))
        try replayer.recover()
        let runtime = ConversationRuntime(
            catalogue: dialogs.catalogue, survey: dialogs.survey, recognizer: dialogs.recognizer,
            tickets: dialogs.tickets, media: self.mediaFetcher, writer: writer,
            reminderTemplate: configuration.reminderTemplate, logger: logger.with("component", "conversation"))
        self.runtime = runtime
        let dispatcher = Dispatcher(
            writer: writer, step: runtime, outbox: outbox, recorder: outbox,
            settings: DispatcherSettings(
                laneCount: configuration.dispatcherLanes, staleAge: configuration.staleAge,
                paused: configuration.dispatchPaused),
            metrics: metrics, logger: logger.with("component", "dispatcher"),
            onEnqueued: { sender.wake(recipients: $0) }, replayer: replayer)
        let inbox = InboxWriter(
            writer: writer, log: inboxLog, logger: logger.with("component", "inbox"), onCommit: { dispatcher.wake() },
            handOff: { dispatcher.take($0, through: $1) })
        let timers = ConversationTimerRunner(
            writer: writer, runtime: runtime, outbox: outbox, logger: logger.with("component", "timers"),
            retention: DocumentRetention(
                dataDirectory: configuration.dataDirectory, policy: configuration.documentRetention, writer: writer,
                tickets: dialogs.tickets, logger: logger.with("component", "retention")),
            onEnqueued: { senderWaker.wake() })
        self.timers = timers

        metrics.setGauge(Metrics.inboxPending) {
            let backlog = try? writer.read { try InboxStore.backlog(in: $0) }
            return [(labels: [], value: Double((backlog?.count ?? 0) + replayer.backlog))]
        }
        metrics.setGauge(Metrics.inboxOldestPendingAge) {
            let backlog = try? writer.read { try InboxStore.backlog(in: $0) }
            let age = backlog?.oldestReceivedAt.map { max(0, Date().timeIntervalSince($0)) } ?? 0
            return [(labels: [], value: age)]
        }
        // The sender keeps this count fresh on its idle polls; a scrape need not take the writer for it.
        metrics.setGauge(Metrics.outboxPending) { [(labels: [], value: Double(sender.pendingCount))] }
        metrics.setGauge(Metrics.outboxRetrying) {
            [(labels: [], value: Double(sender.queueState.retryingRecipients))]
        }
        metrics.setGauge(Metrics.outboxOldestPendingAge) {
            [(labels: [], value: sender.queueState.oldestAge(at: Date()))]
        }

        // Staff API under /api: staff actions run the reporter's conversation and queue its messages.
        let staffEvents = StaffEvents(writer: writer, logger: logger.with("component", "staff_events"))
        let staffAPI = StaffAPI(
            writer: writer, runtime: runtime, outbox: outbox, wakeSender: { senderWaker.wake() },
            logger: logger.with("component", "staff_api"), secureCookies: configuration.secureCookies,
            trustedProxies: configuration.unlimitedClients, dataDirectory: configuration.dataDirectory,
            canned: dialogs.canned, events: staffEvents)
        // End of the staff API wiring.

        var mounts: [(prefix: String, responder: any HTTPResponder)] = [
            (prefix: "/api", responder: staffAPI),
            (prefix: "/console", responder: StaffConsole(directory: configuration.consoleDirectory, writer: writer)),
        ]
        // The phone simulator exists in sandbox mode only: in production `/simulator` is no route at all.
        let ownPort = ListeningPort()
        self.ownPort = ownPort
        if let standIn = self.standIn {
            mounts.append(
                (
                    prefix: "/simulator",
                    responder: PhoneSimulator(
                        directory: configuration.simulatorDirectory, standIn: standIn, appSecret: secrets.appSecret,
                        writer: writer, loketPort: { ownPort.value.load(ordering: .relaxed) },
                        logger: logger.with("component", "simulator"))
                ))
        }
        let mode = configuration.mode.rawValue
        let router = WebhookRouter(
            verifier: SignatureVerifier(appSecret: secrets.appSecret),
            handshake: VerificationHandshake(verifyToken: secrets.verifyToken), inbox: inbox,
            metrics: metrics,
            logger: logger.with("component", "webhook"),
            health: {
                let pending = try? writer.read { try InboxStore.count(state: "pending", in: $0) }
                return WebhookRouter.Health(
                    databaseReachable: pending != nil, mode: mode, inboxPending: pending.map { $0 + replayer.backlog })
            },
            mounts: mounts)
        var serverConfiguration = HTTPServerConfiguration(
            host: configuration.host, port: configuration.port, maxConnections: configuration.maxConnections)
        serverConfiguration.maxConnectionsPerClient = configuration.maxConnectionsPerClient
        serverConfiguration.maxBufferedBodyBytes = configuration.maxBufferedBodyBytes
        serverConfiguration.unlimitedClients = configuration.unlimitedClients
        // Staff send files to providers as large as the files providers attach.
        serverConfiguration.maxBodyBytesByPath["/api/tickets/*/files"] = StaffAPI.maxFileBytes
        if self.standIn != nil {
            // A provider's file in the simulator may be larger than any request Loket itself takes.
            serverConfiguration.maxBodyBytesByPath["/simulator/api/send"] = PhoneSimulator.maxSendBodyBytes
        }
        let server = HTTPServer(
            configuration: serverConfiguration,
            responder: router,
            observer: { exchange in
                // Requests the server answered itself (malformed, too large, too slow) never reach the router.
                if exchange.method.isEmpty { metrics.recordHTTPRequest(route: "invalid", status: exchange.status) }
            },
            log: { level, line in logger.passthrough(level, line) })
        self.server = server
        metrics.setGauge(Metrics.uncleanRestarts) {
            let counts = try? writer.read {
                try ServiceRuns.uncleanRestarts(since: Date().addingTimeInterval(-3600), in: $0)
            }
            return [
                (labels: [("within", "all")], value: Double(counts?.total ?? 0)),
                (labels: [("within", "1h")], value: Double(counts?.recent ?? 0)),
            ]
        }
        metrics.setGauge(Metrics.durableCommits) {
            [(labels: [], value: Double(writer.durableCommitCount + inboxLog.fsyncCount))]
        }
        metrics.setGauge(Metrics.inboxLogGroups) { [(labels: [], value: Double(inboxLog.groupSyncs.count))] }
        metrics.setGauge(Metrics.inboxLogSyncSeconds) { [(labels: [], value: inboxLog.groupSyncs.seconds)] }
        metrics.setGauge(Metrics.databaseCommits) { [(labels: [], value: Double(writer.commitCount))] }
        metrics.setGauge(Metrics.refusedConnections) {
            server.refusedConnections.map { (labels: [("reason", $0.reason)], value: Double($0.count)) }
        }
        metrics.setGauge(Metrics.bufferedBodyBytes) { [(labels: [], value: Double(server.bufferedBodyBytes))] }
        self.services = ServiceGroup([checkpointer, sender, dispatcher, timers, staffEvents, inbox, server])
    }

    /// The port the webhook server listens on (after `start()`).
    public var port: Int { self.server.port }

    /// The port of the Graph API stand-in in sandbox mode (after `start()`).
    public var standInPort: Int? { self.standInServer?.port }

    /// Starts every part in order; the HTTP server last, so nothing is accepted before it can be stored.
    /// (In sandbox mode the stand-in already listens: `init` binds it to learn its port.)
    public func start() throws {
        let now = Date()
        let (run, afterUncleanEnd) = try self.writer.write(durability: .powerLoss) {
            try ServiceRuns.begin(at: now, in: $0)
        }
        self.currentRun.withLock { $0 = run }
        if afterUncleanEnd {
            self.logger.warning(
                "loket.unclean_restart", ["note": "the previous run ended without stopping (crash, kill or power cut)"])
        }
        try self.services.start()
        self.ownPort.value.store(self.server.port, ordering: .relaxed)
        self.logger.info(
            "loket.listening",
            [
                "addr": "\(self.configuration.host):\(self.server.port)",
                "mode": self.configuration.mode.rawValue,
                "graph_api": self.graphBase,
            ])
        if self.configuration.mode == .sandbox { try self.showTheWay() }
    }

    /// Stops accepting, lets requests in flight finish and commit, then stops processing and sending.
    public func stop() {
        self.logger.info("loket.stopping")
        self.services.stop()
        self.standInServer?.stop(timeout: .seconds(2))
        if let run = self.currentRun.withLock({ $0 }) {
            let now = Date()
            try? self.writer.write(durability: .powerLoss) { try ServiceRuns.end(run, at: now, in: $0) }
        }
        self.logger.info("loket.stopped")
    }

    /// Starts, then blocks until SIGTERM or SIGINT and stops gracefully.
    public func run() throws {
        let stopped = DispatchSemaphore(value: 0)
        let trap = TerminationSignalTrap { signal in
            self.logger.info("loket.signal", ["signal": String(signal)])
            stopped.signal()
        }
        try self.start()
        stopped.wait()
        trap.cancel()
        self.stop()
    }

    private struct Secrets {
        var appSecret: String
        var verifyToken: String
        var accessToken: String
        var phoneNumberID: String
    }

    /// The configured credentials; in sandbox mode the missing ones are generated.
    private static func secrets(for configuration: Configuration) -> Secrets {
        Secrets(
            appSecret: configuration.appSecret ?? RandomToken.hex(),
            verifyToken: configuration.verifyToken ?? RandomToken.hex(byteCount: 16),
            accessToken: configuration.accessToken ?? RandomToken.hex(),
            phoneNumberID: configuration.phoneNumberID ?? "100000000000000")
    }
}

extension LoketApplication {
    /// The two addresses to start from in sandbox mode: the phone simulator and the staff console.
    public static func showTryIt(_ configuration: Configuration, port: Int, logger: Logger) {
        let host = ["0.0.0.0", "::", ""].contains(configuration.host) ? "127.0.0.1" : configuration.host
        let base = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        logger.warning(
            "loket.try_it",
            [
                "simulator": base + "/simulator", "console": base + "/console",
                "note": "chat as a provider, answer as staff",
            ])
    }

    /// `loket serve --demo`: a month of demonstration data in an empty sandbox store; returns the tickets opened.
    @discardableResult
    public func seedDemo(now: Date = Date()) throws -> Int {
        guard self.configuration.mode == .sandbox else {
            throw ConfigurationError.invalid("--demo", "seeds demonstration data in sandbox mode only")
        }
        return try DemoSeed.seed(
            writer: self.writer, tickets: self.ticketConfiguration, catalogue: self.runtime.catalogue, now: now,
            logger: self.logger.with("component", "demo"))
    }

    /// Sandbox only: where to start (the phone simulator beside the console), and on the first run a demo
    /// admin and a Level 1 member whose passwords are shown this once.
    func showTheWay() throws {
        // With a fixed port `loket serve` said it right after its first line; a port picked at start is known now.
        if self.configuration.port == 0 {
            Self.showTryIt(self.configuration, port: self.server.port, logger: self.logger)
        }
        let created = try self.writer.write(durability: .powerLoss) { database -> [(String, String, String)]? in
            let accounts = StaffAccounts(database: database)
            // The first run: nobody can sign in yet (demonstration members from --demo have no password).
            let signIn = try database.queryFirst(
                "SELECT count(*) FROM staff_credentials WHERE password_hash IS NOT NULL", row: { $0.int(0) })
            guard signIn == 0 else { return nil }
            let members = [("admin", "Admin Demo", StaffRole.admin), ("petugas", "Petugas Demo", StaffRole.level1)]
                .filter { (try? accounts.role(of: $0.0)) == nil }
            return try members.map { id, name, role in
                let password = SecureRandom.password()
                try accounts.save(id: id, name: name, role: role, at: Date())
                try accounts.setPassword(of: id, to: password, at: Date())
                return (id, role.rawValue, password)
            }
        }
        guard let created else { return }
        self.logger.warning(
            "loket.demo_accounts",
            [
                "accounts": created.map { "\($0.0) / \($0.2) (\($0.1))" }.joined(separator: ", "),
                "note": "sandbox only; shown this once",
            ])
    }
}

/// The service's port once it listens, for parts built before the server (the phone simulator).
final class ListeningPort: Sendable {
    let value = Atomic<Int>(0)
}
