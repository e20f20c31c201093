import Conversation
import Testing

struct FileKindTests {
    @Test func declaredTypesAreReadWithoutParametersCaseOrSpaces() {
        #expect(FileKind.accepts("application/pdf", in: [.pdf]))
        #expect(FileKind.accepts(" Application/PDF ; name=\"akta.pdf\"", in: [.pdf]))
        #expect(FileKind.accepts("\timage/JPEG", in: FileKind.ticketAttachments))
        #expect(!FileKind.accepts("image/jpeg", in: [.pdf]))
        #expect(!FileKind.accepts("application/pdfx", in: [.pdf]))
        #expect(!FileKind.accepts("", in: FileKind.ticketAttachments))
    }
}
