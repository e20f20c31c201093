import COpenSSLCrypto

/// Pre-built, pre-signed webhook requests, each carrying a distinct message id, stored back to back.
final class WebhookCorpus: Sendable {
    let bytes: [UInt8]
    let offsets: [Int]

    var count: Int {
        self.offsets.count - 1
    }

    /// Builds `count` POST requests to `path` with ~1 KB text-message envelopes signed with `secret`.
    /// - Parameter timestamp: the WhatsApp `timestamp` every webhook carries (seconds since 1970): the time of
    ///   the run, so the service treats them as fresh messages rather than a stale replay.
    init(count: Int, host: String, path: String, secret: String, runID: String, timestamp: Int) {
        var bytes: [UInt8] = []
        var offsets = [0]
        bytes.reserveCapacity(count * 1400)
        offsets.reserveCapacity(count + 1)
        var random = SplitMix(seed: UInt64(runID.hashValue & 0x7fff_ffff) | 1)
        let key = Array(secret.utf8)
        for index in 0..<count {
            let body = Self.envelope(index: index, runID: runID, timestamp: timestamp, random: &random)
            let signature = Self.hexHMAC(key: key, message: body)
            let head =
                "POST \(path) HTTP/1.1\r\nHost: \(host)\r\nUser-Agent: facebookexternalua\r\n"
                + "Content-Type: application/json\r\nX-Hub-Signature-256: sha256=\(signature)\r\n"
                + "Content-Length: \(body.count)\r\n\r\n"
            bytes.append(contentsOf: head.utf8)
            bytes.append(contentsOf: body)
            offsets.append(bytes.count)
        }
        self.bytes = bytes
        self.offsets = offsets
    }

    /// The mean body size in bytes of one request, for the report.
    var meanRequestSize: Int {
        self.count == 0 ? 0 : self.bytes.count / self.count
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

    private static func envelope(index: Int, runID: String, timestamp: Int, random: inout SplitMix) -> [UInt8] {
        let phone = "628\(1 + random.next() % 9)\(String(100_000_000 + random.next() % 899_999_999))"
        let name = Self.names[Int(random.next() % UInt64(Self.names.count))]
        let text = Self.texts[index % Self.texts.count]
        let serial = String(index, radix: 16, uppercase: true)
        let wamid =
            "wamid.HBgN\(phone)FQIAEhgg\(runID)\(String(repeating: "0", count: max(0, 12 - serial.count)))\(serial)A"
        let json =
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
            + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"6282110001234\","
            + "\"phone_number_id\":\"106540352242922\"},\"contacts\":[{\"profile\":{\"name\":\"\(name)\"},"
            + "\"wa_id\":\"\(phone)\"}],\"messages\":[{\"from\":\"\(phone)\",\"id\":\"\(wamid)\","
            + "\"timestamp\":\"\(timestamp)\",\"text\":{\"body\":\"\(text)\"},\"type\":\"text\"}]},"
            + "\"field\":\"messages\"}]}]}"
        return Array(json.utf8)
    }

    private static func hexHMAC(key: [UInt8], message: [UInt8]) -> String {
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
        let hex = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(Int(length) * 2)
        for byte in digest[..<Int(length)] {
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 15)])
        }
        return String(decoding: text, as: UTF8.self)
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
