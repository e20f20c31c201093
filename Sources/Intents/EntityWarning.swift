/// A doubt about an extracted value that was kept anyway, for the caller to log or ask about.
public enum EntityWarning: String, Equatable, Codable, Sendable {
    /// The NPWP's ninth digit is not the Luhn check digit of the first eight; some real numbers fail it.
    case npwpCheckDigitMismatch = "npwp_check_digit_mismatch"
}
