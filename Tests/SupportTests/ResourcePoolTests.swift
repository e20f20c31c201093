import Support
import Synchronization
import Testing

struct ResourcePoolTests {
    struct Refused: Error {}

    @Test func aResourceIsMadeOnlyWhenNoneIsIdle() {
        let pool = ResourcePool<Int, Never>(capacity: 3) { 7 }
        let first = pool.take()
        pool.give(first)
        let second = pool.take()
        let third = pool.take()
        #expect(pool.madeCount == 2)
        pool.give(second)
        pool.give(third)
        #expect(pool.madeCount == 2)
    }

    @Test func aResourceThatCannotBeMadeFreesItsPlace() throws {
        let refusals = Mutex(1)
        let pool = ResourcePool<Int, Refused>(capacity: 1) { () throws(Refused) -> Int in
            let refuse = refusals.withLock { count in
                defer { count = max(0, count - 1) }
                return count > 0
            }
            if refuse { throw Refused() }
            return 7
        }
        #expect(throws: Refused.self) { try pool.take() }
        #expect(pool.madeCount == 0)
        // The place is free again: the next take makes the one resource instead of waiting forever.
        #expect(try pool.take() == 7)
        #expect(pool.madeCount == 1)
    }
}
