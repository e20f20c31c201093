import Dispatch
import Foundation
import Synchronization
import Testing

@testable import WhatsAppOutbox

/// The pool that lets every dispatcher lane download at once.
struct GraphTransportPoolTests {
    final class Shared: Sendable {
        let counts = Mutex<(now: Int, most: Int)>((0, 0))
    }

    @Test func callsRunSideBySideUpToTheCapacity() throws {
        let shared = Shared()
        let pool = GraphTransportPool(capacity: 3) { CountingTransport(shared: shared, delay: 0.2) }
        let started = Date()
        let group = DispatchGroup()
        for _ in 0..<6 {
            group.enter()
            Thread.detachNewThread {
                _ = try? pool.perform(.get("/media"))
                group.leave()
            }
        }
        group.wait()
        let elapsed = Date().timeIntervalSince(started)
        #expect(shared.counts.withLock { $0.most } == 3)
        #expect(pool.madeCount == 3)
        // Six calls of 0.2 s, three at a time: two rounds, not six.
        #expect(elapsed < 1.0, "\(elapsed)")
    }

    @Test func transportsAreMadeOnlyWhenNeeded() throws {
        let shared = Shared()
        let pool = GraphTransportPool(capacity: 8) { CountingTransport(shared: shared, delay: 0) }
        #expect(pool.madeCount == 0)
        for _ in 0..<5 {
            _ = try pool.perform(.get("/media"))
        }
        #expect(pool.madeCount == 1)
    }

    /// Counts calls in flight across every transport of a pool.
    final class CountingTransport: GraphTransport, Sendable {
        let shared: Shared
        let delay: TimeInterval

        init(shared: Shared, delay: TimeInterval) {
            self.shared = shared
            self.delay = delay
        }

        func perform(_ request: GraphHTTPRequest) throws(GraphTransportError) -> GraphHTTPResponse {
            self.shared.counts.withLock { counts in
                counts.now += 1
                counts.most = max(counts.most, counts.now)
            }
            if self.delay > 0 { Thread.sleep(forTimeInterval: self.delay) }
            self.shared.counts.withLock { $0.now -= 1 }
            return GraphHTTPResponse(status: 200, body: Array("{}".utf8))
        }
    }
}
