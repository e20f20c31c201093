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

    /// The same line in a loop is written five times a second; the next copy after the second says how many
    /// were left out. Other lines, and the same event with other fields, pass meanwhile.
    @Test func aLineRepeatedInALoopIsLimitedAndTheCountSaid() {
        let lines = Lines()
        let clock = Mutex(Date(timeIntervalSince1970: 1_700_000_000))
        let logger = Logger(minimumLevel: .info, now: { clock.withLock { $0 } }) { lines.append($0) }
        let component = logger.with("component", "http")
        for _ in 0..<100 {
            component.warning("request.refused", ["path": "/x"])
            logger.passthrough(.info, "event=http_client_limited client=127.0.0.1")
        }
        component.warning("request.refused", ["path": "/y"])
        #expect(lines.all.count == 11)
        #expect(lines.all.filter { $0.contains("path=/x") }.count == 5)
        #expect(lines.all.last?.hasSuffix("path=/y") == true)

        clock.withLock { $0 = $0.addingTimeInterval(1) }
        component.warning("request.refused", ["path": "/x"])
        #expect(lines.all.last?.hasSuffix("path=/x repeated=95") == true)
        component.warning("request.refused", ["path": "/x"])
        #expect(lines.all.last?.hasSuffix("path=/x") == true)
    }

    @Test func aLineHasTimestampLevelEventAndFields() {
        self.logger.info("webhook.received", ["bytes": "1024"])
        #expect(self.lines.all == ["ts=2023-11-14T22:13:20.250Z level=info event=webhook.received bytes=1024"])
    }

    @Test func phoneNumbersAreMasked() {
        self.logger.info("message", ["wa_id": "6281234567890"])
        #expect(self.lines.all.first?.hasSuffix("wa_id=*********7890") == true)
    }

    @Test func nikAndNpwpDigitsAreMaskedInsideText() {
        #expect(
            Logger.mask("NIK 3201234567890001 dan NPWP 012345678901000")
                == "NIK ************0001 dan NPWP ***********1000")
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
                "ts=2023-11-14T22:13:20.250Z level=info event=outbox_send to=*********7890 result=sent"
            ])
    }

    /// Every way a provider writes a number: only the last 4 digits ever reach the log.
    @Test(arguments: [
        ("0812-3456-7890", "****-****-7890"),
        ("0812 3456 7890", "**** **** 7890"),
        ("+62 812-3456-7890", "+** ***-****-7890"),
        ("+6281234567890", "+*********7890"),
        ("01.234.567.8-901.000", "**.***.***.*-**1.000"),
        ("32.01.23.456789.0001", "**.**.**.******.0001"),
        ("198001012006041001", "**************1001"),
        ("wa 0812.3456.7890 ya", "wa ****.****.7890 ya"),
    ])
    func numbersAreMaskedInEveryWrittenForm(written: String, logged: String) {
        #expect(Logger.mask(written) == logged)
        let digitsLeft = Logger.mask(written).filter(\.isNumber).count
        #expect(digitsLeft <= 4)
    }

    @Test func datesTimesAndTicketNumbersStay() {
        #expect(Logger.mask("2026-12-01 tiket #1259 jam 10.30") == "2026-12-01 tiket #1259 jam 10.30")
    }

    @Test func controlCharactersAndNULNeverReachTheLogRaw() {
        self.logger.info("note", ["text": "a\u{0}b\u{7}c\u{1B}[31md\u{7F}"])
        let line = self.lines.all.first ?? ""
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(line.hasSuffix(#"text="a\u0000b\u0007c\u001b[31md\u007f""#))
        self.logger.passthrough(.info, "event=x path=/a\u{0}\u{1B}b")
        #expect(!(self.lines.all.last ?? "").unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    }

    @Test func aLongValueIsCutAndItsLengthSaid() {
        self.logger.info("request", ["path": "/" + String(repeating: "a", count: 15_000)])
        let line = self.lines.all.first ?? ""
        #expect(line.utf8.count < Logger.maximumValueLength + 200)
        #expect(line.contains("…(+14489 bytes)"))
        self.logger.passthrough(.info, "event=x " + String(repeating: "b", count: 15_000))
        #expect((self.lines.all.last ?? "").utf8.count < Logger.maximumLineLength + 200)
    }
}
