import Foundation
import Synchronization

/// Keeps one log line repeated in a loop from flooding the log: within each `interval`, the same line is
/// written at most `burst` times; the rest are counted, and the first copy written after the interval
/// carries that count.
final class LogRepeatLimiter: Sendable {
    private struct Entry {
        var windowStart: Date
        var written: Int
        var left: Int
    }

    private let interval: TimeInterval
    private let burst: Int
    /// Lines tracked at most; past it, entries whose interval ended are forgotten (once per interval), and
    /// new lines are written without limiting rather than tracked without bound.
    private let capacity: Int
    private let state = Mutex<(entries: [String: Entry], lastSweep: Date)>(([:], .distantPast))

    init(interval: TimeInterval = 1, burst: Int = 5, capacity: Int = 4096) {
        self.interval = interval
        self.burst = burst
        self.capacity = capacity
    }

    /// `nil` when `line` is to be left out; otherwise how many copies were left out before it.
    func admit(_ line: String, at now: Date) -> Int? {
        self.state.withLock { state in
            if var entry = state.entries[line] {
                if now.timeIntervalSince(entry.windowStart) >= self.interval {
                    state.entries[line] = Entry(windowStart: now, written: 1, left: 0)
                    return entry.left
                }
                guard entry.written < self.burst else {
                    entry.left += 1
                    state.entries[line] = entry
                    return nil
                }
                entry.written += 1
                state.entries[line] = entry
                return 0
            }
            if state.entries.count >= self.capacity {
                // At most one sweep per interval, so many distinct lines cost no more than one pass each.
                guard now.timeIntervalSince(state.lastSweep) >= self.interval else { return 0 }
                state.lastSweep = now
                state.entries = state.entries.filter {
                    now.timeIntervalSince($0.value.windowStart) < self.interval || $0.value.left > 0
                }
                guard state.entries.count < self.capacity else { return 0 }
            }
            state.entries[line] = Entry(windowStart: now, written: 1, left: 0)
            return 0
        }
    }
}
