import COpenSSLCrypto

/// Pre-signed webhook requests, each carrying a distinct message id.
///
/// A request is stored as what sets it apart, its sender's number and name and its signature (its text and
/// its message id's serial follow from its index), and is written out when it is sent: 41 bytes each
/// instead of 1.1 KB, so a pool of two million requests holds 82 MB rather than 2.3 GB. On a small
/// virtual machine a process holding gigabytes of touched memory slows the others, the server measured
/// among them, even while it sleeps.
final class WebhookCorpus: Sendable {
    /// The mean size in bytes of one request, head included, for the report.
    let meanRequestSize: Int
    private let phones: [UInt64]
    private let nameIndices: [UInt8]
    /// Each request's HMAC-SHA256, 32 bytes per request.
    private let signatures: [UInt8]
    private let template: Template

    var count: Int {
        self.phones.count
    }

    /// The constant pieces of a request, around its variable parts.
    private struct Template {
        /// The head up to the signature's hex, then up to the content length, then the blank line.
        let head: [[UInt8]]
        /// The body around: name, number, number, number, serial, text.
        let body: [[UInt8]]
        let names: [[UInt8]]
        let texts: [[UInt8]]
        /// A body's length without its name and text: the pieces, three 13-digit numbers and a 12-digit serial.
        let fixedBodyLength: Int

        init(head: [[UInt8]], body: [[UInt8]], names: [[UInt8]], texts: [[UInt8]]) {
            (self.head, self.body, self.names, self.texts) = (head, body, names, texts)
            self.fixedBodyLength = body.reduce(3 * 13 + 12) { $0 + $1.count }
        }
    }

    /// Builds `count` POST requests to `path` with ~1 KB text-message envelopes signed with `secret`.
    /// - Parameter timestamp: the WhatsApp `timestamp` every webhook carries (seconds since 1970): the time of
    ///   the run, so the service treats them as fresh messages rather than a stale replay.
    init(count: Int, host: String, path: String, secret: String, runID: String, timestamp: Int) {
        let template = Template(
            head: [
                "POST \(path) HTTP/1.1\r\nHost: \(host)\r\nUser-Agent: facebookexternalua\r\n"
                    + "Content-Type: application/json\r\nX-Hub-Signature-256: sha256=",
                "\r\nContent-Length: ", "\r\n\r\n",
            ].map { Array($0.utf8) },
            body: [
                "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{"
                    + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                    + "\"6282110001234\",\"phone_number_id\":\"106540352242922\"},\"contacts\":[{\"profile\":{"
                    + "\"name\":\"",
                "\"},\"wa_id\":\"", "\"}],\"messages\":[{\"from\":\"", "\",\"id\":\"wamid.HBgN",
                "FQIAEhgg\(runID)", "A\",\"timestamp\":\"\(timestamp)\",\"text\":{\"body\":\"",
                "\"},\"type\":\"text\"}]},\"field\":\"messages\"}]}]}",
            ].map { Array($0.utf8) },
            names: Self.names.map { Array($0.utf8) }, texts: Self.texts.map { Array($0.utf8) })
        var phones: [UInt64] = []
        var nameIndices: [UInt8] = []
        var signatures: [UInt8] = []
        phones.reserveCapacity(count)
        nameIndices.reserveCapacity(count)
        signatures.reserveCapacity(count * 32)
        var random = SplitMix(seed: UInt64(runID.hashValue & 0x7fff_ffff) | 1)
        let key = Array(secret.utf8)
        var body: [UInt8] = []
        // The head without the content length's digits, its signature's 64 hex digits included.
        let headLength = template.head.reduce(64) { $0 + $1.count }
        var totalSize = 0
        for index in 0..<count {
            // 628, a digit 1-9, nine digits: thirteen digits in all.
            let phone = (6_280 + 1 + random.next() % 9) * 1_000_000_000 + 100_000_000 + random.next() % 899_999_999
            let name = Int(random.next() % UInt64(Self.names.count))
            body.removeAll(keepingCapacity: true)
            Self.appendBody(index: index, phone: phone, name: name, template: template, to: &body)
            signatures += Self.hmac(key: key, message: body)
            phones.append(phone)
            nameIndices.append(UInt8(name))
            totalSize += headLength + Self.decimalDigits(body.count) + body.count
        }
        self.meanRequestSize = count == 0 ? 0 : totalSize / count
        self.phones = phones
        self.nameIndices = nameIndices
        self.signatures = signatures
        self.template = template
    }

