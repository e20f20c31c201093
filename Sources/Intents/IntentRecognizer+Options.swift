extension IntentRecognizer {
    /// How the classifier weighs its features; the defaults were chosen by leave-one-out accuracy on the
    /// training examples (`IntentsEvaluation --tune`), never on the evaluation set.
    public struct Options: Equatable, Sendable {
        /// Additive smoothing of the naive Bayes counts.
        public var smoothing: Float
        public var wordWeight: Float
        public var pairWeight: Float
        public var characterWeight: Float
        public var shortestCharacterGram: Int
        public var longestCharacterGram: Int
        /// Complement naive Bayes instead of the plain multinomial model.
        public var complement: Bool
        /// Logistic regression (the default) instead of naive Bayes.
        public var logistic: Bool

        public init(
            smoothing: Float = 0.1, wordWeight: Float = 1, pairWeight: Float = 0.4, characterWeight: Float = 0.1,
            shortestCharacterGram: Int = 3, longestCharacterGram: Int = 4, complement: Bool = false,
            logistic: Bool = true
        ) {
            self.logistic = logistic
            self.complement = complement
            self.smoothing = smoothing
            self.wordWeight = wordWeight
            self.pairWeight = pairWeight
            self.characterWeight = characterWeight
            self.shortestCharacterGram = shortestCharacterGram
            self.longestCharacterGram = longestCharacterGram
        }
    }
}
