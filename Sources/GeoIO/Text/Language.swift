/// The language of the words gmgeo writes for people (report text, reasons, web map): Chinese, the
/// planners' language, by default.
public enum Language: String, CaseIterable, Sendable {
    /// Simplified Chinese.
    case zh
    /// English.
    case en

    /// One language's part of a bilingual label "中文 English" (the print maps' form): the
    /// leading words holding Chinese for zh, the rest for en; a label in one language only
    /// is returned whole.
    public func pick(_ bilingual: String) -> String {
        let words = bilingual.split(separator: " ", omittingEmptySubsequences: true)
        let chinese = words.prefix { $0.unicodeScalars.contains(where: Language.isHan) }
        guard !chinese.isEmpty, chinese.count < words.count else { return bilingual }
        return (self == .zh ? chinese : words.dropFirst(chinese.count)).joined(separator: " ")
    }

    /// What joins the items of a list of findings ("；" in Chinese, "; " in English).
    public var listSeparator: String { self == .zh ? "；" : "; " }

    /// A Han character (CJK unified ideographs and extension A) or CJK punctuation.
    static func isHan(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value) || (0x3000...0x303F).contains(s.value)
            || (0xFF00...0xFFEF).contains(s.value)
    }
}