    /// Replaces `buffer`'s contents with request `index`, head and body, as signed.
    func write(_ index: Int, into buffer: inout [UInt8]) {
        let template = self.template
        let name = Int(self.nameIndices[index])
        let text = index % template.texts.count
        let bodyLength = template.fixedBodyLength + template.names[name].count + template.texts[text].count
        buffer.removeAll(keepingCapacity: true)
        buffer += template.head[0]
        for byte in self.signatures[(index * 32)..<(index * 32 + 32)] {
            buffer.append(Self.hexDigits[Int(byte >> 4)])
            buffer.append(Self.hexDigits[Int(byte & 15)])
        }
        buffer += template.head[1]
        Self.appendDecimal(UInt64(bodyLength), digits: Self.decimalDigits(bodyLength), to: &buffer)
        buffer += template.head[2]
        Self.appendBody(index: index, phone: self.phones[index], name: name, template: template, to: &buffer)
    }

    /// Appends request `index`'s JSON body: `name` and `phone` in their places, the text and the message id's
    /// twelve-digit hexadecimal serial by `index`.
    private static func appendBody(index: Int, phone: UInt64, name: Int, template: Template, to buffer: inout [UInt8]) {
        let body = template.body
        buffer += body[0]
        buffer += template.names[name]
        buffer += body[1]
        Self.appendDecimal(phone, digits: 13, to: &buffer)
        buffer += body[2]
        Self.appendDecimal(phone, digits: 13, to: &buffer)
        buffer += body[3]
        Self.appendDecimal(phone, digits: 13, to: &buffer)
        buffer += body[4]
        for shift in stride(from: 44, through: 0, by: -4) {
            buffer.append(Self.upperHexDigits[(index >> shift) & 15])
        }
        buffer += body[5]
        buffer += template.texts[index % template.texts.count]
        buffer += body[6]
    }

    private static func decimalDigits(_ value: Int) -> Int {
        var (digits, rest) = (1, value / 10)
        while rest > 0 { (digits, rest) = (digits + 1, rest / 10) }
        return digits
    }

    /// Appends `value` in decimal, zero-padded to `digits` digits.
    private static func appendDecimal(_ value: UInt64, digits: Int, to buffer: inout [UInt8]) {
        var divisor: UInt64 = 1
        for _ in 1..<digits { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            buffer.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    private static let names = [
        "Budi Santoso", "Siti Rahmawati", "Agus Setiawan", "Dewi Lestari", "Rudi Hartono", "Nur Aisyah",
        "Hendra Gunawan", "Rina Marlina", "Andi Pratama", "Yuliani Putri", "Bambang Wijaya", "Fitri Handayani",
    ]
    private static let texts = [
        "Selamat siang Bapak/Ibu helpdesk LPSE, saya dari CV Maju Bersama ingin menanyakan bagaimana cara "
            + "verifikasi akun SPSE untuk perusahaan kami. Kami sudah mendaftar secara online minggu lalu dan sudah "
            + "mengunggah akta pendirian, NIB, dan NPWP perusahaan, tetapi status akun masih belum aktif. Mohon info "
            + "jadwal video call verifikasi dengan direktur kami. Apakah verifikasi bisa dilakukan hari Kamis antara jam "
            + "10.00 sampai 14.00 WIB? Direktur kami sedang dinas ke luar kota sampai hari Rabu. Terima kasih.",
        "Permisi, saya PPK di Dinas Pekerjaan Umum. Saat membuka paket tender dengan kode 10023456000 muncul pesan "
            + "kesalahan ketika mengunggah dokumen HPS, padahal ukuran file PDF di bawah 4 MB. Sudah dicoba di browser "
            + "lain tetapi hasilnya sama. Mohon bantuan untuk pengecekan, karena jadwal pengumuman tinggal dua hari lagi. "
            + "Versi aplikasi SPSE yang kami gunakan 4.5 dan dokumen sudah ditandatangani oleh pejabat yang berwenang.",
        "Halo admin, kami PT Sinar Nusantara Abadi mau mengajukan perubahan data penyedia di SIKaP karena ada "
            + "pergantian direktur utama dan alamat kantor. Dokumen apa saja yang harus disiapkan dan apakah perlu "
            + "datang langsung ke kantor LPSE atau cukup melalui verifikasi video call? Kami juga ingin menambahkan "
            + "data tenaga ahli dan pengalaman pekerjaan yang baru. Mohon arahannya, terima kasih banyak.",
    ]

    private static let hexDigits = Array("0123456789abcdef".utf8)
    private static let upperHexDigits = Array("0123456789ABCDEF".utf8)

    private static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        _ = key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { messageBytes in
                HMAC(
                    EVP_sha256(), keyBytes.baseAddress, Int32(keyBytes.count),
                    messageBytes.baseAddress?.assumingMemoryBound(to: UInt8.self), messageBytes.count, &digest,
                    &length)
            }
        }
        return Array(digest[..<Int(length)])
    }
}

/// A small deterministic generator for phone numbers and names.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var value = self.state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
