extension String {
    /// The text with every control character replaced by spaces, so that text from
    /// the input (an article's title, a paragraph, a file name in a message) can never
    /// send escape sequences, bells or backspaces to the user's terminal.
    ///
    /// C0 controls and DEL (one UTF-8 byte) become one space, C1 controls (U+0080–U+009F,
    /// two bytes) two spaces: the UTF-8 length is unchanged, so byte ranges computed on
    /// the original text (``Highlighter``, ``Snippet``) still apply. Tabs are kept, and
    /// line feeds when `keepingNewlines` is true.
    public func terminalSafe(keepingNewlines: Bool = false) -> String {
        func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x09: return false
            case 0x0A: return !keepingNewlines
            case 0x00...0x1F, 0x7F...0x9F: return true
            default: return false
            }
        }
        guard unicodeScalars.contains(where: isUnsafe) else { return self }
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if isUnsafe(scalar) {
                out.append(" ")
                if scalar.value >= 0x80 { out.append(" ") }
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
