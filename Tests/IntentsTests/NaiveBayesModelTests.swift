import Testing

@testable import Intents

struct NaiveBayesModelTests {
    private func samples(_ hasher: FeatureHasher) -> [IntentSample] {
        let texts: [(String, Int)] = [
            ("reset password", 0), ("lupa password", 0), ("password terkunci", 0), ("ganti password", 0),
            ("jadwal besok", 1), ("ganti jadwal", 1), ("jadwal video call", 1), ("atur jadwal", 1),
        ]
        return texts.map { text, label in
            IntentSample(features: hasher.features(text.split(separator: " ").map(String.init)), label: label)
        }
    }

    @Test(arguments: [false, true])
    func prefersTheClassWhoseWordsTheMessageUses(complement: Bool) {
        let hasher = FeatureHasher(options: IntentRecognizer.Options())
        let model = NaiveBayesModel(samples: self.samples(hasher), classCount: 2, complement: complement)
        let (probabilities, matched) = model.probabilities(hasher.features(["password", "saya", "lupa"]))
        #expect(matched > 0)
        #expect(probabilities[0] > probabilities[1])
        #expect(abs(probabilities.reduce(0, +) - 1) < 1e-9)
    }

    @Test func measuresLeaveOneOutAccuracyOnItsTrainingSet() {
        let hasher = FeatureHasher(options: IntentRecognizer.Options())
        let model = NaiveBayesModel(samples: self.samples(hasher), classCount: 2)
        #expect(model.validation.accuracy >= 0.75)
        #expect(model.validation.temperature > 0)
    }
}
