import Foundation
import Testing

@testable import Intents

struct EntityExtractorTests {
    let now = ISO8601DateFormatter().date(from: "2026-12-03T09:00:00+07:00")!

    private func entities(_ text: String) -> Entities {
        EntityExtractor().extract(from: text, now: self.now)
    }

    @Test(arguments: [
        "#1259", "tiket 1259", "no. tiket: 1259", "tiket no 1259", "Tiket #1259 gimana", "ticket 1259",
        "nomor tiket 1259 sdh diproses?",
    ])
    func readsTicketNumbers(_ text: String) {
        #expect(self.entities(text).ticketNumber == 1259)
    }

    /// Options as providers write them: a menu line echoed back, "paling atas", "opsi #2", "jadwal #3"; a "#"
    /// after an option's word is the option, not a ticket.
    @Test(arguments: [
        ("3) Jadwal verifikasi", 3), ("2. Reset password", 2), ("yg paling atas aja", 1), ("opsi ketiga", 3),
        ("no 4 aja", 4), ("opsi #2", 2), ("jadwal #3 aja", 3),
    ])
    func readsOptionsInContext(_ text: String, _ choice: Int) {
        let found = self.entities(text)
        #expect(found.choice == choice)
        #expect(found.ticketNumber == nil)
    }

    @Test(arguments: ["tiket saya belum diproses", "1259", "tiket 12345678901"])
    func findsNoTicketNumberWithoutTheWordOrWithTooManyDigits(_ text: String) {
        #expect(self.entities(text).ticketNumber == nil)
    }

    @Test(arguments: [
        "kode tender 12345678", "kode paket: 12345678", "tender 12345678 error", "kd tender 12345678",
        "kode tendernya 12345678", "kodenya 12345678 min", "paketnya no 12345678",
    ])
    func readsKodeTender(_ text: String) {
        #expect(self.entities(text).kodeTender == "12345678")
    }

    @Test func findsNoKodeTenderWithoutContextOrWithTooFewDigits() {
        #expect(self.entities("12345678").kodeTender == nil)
        #expect(self.entities("kode tender 123").kodeTender == nil)
    }

    @Test func claimsAPhoneNumberOnlyOnce() {
        let entities = self.entities("tiket 1259 hp 0812 3456 7890")
        #expect(entities == Entities(ticketNumber: 1259, phone: "+6281234567890"))
    }

    @Test func doesNotReadAPhoneNumberAsAChoice() {
        #expect(self.entities("0812-3456-7890") == Entities(phone: "+6281234567890"))
    }

    @Test func doesNotReadTheHourOfATimeAsAChoice() {
        let entities = self.entities("jam 2")
        #expect(entities.choice == nil)
        #expect(entities.datetime != nil)
    }

    @Test func readsSixteenDigitsAsNIKUnlessNPWPIsNamed() {
        #expect(self.entities("3201051205850003") == Entities(nik: "3201051205850003"))
        #expect(self.entities("npwp sy 3201051205850003") == Entities(npwp: "3201051205850003"))
        #expect(self.entities("nik 3201051205850003").nik == "3201051205850003")
    }

    @Test func readsSixteenDigitsStartingWithZeroAsCompanyNPWP() {
        #expect(self.entities("0027182815407000") == Entities(npwp: "0027182815407000"))
    }

    @Test func warnsAboutAnNPWPCheckDigitMismatch() {
        let entities = self.entities("npwp: 21.345.678.9-123.000")
        #expect(entities.npwp == "213456789123000")
        #expect(entities.warnings == [.npwpCheckDigitMismatch])
    }

    @Test func rejectsAnInvalidNIK() {
        #expect(self.entities("NIK: 1001051205850003") == Entities())
    }

    @Test func readsEveryEntityOfALongMessage() {
        let text = "reset pw utk PT. maju jaya, npwp 01.234.567.4-901.000, hp +62 813-1111-2222, bsk jam 10 bisa?"
        let entities = self.entities(text)
        #expect(entities.company == Company(name: "PT Maju Jaya", form: .pt))
        #expect(entities.npwp == "012345674901000")
        #expect(entities.phone == "+6281311112222")
        #expect(entities.datetime.map(Entities.jakartaTimestamp) == "2026-12-04T10:00:00+07:00")
    }

    @Test func writesFoundEntitiesAsJSONInAFixedOrder() {
        let entities = self.entities("tiket 1259, bsk jam 10")
        #expect(entities.json == "{\"ticket_number\": 1259, \"datetime\": \"2026-12-04T10:00:00+07:00\"}")
    }
}
