import Foundation
import Testing

@testable import WhatsAppOutbox

struct OutboxRetryPolicyTests {
    private let policy = RetryPolicy(baseDelay: 2, maxDelay: 60, maxAttempts: 5, maxAge: 3600)
    private let queuedAt = Date(timeIntervalSince1970: 1_800_000_000)

    private func decide(_ outcome: GraphSendOutcome, attempts: Int = 1, isTemplate: Bool = false, jitter: Double = 0)
        -> RetryPolicy.Decision
    {
        self.policy.decide(
            after: outcome, attempts: attempts, queuedAt: self.queuedAt, isTemplate: isTemplate, now: self.queuedAt,
            jitter: jitter)
    }

    private func metaError(_ code: Int, status: Int = 400) -> GraphSendOutcome {
        .rejected(GraphAPIError(httpStatus: status, code: code, message: "error \(code)"))
    }

    @Test func acceptedMessageIsRecordedSent() {
        #expect(self.decide(.accepted(wamid: "wamid.A")) == .recordSent(wamid: "wamid.A"))
    }

    @Test(arguments: [130429, 131056, 131057, 4, 80007, 1, 2, 131000, 131016])
    func transientCodesAreRetried(code: Int) {
        guard case .retry = self.decide(self.metaError(code)) else {
            Issue.record("code \(code) was not retried")
            return
        }
    }

    @Test(arguments: [100, 131008, 131009])
    func permanentCodesAreRecordedFailed(code: Int) {
        #expect(
            self.decide(self.metaError(code))
                == .recordFailed(reason: "Graph API error HTTP 400 code \(code): error \(code)", codes: [code]))
    }

    @Test func serverErrorWithoutBodyIsRetried() {
        let outcome = GraphSendOutcome.rejected(GraphAPIError(httpStatus: 503, code: nil, message: "HTTP 503"))
        #expect(
            self.decide(outcome)
                == .retry(at: self.queuedAt.addingTimeInterval(1), reason: "Graph API error HTTP 503: HTTP 503"))
    }

    @Test func unknownClientErrorIsNotRetried() {
        let outcome = GraphSendOutcome.rejected(GraphAPIError(httpStatus: 404, code: nil, message: "Not Found"))
        guard case .recordFailed = self.decide(outcome) else {
            Issue.record("a 404 was retried")
            return
        }
    }

    @Test func timeoutIsRetried() {
        guard case .retry = self.decide(.unreachable(.timedOut("5 s"))) else {
            Issue.record("a timeout was not retried")
            return
        }
    }

    @Test func outsideWindowSwitchesToTemplate() {
        #expect(self.decide(self.metaError(131047)) == .sendTemplateInstead)
    }

    @Test func outsideWindowForATemplateIsRecordedFailed() {
        guard case .recordFailed(_, let codes) = self.decide(self.metaError(131047), isTemplate: true) else {
            Issue.record("a template refused with 131047 was not failed")
            return
        }
        #expect(codes == [131047])
    }

    @Test func undeliverableFlagsTheContact() {
        guard case .flagUndeliverable(_, let codes) = self.decide(self.metaError(131026)) else {
            Issue.record("131026 did not flag the contact")
            return
        }
        #expect(codes == [131026])
    }

    @Test func invalidTokenAlertsTheOperator() {
        guard case .alertOperator(_, let codes) = self.decide(self.metaError(190, status: 401)) else {
            Issue.record("190 did not alert the operator")
            return
        }
        #expect(codes == [190])
    }

    @Test func backoffDoublesUpToTheCapWithEqualJitter() {
        #expect(self.policy.backoff(afterAttempts: 1, jitter: 0) == 1)
        #expect(self.policy.backoff(afterAttempts: 1, jitter: 1) == 2)
        #expect(self.policy.backoff(afterAttempts: 3, jitter: 0.5) == 6)
        #expect(self.policy.backoff(afterAttempts: 10, jitter: 1) == 60)
        #expect(self.policy.backoff(afterAttempts: 10, jitter: 0) == 30)
    }

    @Test func transientFailureGivesUpAfterMaxAttempts() {
        let decision = self.decide(self.metaError(131000, status: 500), attempts: 5)
        guard case .recordFailed(let reason, let codes) = decision else {
            Issue.record("the fifth attempt was retried")
            return
        }
        #expect(reason.hasPrefix("gave up after 5 attempts"))
        #expect(codes == [131000])
    }

    @Test func transientFailureGivesUpWhenTooOld() {
        let decision = self.policy.decide(
            after: self.metaError(2, status: 500), attempts: 2, queuedAt: self.queuedAt, isTemplate: false,
            now: self.queuedAt.addingTimeInterval(3599), jitter: 0)
        guard case .recordFailed(let reason, _) = decision else {
            Issue.record("a message past its age was retried")
            return
        }
        #expect(reason.hasPrefix("gave up, the message is too old"))
    }

    @Test func acceptedAnswerWithoutMessageIDIsNotRepeated() {
        let outcome = GraphSendOutcome.classify(GraphHTTPResponse(status: 200, body: Array("{}".utf8)))
        guard case .recordFailed = self.decide(outcome) else {
            Issue.record("a 200 without a wamid would be sent again")
            return
        }
    }

    @Test func sendAnswerSampleYieldsTheWamid() throws {
        let sample = try MetaSamples.text("out-resp-send-message.metadocs.json")
        #expect(
            GraphSendOutcome.classify(GraphHTTPResponse(status: 200, body: Array(sample.utf8)))
                == .accepted(wamid: "wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA"))
    }

    @Test func errorAnswerIsParsedWithDetails() {
        let body =
            #"{"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,"#
            + #""error_data":{"messaging_product":"whatsapp","details":"Message failed to send because more than 24 hours"},"#
            + #""fbtrace_id":"Az"}}"#
        #expect(
            GraphSendOutcome.classify(GraphHTTPResponse(status: 400, body: Array(body.utf8)))
                == .rejected(
                    GraphAPIError(
                        httpStatus: 400, code: 131047, message: "(#131047) Re-engagement message",
                        details: "Message failed to send because more than 24 hours")))
    }
}
