/// The digits of an identifier typed with spaces, dots or dashes between groups.
enum IdentifierDigits {
    static func digits(of text: String) -> String? {
        var digits = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCIIDigit {
                digits.append(scalar)
            } else if scalar != " " && scalar != "." && scalar != "-" {
                return nil
            }
        }
        return digits.isEmpty ? nil : String(digits)
    }
}
