import Foundation

/// Resources made on first need, up to `capacity`, each lent to one thread at a time (`take`, then `give`):
/// a caller waits only while every one of them is lent out.
///
/// The database's read-only connections and the Graph API clients of the media downloads are kept this way.
///
/// `@unchecked Sendable`: `idle` and `made` are used only while `condition` is locked, and a resource only by
/// the thread it is lent to.
public final class ResourcePool<Resource, Failure: Error>: @unchecked Sendable {
    /// Most resources made, and so lent at once.
    public let capacity: Int
    private let make: () throws(Failure) -> Resource
    private let condition = NSCondition()
    private var idle: [Resource] = []
    private var made = 0

    /// - Parameter make: makes one resource; called at most `capacity` times while none fails.
    public init(capacity: Int, make: @escaping () throws(Failure) -> Resource) {
        precondition(capacity > 0, "Invalid pool capacity: at least one resource is needed")
        self.capacity = capacity
        self.make = make
    }

    /// Resources made so far.
    public var madeCount: Int {
        self.condition.lock()
        defer { self.condition.unlock() }
        return self.made
    }

    /// An idle resource, a new one while fewer than `capacity` exist, or the next one given back.
    public func take() throws(Failure) -> Resource {
        self.condition.lock()
        while self.idle.isEmpty && self.made >= self.capacity {
            self.condition.wait()
        }
        if let resource = self.idle.popLast() {
            self.condition.unlock()
            return resource
        }
        self.made += 1
        self.condition.unlock()
        do {
            return try self.make()
        } catch {
            self.condition.lock()
            self.made -= 1
            self.condition.signal()
            self.condition.unlock()
            throw error
        }
    }

    /// Returns a resource `take` lent.
    public func give(_ resource: Resource) {
        self.condition.lock()
        self.idle.append(resource)
        self.condition.signal()
        self.condition.unlock()
    }
}
