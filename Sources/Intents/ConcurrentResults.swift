import Dispatch
import Synchronization

/// Runs jobs `0..<count` side by side on the machine's cores and returns their results in job order.
func concurrentResults<Result: Sendable>(count: Int, _ job: @Sendable (Int) -> Result) -> [Result] {
    let results = Mutex<[Int: Result]>([:])
    DispatchQueue.concurrentPerform(iterations: count) { index in
        let result = job(index)
        results.withLock { $0[index] = result }
    }
    return results.withLock { stored in (0..<count).compactMap { stored[$0] } }
}
