import Support

/// What a ticket store needs besides its connection: the lifecycle rules, the survey, the first number, slots.
public struct TicketStoreConfiguration: Sendable {
    public let lifecycle: TicketLifecycle
    public let survey: SurveyDefinition?
    /// The number of the first ticket ever opened (later numbers follow it).
    public let firstNumber: Int
    public let verification: VerificationSchedule

    public init(
        lifecycle: TicketLifecycle, survey: SurveyDefinition? = nil, firstNumber: Int = 1,
        verification: VerificationPolicy = VerificationPolicy()
    ) {
        precondition(firstNumber > 0, "Invalid first ticket number \(firstNumber)")
        self.lifecycle = lifecycle
        self.survey = survey
        self.firstNumber = firstNumber
        self.verification = VerificationSchedule(calendar: lifecycle.calendar, policy: verification)
    }
}
