import Foundation

/// A statistical classifier behind the phrase rules: calibrated class probabilities for a message's hashed
/// features, and what its held-out validation measured.
protocol IntentModel: Sendable {
    var validation: ModelValidation { get }
    func probabilities(_ features: [FeatureHasher.Feature]) -> (probabilities: [Double], matched: Int)
}

extension NaiveBayesModel: IntentModel {}

extension LogisticModel: IntentModel {}

/// A training example: its features and the index of its class.
struct IntentSample: Equatable, Sendable {
    var features: [FeatureHasher.Feature]
    var label: Int
}

/// Figures measured on a model's held-out training examples.
struct ModelValidation: Equatable, Sendable {
    var accuracy: Double
    /// Expected calibration error of the tempered probabilities (10 bins).
    var calibrationError: Double
    var temperature: Double
}

/// Turns a model's class scores into calibrated probabilities: a softmax whose temperature is fitted on
/// held-out scores.
enum ModelCalibration {
    static func softmax(_ scores: [Double], temperature: Double) -> [Double] {
        let top = scores.max() ?? 0
        var exponentials = scores.map { exp(($0 - top) / temperature) }
        let sum = exponentials.reduce(0, +)
        for index in exponentials.indices { exponentials[index] /= sum }
        return exponentials
    }

    /// The temperature that minimises the log loss of `heldOut`, with the accuracy and calibration error it
    /// gives.
    static func validation(_ heldOut: [(scores: [Double], label: Int)]) -> ModelValidation {
        guard !heldOut.isEmpty else { return ModelValidation(accuracy: 0, calibrationError: 0, temperature: 1) }
        // The held-out negative log-likelihood is convex in 1 / temperature, so a golden-section search over
        // log(temperature) in [0.05, 200] finds its minimum.
        func loss(_ logTemperature: Double) -> Double {
            let inverse = exp(-logTemperature)
            var total = 0.0
            for sample in heldOut {
                let top = sample.scores.max() ?? 0
                var sum = 0.0
                for score in sample.scores { sum += exp((score - top) * inverse) }
                total += log(sum) - (sample.scores[sample.label] - top) * inverse
            }
            return total
        }
        let ratio = (5.0.squareRoot() - 1) / 2
        var (low, high) = (log(0.05), log(200.0))
        var (left, right) = (high - ratio * (high - low), low + ratio * (high - low))
        var (leftLoss, rightLoss) = (loss(left), loss(right))
        for _ in 0..<24 {
            if leftLoss <= rightLoss {
                (high, right, rightLoss) = (right, left, leftLoss)
                left = high - ratio * (high - low)
                leftLoss = loss(left)
            } else {
                (low, left, leftLoss) = (left, right, rightLoss)
                right = low + ratio * (high - low)
                rightLoss = loss(right)
            }
        }
        let temperature = exp((low + high) / 2)
        var correct = 0
        var bins = [(confidence: Double, correct: Double, count: Double)](repeating: (0, 0, 0), count: 10)
        for sample in heldOut {
            let probabilities = Self.softmax(sample.scores, temperature: temperature)
            let predicted = probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0
            let isCorrect = predicted == sample.label
            if isCorrect { correct += 1 }
            let bin = min(Int(probabilities[predicted] * 10), 9)
            bins[bin].confidence += probabilities[predicted]
            bins[bin].correct += isCorrect ? 1 : 0
            bins[bin].count += 1
        }
        let total = Double(heldOut.count)
        let calibrationError = bins.reduce(0.0) { sum, bin in
            bin.count == 0 ? sum : sum + abs(bin.confidence - bin.correct) / total
        }
        return ModelValidation(
            accuracy: Double(correct) / total, calibrationError: calibrationError, temperature: temperature)
    }
}

extension FeatureHasher {
    /// `features` with the weights of equal hashes added up, in the order they come, and in hash order.
    static func merged(_ features: [Feature]) -> [Feature] {
        guard features.count > 1 else { return features }
        var rows = FeatureRows(capacity: features.count)
        var distinct: [Feature] = []
        distinct.reserveCapacity(features.count)
        for feature in features {
            let (row, inserted) = rows.insert(feature.hash)
            if inserted {
                distinct.append(feature)
            } else {
                distinct[Int(row)].weight += feature.weight
            }
        }
        distinct.sort { $0.hash < $1.hash }
        return distinct
    }
}
