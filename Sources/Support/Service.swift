/// A part of Loket that owns threads or sockets: started once before use, stopped once after.
///
/// `stop()` returns only when the part's threads have finished what they had accepted; calling it again,
/// or before `start()`, does nothing.
public protocol Service: AnyObject, Sendable {
    func start() throws
    func stop()
}

/// Runs services in the order given and stops them in the reverse order, so each part starts after what it
/// feeds into and stops before it: the database first and the listening socket last, then the socket first
/// on the way down, letting requests in flight reach the parts behind it.
public final class ServiceGroup: Sendable {
    public let services: [any Service]

    public init(_ services: [any Service]) {
        self.services = services
    }

    /// Starts every service in order; when one fails, the ones already started are stopped again (in
    /// reverse) before the error is thrown.
    public func start() throws {
        for (index, service) in self.services.enumerated() {
            do {
                try service.start()
            } catch {
                for started in self.services[..<index].reversed() { started.stop() }
                throw error
            }
        }
    }

    /// Stops every service in reverse order.
    public func stop() {
        for service in self.services.reversed() { service.stop() }
    }
}
