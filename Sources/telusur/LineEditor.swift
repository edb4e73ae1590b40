// libedit's readline interface is C globals (rl_point, rl_line_buffer, …), not audited
// for concurrency; LineEditor uses them from the main thread only.
@preconcurrency import CEditline
import Foundation
import Telusur

/// Reads lines from the terminal through libedit's readline interface: line editing,
/// persistent history and Tab completion (libedit also puts the terminal back in its
/// previous state after every line, and on Ctrl-C).
final class LineEditor {
    /// What one call to ``read(prompt:)`` got.
    enum Input: Equatable {
        /// A line (without its newline).
        case line(String)
        /// Ctrl-C: the line was abandoned.
        case interrupted
        /// Ctrl-D on an empty line, or the end of input.
        case end
    }

    /// The completer the C callback asks. libedit's readline interface has a single,
    /// global completion hook and takes no context pointer; it is set once, before the
    /// first line is read, and read only inside `readline`, on the same thread.
    nonisolated(unsafe) private static var completer: ReplCompleter?

    private let historyFile: String?

    /// Sets libedit up: its name for `~/.editrc` (`telusur:` lines), words broken at
    /// blanks only (so `source:kompas.com` and `:open` are one word), completion by
    /// `completer`, and the history read from `historyFile` (its directory is created).
    init(historyFile: String?, completer: ReplCompleter) {
        self.historyFile = historyFile
        Self.completer = completer
        rl_readline_name = UnsafePointer(strdup("telusur"))
        rl_basic_word_break_characters = UnsafePointer(strdup(" \t\n"))
        rl_attempted_completion_function = { text, _, _ in LineEditor.complete(text) }
        using_history()
        stifle_history(1000)
        if let historyFile {
            let directory = (historyFile as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])
            // A missing file is a first session; libedit reports it as ENOENT.
            _ = read_history(historyFile)
        }
    }

    /// Reads one line, showing `prompt`.
    func read(prompt: String) -> Input {
        _ = Interrupt.take()
        guard let raw = readline(prompt) else {
            // libedit returns NULL both for end of input and for a line cut short by
            // SIGINT; the handler's flag tells them apart.
            return Interrupt.take() ? .interrupted : .end
        }
        defer { free(raw) }
        return .line(String(cString: raw))
    }

    /// Adds `line` to the history (not blank lines, not the same line twice in a row)
    /// and saves the history file, so it survives a killed session.
    func remember(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace) else { return }
        if history_length > 0, let last = history_get(history_base + history_length - 1),
           let text = last.pointee.line, String(cString: text) == line {
            return
        }
        add_history(line)
        guard let historyFile else { return }
        if write_history(historyFile) == 0 {
            chmod(historyFile, 0o600)  // queries are private
        }
    }

    /// The terminal's rows and columns, as libedit knows them (it follows SIGWINCH).
    var screenSize: (rows: Int, columns: Int) {
        var rows: Int32 = 0
        var columns: Int32 = 0
        rl_get_screen_size(&rows, &columns)
        return (rows > 0 ? Int(rows) : 24, columns > 0 ? Int(columns) : 80)
    }

    /// The completion hook: asks the completer about the text before the cursor and
    /// returns libedit's list (the text to insert, then every match; malloc'd, libedit
    /// frees it), or nil for none.
    private static func complete(_ text: UnsafePointer<CChar>?) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        rl_attempted_completion_over = 1  // never fall back to file names
        guard let completer, let text, let buffer = rl_line_buffer else { return nil }
        // rl_point counts characters (libedit works in wide characters).
        let line = String(String(cString: buffer).unicodeScalars.prefix(Int(rl_point)))
        var completion = completer.complete(line)
        let word = String(cString: text)
        if completion.word != word {
            // libedit took a shorter word (it skips a lone opening quote): cut the
            // candidates to match.
            guard completion.word.hasSuffix(word) else { return nil }
            let head = String(completion.word.dropLast(word.count))
            completion = ReplCompletion(word: word,
                                        candidates: completion.candidates.filter { $0.hasPrefix(head) }.map { String($0.dropFirst(head.count)) },
                                        appendSpace: completion.appendSpace)
        }
        guard !completion.candidates.isEmpty else { return nil }
        rl_completion_append_character = completion.appendSpace ? 0x20 : 0
        let entries = completion.candidates.count == 1 ? completion.candidates : [completion.commonPrefix] + completion.candidates
        // One NULL ends the list; libedit may read one entry past a single match, so two.
        guard let list = malloc(MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (entries.count + 2))?
            .bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 2) else { return nil }
        for (i, entry) in entries.enumerated() { list[i] = strdup(entry) }
        list[entries.count] = nil
        list[entries.count + 1] = nil
        return list
    }
}
