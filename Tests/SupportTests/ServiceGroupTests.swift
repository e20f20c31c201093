import Support
import Synchronization
import Testing

/// The lifecycle every thread-owning part shares: start in order, stop in reverse, undo a partial start.
struct ServiceGroupTests {
    struct Refused: Error {}

    final class Part: Service {
        let name: String
        let journal: Journal
        let failsToStart: Bool

        init(_ name: String, journal: Journal, failsToStart: Bool = false) {
            self.name = name
            self.journal = journal
            self.failsToStart = failsToStart
        }

        func start() throws {
            if self.failsToStart { throw Refused() }
            self.journal.append("start \(self.name)")
        }

        func stop() { self.journal.append("stop \(self.name)") }
    }

    final class Journal: Sendable {
        private let lines = Mutex<[String]>([])
        func append(_ line: String) { self.lines.withLock { $0.append(line) } }
        var all: [String] { self.lines.withLock { $0 } }
    }

    @Test func partsStartInOrderAndStopInReverse() throws {
        let journal = Journal()
        let group = ServiceGroup(["store", "dispatch", "server"].map { Part($0, journal: journal) })
        try group.start()
        group.stop()
        #expect(
            journal.all == [
                "start store", "start dispatch", "start server", "stop server", "stop dispatch", "stop store",
            ])
    }

    @Test func aPartThatCannotStartStopsTheOnesAlreadyStarted() {
        let journal = Journal()
        let group = ServiceGroup([
            Part("store", journal: journal), Part("dispatch", journal: journal),
            Part("server", journal: journal, failsToStart: true), Part("after", journal: journal),
        ])
        #expect(throws: Refused.self) { try group.start() }
        #expect(journal.all == ["start store", "start dispatch", "stop dispatch", "stop store"])
    }
}
