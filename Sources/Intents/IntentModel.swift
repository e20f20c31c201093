/// A statistical classifier behind the phrase rules: calibrated class probabilities for a message's hashed
/// features, and what its held-out validation measured.
protocol IntentModel: Sendable {
    var validation: NaiveBayesModel.Validation { get }
    func probabilities(_ features: [FeatureHasher.Feature]) -> (probabilities: [Double], matched: Int)
}

extension NaiveBayesModel: IntentModel {}

extension LogisticModel: IntentModel {}
