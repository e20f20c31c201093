/// Whom staff ask for feedback: the reporter, or (from Level 2) Level 1.
public enum FeedbackTarget: String, CaseIterable, Hashable, Sendable {
    case reporter = "reporter"
    case level1 = "level1"
}
