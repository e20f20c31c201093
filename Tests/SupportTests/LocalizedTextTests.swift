import Support
import Testing

/// Dialog texts with `{name}` placeholders, filled for each reply.
struct LocalizedTextTests {
    @Test func namesAreFilledAndUnknownOnesStayAsWritten() {
        let template = "Halo {nama} 👋, tiket #{nomor} — {tidak_ada} dicatat. Café {nama}"
        #expect(
            LocalizedText.fill(template, values: ["nama": "Budi Santoso", "nomor": "1259"])
                == "Halo Budi Santoso 👋, tiket #1259 — {tidak_ada} dicatat. Café Budi Santoso")
        #expect(LocalizedText.placeholders(in: template) == ["nama", "nomor", "tidak_ada", "nama"])
    }

    @Test func textWithoutAWholePlaceholderIsLeftAlone() {
        for template in ["", "Tanpa isian", "Kurung { tanpa tutup", "} lalu {", "🙏{"] {
            #expect(LocalizedText.fill(template, values: ["nama": "Budi"]) == template)
        }
        #expect(LocalizedText.fill("} {nama}", values: ["nama": "Budi"]) == "} Budi")
        #expect(LocalizedText.fill("{nama}", values: [:]) == "{nama}")
        #expect(LocalizedText.fill("{}{nama}", values: ["": "kosong", "nama": "Ani"]) == "kosongAni")
        #expect(
            LocalizedText(id: "Halo {nama}", en: "Hello {nama}").text(in: .english, values: ["nama": "Ani"])
                == "Hello Ani")
    }
}
