extension StringProtocol {
    /// The media type without its parameters, spaces or capitals, as declared types are compared:
    /// `Application/PDF; charset=binary` → `application/pdf`; empty for an empty text.
    public var mediaTypeBase: String {
        (self.split(separator: ";").first ?? "").trimming(where: \.isSpaceOrTab).lowercased()
    }
}
