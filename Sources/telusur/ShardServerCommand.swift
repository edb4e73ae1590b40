import ArgumentParser
import Foundation
import Telusur

/// `telusur shard-server DIR --port P`
struct ShardServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shard-server",
        abstract: "Serve an index or shard to remote searchers with xapian-tcpsrv (no authentication, no encryption).",
        discussion: """
            Searchers list it in a stub file as `remote HOST:PORT`. Xapian's protocol has no \
            authentication or encryption: the server listens on 127.0.0.1 unless --interface says \
            otherwise; across machines use ssh and xapian-progsrv (README, "Shards"). \
            Ctrl-C or SIGTERM stops it. Exit status: the server's (0 when stopped), 2 on error.
            """
    )

    @Argument(help: ArgumentHelp("The index or shard directory to serve.", valueName: "DIR"))
    var directory: String

    @Option(help: "The TCP port to listen on.")
    var port: Int

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "ADDR"))
    var interface: String = ShardServer.loopback

    func run() throws {
        let server = ShardServer(index: IndexLocation(option: directory), port: port, interface: interface)
        if !server.isLoopback {
            printError("telusur: warning: listening on \(interface): Xapian's remote protocol has no authentication or encryption; "
                       + "anyone who can reach \(interface):\(port) can read the whole index")
        }
        let status: Int32
        do {
            status = try server.run { command in
                printError("telusur: serving \(directory) on \(interface):\(port) (\(command.joined(separator: " "))); Ctrl-C stops it")
            }
        } catch let error as ServingError {
            throw CommandError(message: error.description)
        }
        if status != 0 { throw ExitCode(status) }
    }
}
