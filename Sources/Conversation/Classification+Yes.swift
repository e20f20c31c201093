import Intents

extension Classification {
    /// The least confidence a yes needs to be read as one.
    static let minimumYesConfidence = 0.5

    /// The recognizer's reading of `text`, with a yes it is unsure of, or one that carries a number, read as
    /// no intent. A yes confirms a summary, gives consent or says every file is sent; "nib kami
    /// 1234567890123", which the recognizer reads as a yes at 0.26, sent the summary and the number was gone.
    /// Every real yes it was tried on ("ok", "sudah semua min", "ya udah kirim aja") reads at 0.6 or more.
    func doubtingAnUnsureYes(in text: String) -> Classification {
        guard self.intent == .affirm, self.confidence < Self.minimumYesConfidence || text.carriesANumber else {
            return self
        }
        var doubted = self
        doubted.intent = .unknown
        return doubted
    }
}
