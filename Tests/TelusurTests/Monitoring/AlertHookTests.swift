import Testing
@testable import Telusur

@Suite struct AlertHookTests {
    @Test(arguments: [
        ("mail -s alert kantor@example.org", ["mail", "-s", "alert", "kantor@example.org"]),
        ("tee '/tmp/a b.json'", ["tee", "/tmp/a b.json"]),
        (#"post "x \"y\"" z\ w"#, ["post", #"x "y""#, "z w"]),
        // No expansion of any kind: these reach the program as written.
        ("echo $HOME `id` $(id) *", ["echo", "$HOME", "`id`", "$(id)", "*"]),
        ("run ''", ["run", ""]),
    ])
    func splitsTheUsersWords(line: String, words: [String]) throws {
        #expect(try AlertHook.split(line) == words)
    }

    @Test(arguments: ["", "   ", "tee 'x", "tee x\\"])
    func refusesLinesThatAreNotACommand(line: String) {
        #expect(throws: AlertHookError.self) { try AlertHook.split(line) }
    }
}
