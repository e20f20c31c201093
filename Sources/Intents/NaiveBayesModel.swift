import Foundation

/// A multinomial naive Bayes classifier over hashed features, with a softmax temperature fitted on
/// leave-one-out scores of its own training set so that its probabilities are calibrated.
///
/// In complement mode (Rennie et al., 2003) each class is scored by how unlikely the message is under all the
/// other classes together, which is less swayed by classes with few or short examples.
struct NaiveBayesModel: Equatable, Sendable {
    let classCount: Int
    private let rows: FeatureRows
    private let logProbabilities: [Float]
    let validation: ModelValidation

    private var temperature: Double { self.validation.temperature }

    init(samples: [IntentSample], classCount: Int, smoothing: Float = 0.1, complement: Bool = false) {
        self.classCount = classCount
        let aggregated = samples.map { FeatureHasher.merged($0.features) }
        var rows = FeatureRows(compact: true)
        var counts: [Float] = []
        var classTotals = [Float](repeating: 0, count: classCount)
        for (sample, features) in zip(samples, aggregated) {
            for feature in features {
                let (found, inserted) = rows.insert(feature.hash)
                let row = Int(found)
                if inserted {
                    counts.append(contentsOf: repeatElement(0, count: classCount + 1))
                }
                counts[row * (classCount + 1) + sample.label] += feature.weight
                counts[row * (classCount + 1) + classCount] += feature.weight
                classTotals[sample.label] += feature.weight
            }
        }
        let vocabulary = Float(max(rows.count, 1))
        let grandTotal = classTotals.reduce(0, +)
        /// The score weight of one feature for one class, given its count in the class, its count in all
        /// classes, and the class's total.
        func weight(count: Float, total: Float, classTotal: Float, grand: Float) -> Float {
            if complement {
                return -log((max(total - count, 0) + smoothing) / (grand - classTotal + smoothing * vocabulary))
            }
            return log((max(count, 0) + smoothing) / (classTotal + smoothing * vocabulary))
        }
        var logProbabilities = [Float](repeating: 0, count: rows.count * classCount)
        for row in 0..<rows.count {
            let total = counts[row * (classCount + 1) + classCount]
            for label in 0..<classCount {
                logProbabilities[row * classCount + label] = weight(
                    count: counts[row * (classCount + 1) + label], total: total, classTotal: classTotals[label],
                    grand: grandTotal)
            }
        }
        self.rows = rows
        self.logProbabilities = logProbabilities

        // Leave-one-out scores: each sample scored by the model trained without it.
        var heldOut: [(scores: [Double], label: Int)] = []
        heldOut.reserveCapacity(samples.count)
        for (sample, features) in zip(samples, aggregated) {
            let ownTotal = features.reduce(Float(0)) { $0 + $1.weight }
            var scores = [Double](repeating: 0, count: classCount)
            for feature in features {
                guard let row = rows[feature.hash].map(Int.init) else { continue }
                let total = counts[row * (classCount + 1) + classCount]
                if total - feature.weight <= 1e-6 { continue }
                for label in 0..<classCount {
                    let count = counts[row * (classCount + 1) + label]
                    let own = label == sample.label
                    let value = weight(
                        count: own ? count - feature.weight : count, total: total - feature.weight,
                        classTotal: own ? classTotals[label] - ownTotal : classTotals[label],
                        grand: grandTotal - ownTotal)
                    scores[label] += Double(feature.weight) * Double(value)
                }
            }
            heldOut.append((scores, sample.label))
        }
        self.validation = ModelCalibration.validation(heldOut)
    }

    /// Calibrated class probabilities for `features`, and how many features the model knew.
    func probabilities(_ features: [FeatureHasher.Feature]) -> (probabilities: [Double], matched: Int) {
        var scores = [Double](repeating: 0, count: self.classCount)
        var matched = 0
        self.logProbabilities.withUnsafeBufferPointer { table in
            for feature in features {
                guard let row = self.rows[feature.hash] else { continue }
                matched += 1
                let base = Int(row) * self.classCount
                let weight = Double(feature.weight)
                for label in 0..<self.classCount {
                    scores[label] += weight * Double(table[base + label])
                }
            }
        }
        return (ModelCalibration.softmax(scores, temperature: self.temperature), matched)
    }
}
