import Foundation
import Testing

@testable import WhatsAppOutbox

struct OutboxRateLimitTests {
    private let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func bucketAllowsItsCapacityAtOnce() {
        var bucket = TokenBucket(capacity: 3, ratePerSecond: 1, now: self.start)
        #expect(bucket.take(now: self.start) == nil)
        #expect(bucket.take(now: self.start) == nil)
        #expect(bucket.take(now: self.start) == nil)
        #expect(bucket.take(now: self.start) == self.start.addingTimeInterval(1))
    }

    @Test func bucketRefillsAtItsRate() {
        var bucket = TokenBucket(capacity: 80, ratePerSecond: 80, now: self.start)
        for _ in 0..<80 { _ = bucket.take(now: self.start) }
        #expect(bucket.take(now: self.start) == self.start.addingTimeInterval(1.0 / 80))
        #expect(bucket.take(now: self.start.addingTimeInterval(1.0 / 80)) == nil)
    }

    @Test func bucketNeverHoldsMoreThanItsCapacity() {
        var bucket = TokenBucket(capacity: 2, ratePerSecond: 1, now: self.start)
        let later = self.start.addingTimeInterval(3600)
        #expect(bucket.take(now: later) == nil)
        #expect(bucket.take(now: later) == nil)
        #expect(bucket.take(now: later) != nil)
    }

    @Test func pacerAllowsABurstThenOneMessagePerInterval() {
        var pacer = RecipientPacer(burst: 2, interval: 6)
        #expect(pacer.nextSlot(for: "628111", now: self.start) == nil)
        pacer.recordSend(to: "628111", now: self.start)
        #expect(pacer.nextSlot(for: "628111", now: self.start) == nil)
        pacer.recordSend(to: "628111", now: self.start)
        #expect(pacer.nextSlot(for: "628111", now: self.start) == self.start.addingTimeInterval(6))
        #expect(pacer.nextSlot(for: "628111", now: self.start.addingTimeInterval(6)) == nil)
    }

    @Test func pacerKeepsRecipientsApart() {
        var pacer = RecipientPacer(burst: 1, interval: 6)
        pacer.recordSend(to: "628111", now: self.start)
        #expect(pacer.nextSlot(for: "628111", now: self.start) != nil)
        #expect(pacer.nextSlot(for: "628222", now: self.start) == nil)
    }

    @Test func pacerForgetsIdleRecipientsWhenItGrows() {
        var pacer = RecipientPacer(burst: 1, interval: 6, pruneThreshold: 2)
        pacer.recordSend(to: "a", now: self.start)
        pacer.recordSend(to: "b", now: self.start)
        pacer.recordSend(to: "c", now: self.start.addingTimeInterval(60))
        #expect(pacer.trackedRecipients == 1)
    }
}
