/// What a terminal shows after some output, for tests that check the screen rather
/// than the bytes: plays the control characters and the escape sequences libedit and
/// less send to an xterm (cursor moves, line erases, the alternate screen) and drops
/// the rest (colours, modes). Lines never wrap, and none scroll off: the first line
/// of ``lines`` is the first line ever written.
struct TerminalScreen {
    /// The lines, without trailing blanks, down to the cursor's.
    private(set) var lines: [String] = []
    /// The cursor: line (in ``lines``) and column.
    private(set) var row = 0
    private(set) var column = 0

    private var cells: [[Character]] = [[]]
    private var savedMain: (cells: [[Character]], row: Int, column: Int)?
    private let height: Int

    /// The screen after `bytes` were written to a terminal `height` rows high.
    init(_ bytes: [UInt8], height: Int = 24) {
        self.height = height
        let characters = Array(String(decoding: bytes, as: UTF8.self))
        var i = 0
        while i < characters.count {
            let c = characters[i]
            i += 1
            switch c {
            case "\r": column = 0
            case "\n": row += 1
            case "\r\n":
                column = 0
                row += 1
            case "\u{08}": column = max(0, column - 1)
            case "\u{07}": break
            case "\u{1B}":
                i = escape(characters, from: i)
            default:
                put(c)
            }
        }
        let last = max(row, cells.lastIndex(where: { !$0.isEmpty }) ?? 0)
        lines = (0...last).map { index in
            guard index < cells.count else { return "" }
            var text = String(cells[index])
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    /// Whether a full-screen program (less) is showing its own, alternate screen.
    var isAlternate: Bool { savedMain != nil }

    /// Everything shown, one line after another.
    var text: String { lines.joined(separator: "\n") }

    private mutating func put(_ c: Character) {
        while cells.count <= row { cells.append([]) }
        while cells[row].count < column { cells[row].append(" ") }
        if column < cells[row].count { cells[row][column] = c } else { cells[row].append(c) }
        column += 1
    }

    /// Plays the sequence after an ESC at `start`; returns the index after it.
    private mutating func escape(_ characters: [Character], from start: Int) -> Int {
        guard start < characters.count else { return start }
        switch characters[start] {
        case "[":
            var end = start + 1
            while end < characters.count, !(characters[end].isLetter || characters[end] == "@" || characters[end] == "~") { end += 1 }
            guard end < characters.count else { return end }
            control(String(characters[(start + 1)..<end]), final: characters[end])
            return end + 1
        case "]":  // an operating system command, up to BEL or ST
            var end = start + 1
            while end < characters.count, characters[end] != "\u{07}", characters[end] != "\u{1B}" { end += 1 }
            return min(characters.count, end + (end < characters.count && characters[end] == "\u{1B}" ? 2 : 1))
        case "(", ")":
            return start + 2
        default:
            return start + 1
        }
    }

    /// A control sequence: `ESC [ parameters final`.
    private mutating func control(_ parameters: String, final: Character) {
        let numbers = parameters.filter { $0 != "?" }.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let n = max(1, (numbers.first ?? nil) ?? 1)
        let top = savedMain == nil ? max(0, max(cells.count, row + 1) - height) : 0
        switch final {
        case "G": column = n - 1
        case "C": column += n
        case "D": column = max(0, column - n)
        case "A": row = max(0, row - n)
        case "B": row += n
        case "H", "f":
            row = top + n - 1
            column = max(1, (numbers.count > 1 ? numbers[1] : nil) ?? 1) - 1
        case "K":
            guard row < cells.count else { return }
            switch (numbers.first ?? nil) ?? 0 {
            case 1: for i in 0..<min(column + 1, cells[row].count) { cells[row][i] = " " }
            case 2: cells[row] = []
            default: if column < cells[row].count { cells[row].removeSubrange(column...) }
            }
        case "J":
            if (numbers.first ?? nil) ?? 0 == 2 {
                cells.removeSubrange(min(top, cells.count)...)
            } else if row < cells.count {
                cells[row].removeSubrange(min(column, cells[row].count)...)
                if row + 1 < cells.count { cells.removeSubrange((row + 1)...) }
            }
        case "h", "l":
            // The alternate screen (less): drawn apart, then the main one comes back.
            guard parameters.hasPrefix("?"), ["1049", "1047", "47"].contains(String(parameters.dropFirst())) else { return }
            if final == "h", savedMain == nil {
                savedMain = (cells, row, column)
                cells = [[]]
                row = 0
                column = 0
            } else if final == "l", let saved = savedMain {
                (cells, row, column) = saved
                savedMain = nil
            }
        default:
            break  // colours, modes, scroll regions
        }
    }
}
