extension ReplSession {
    /// Where the REPL keeps its history: `$XDG_STATE_HOME/telusur/history`, else
    /// `~/.local/state/telusur/history` (the XDG base directory rules: a relative
    /// `XDG_STATE_HOME` is ignored); nil when neither variable gives a directory.
    public static func historyFile(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/telusur/history"
        }
        if let home = environment["HOME"], !home.isEmpty {
            return home + "/.local/state/telusur/history"
        }
        return nil
    }
}
