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

    @Test func bucketLendsWholeTokensAndTakesBackTheUnspent() {
        var bucket = TokenBucket(capacity: 4, ratePerSecond: 2, now: self.start)
        #expect(bucket.take(upTo: 3, now: self.start) == 3)
        #expect(bucket.take(upTo: 3, now: self.start) == 1, "only what is there")
        #expect(bucket.take(upTo: 3, now: self.start) == 0)
        #expect(bucket.take(upTo: 3, now: self.start.addingTimeInterval(0.75)) == 1, "1.5 tokens: one whole")
        bucket.giveBack(2)
        #expect(bucket.available(now: self.start.addingTimeInterval(0.75)) == 2.5)
        bucket.giveBack(10)
        #expect(bucket.available(now: self.start.addingTimeInterval(0.75)) == 4, "never above the capacity")
    }

    @Test func bucketTellsWhenSeveralTokensWillBeThere() {
        var bucket = TokenBucket(capacity: 10, ratePerSecond: 100, now: self.start)
        #expect(bucket.take(upTo: 10, now: self.start) == 10)
        #expect(bucket.instant(when: 5, now: self.start) == self.start.addingTimeInterval(0.05))
        #expect(bucket.instant(when: 0.2, now: self.start) == self.start.addingTimeInterval(0.01), "at least one")
        #expect(bucket.instant(when: 50, now: self.start) == self.start.addingTimeInterval(0.1), "at most full")
        #expect(bucket.instant(when: 5, now: self.start.addingTimeInterval(0.05)) == nil)
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
