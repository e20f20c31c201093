import Support
import Testing

@Suite struct ByteSignatureTests {
    @Test func bytesAtTheStartMatchFromTheFirstByte() {
        let pdf = ByteSignature(Array("%PDF-".utf8))
        #expect(pdf.matches(Array("%PDF-1.7\n".utf8)))
        #expect(!pdf.matches(Array(" %PDF-1.7".utf8)))
        #expect(!pdf.matches(Array("%PD".utf8)), "shorter than the signature")
    }

    @Test func bytesAtAnOffsetMatchThereWhateverComesBefore() {
        let video = ByteSignature(Array("ftyp".utf8), at: 4)
        #expect(video.matches([0, 0, 0, 0x20] + Array("ftypisom".utf8)))
        #expect(video.matches([0xFF, 0xFF, 0xFF, 0xFF] + Array("ftyp".utf8)))
        #expect(!video.matches(Array("ftypisom".utf8)), "at the start is not at the offset")
        #expect(!video.matches([0, 0, 0] + Array("ftyp".utf8)))
        #expect(!video.matches([0, 0, 0, 0x20] + Array("fty".utf8)), "cut short")
        #expect(!video.matches([UInt8]()))
    }

    @Test func aSignatureWithoutBytesMatchesAnything() {
        #expect(ByteSignature([]).matches([UInt8]()))
        #expect(ByteSignature([], at: 8).matches(Array("plain text".utf8)))
    }
}
