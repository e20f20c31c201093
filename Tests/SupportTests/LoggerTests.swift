import Foundation
import Support
import Synchronization
import Testing

/// One key=value line per event, numbers masked, values quoted when needed.
struct LoggerTests {
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        func append(_ line: String) { self.lines.withLock { $0.append(line) } }
        var all: [String] { self.lines.withLock { $0 } }
    }

    let lines = Lines()

    var logger: Logger {
        let lines = self.lines
        return Logger(minimumLevel: .info, now: { Date(timeIntervalSince1970: 1_700_000_000.25) }) { lines.append($0) }
    }

    @Test func aLineHasTimestampLevelEventAndFields() {
        self.logger.info("webhook.received", ["bytes": "1024"])
        #expect(self.lines.all == ["ts=2023-11-14T22:13:20.250Z level=info event=webhook.received bytes=1024"])
    }

    @Test func phoneNumbersAreMasked() {
        self.logger.info("message", ["wa_id": "6281234567890"])
        #expect(self.lines.all.first?.hasSuffix("wa_id=62812****7890") == true)
    }

    @Test func nikAndNpwpDigitsAreMaskedInsideText() {
        #expect(
            Logger.mask("NIK 3201234567890001 dan NPWP 012345678901000") == "NIK 32012****0001 dan NPWP 01234****1000")
    }

    @Test func shortNumbersStay() {
        #expect(Logger.mask("tiket #1259 pukul 10") == "tiket #1259 pukul 10")
    }

    @Test func valuesWithSpacesOrQuotesAreQuoted() {
        self.logger.warning("note", ["text": "a \"b\" c", "empty": ""])
        #expect(self.lines.all.first?.hasSuffix(#"text="a \"b\" c" empty="""#) == true)
    }

    @Test func levelsBelowTheMinimumAreDropped() {
        self.logger.debug("noise")
        #expect(self.lines.all.isEmpty)
    }

    @Test func contextIsAddedToEveryLine() {
        self.logger.with("component", "inbox").error("failed")
        #expect(self.lines.all.first?.hasSuffix("event=failed component=inbox") == true)
    }

    @Test func preformattedLinesGetTimestampLevelAndMasking() {
        self.logger.passthrough(.info, "event=outbox_send to=6281234567890 result=sent")
        #expect(
            self.lines.all == [
                "ts=2023-11-14T22:13:20.250Z level=info event=outbox_send to=62812****7890 result=sent"
            ])
    }
}
