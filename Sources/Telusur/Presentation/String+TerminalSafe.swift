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
        terminalSafe(keepingNewlines: keepingNewlines, keepingStyles: false)
    }

    /// The last pass over everything telusur writes to a terminal or a pipe: as
    /// ``terminalSafe(keepingNewlines:)``, but with `keepingStyles` the colour codes
    /// telusur writes itself (SGR: `ESC [ digits;… m`, nothing else) survive. Every
    /// other escape (clear screen, window title, clipboard, hyperlinks, CSI as U+009B)
    /// is broken up, whichever renderer let it through.
    public func terminalSafe(keepingNewlines: Bool, keepingStyles: Bool) -> String {
        func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x09: return false
            case 0x0A: return !keepingNewlines
            case 0x00...0x1F, 0x7F...0x9F: return true
            default: return false
            }
        }
        guard unicodeScalars.contains(where: isUnsafe) else { return self }
        let scalars = Array(unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if keepingStyles, scalar == "\u{1B}", let end = Self.styleEnd(scalars, from: index) {
                out.append(contentsOf: scalars[index...end])
                index = end + 1
                continue
            }
            if isUnsafe(scalar) {
                out.append(" ")
                if scalar.value >= 0x80 { out.append(" ") }
            } else {
                out.append(scalar)
            }
            index += 1
        }
        return String(out)
    }

    /// The index of the `m` that ends an SGR sequence starting at `start` (`ESC [`,
    /// then only digits and semicolons), or nil when it is anything else.
    private static func styleEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var index = start + 2
        while index < scalars.count, index - start < 24 {
            let scalar = scalars[index]
            if scalar == "m" { return index }
            guard ("0"..."9").contains(scalar) || scalar == ";" else { return nil }
            index += 1
        }
        return nil
    }

    /// JSON text made safe to print: the C1 controls and DEL that JSON allows raw
    /// inside strings (U+007F–U+009F; U+009B starts an escape sequence on many
    /// terminals) written as `\u00XX` escapes, which every JSON reader decodes back.
    /// C0 controls are escaped by every JSON encoder already.
    public var jsonTerminalSafe: String {
        guard unicodeScalars.contains(where: { (0x7F...0x9F).contains($0.value) }) else { return self }
        var out = ""
        out.reserveCapacity(utf8.count + 16)
        for scalar in unicodeScalars {
            if (0x7F...0x9F).contains(scalar.value) {
                out += "\\u00" + String(scalar.value, radix: 16)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
