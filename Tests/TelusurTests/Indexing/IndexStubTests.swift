import Testing
@testable import Telusur

@Suite struct IndexStubTests {
    @Test func readsXapianStubLines() throws {
        let text = """
            # a comment, then a blank line

            auto shard-00
            glass /srv/arsip/shard-01
            remote 10.0.0.7:33333
            remote [::1]:44444
            remote :ssh arsip xapian-progsrv /srv/arsip/shard-04
            """
        let stub = try IndexStub.parse(text, path: "/data/Index/shards.stub")
        #expect(stub.shards.map(\.address) == [
            .local(path: "/data/Index/shard-00"),
            .local(path: "/srv/arsip/shard-01"),
            .tcp(host: "10.0.0.7", port: 33333),
            .tcp(host: "::1", port: 44444),
            .program(command: "ssh", arguments: "arsip xapian-progsrv /srv/arsip/shard-04"),
        ])
        #expect(stub.shards.map(\.line) == [3, 4, 5, 6, 7])
        #expect(stub.shards.map(\.isRemote) == [false, false, true, true, true])
        #expect(stub.shards[2].description == "remote 10.0.0.7:33333 (line 5 of /data/Index/shards.stub)")
    }

    @Test(arguments: [
        ("auto a\nremote localhost\n", 2, "has no port"),
        ("auto a\nremote localhost:0\n", 2, "has no port"),
        ("remote :\n", 1, "needs a program"),
        ("remote []:4000\n", 1, "has no host"),
        ("remote [::1]\n", 1, "has no port"),
        ("chert old\n", 1, "is not a shard"),
        ("auto\n", 1, "needs a path"),
        ("# nothing\n\n", 0, "lists no shard"),
    ])
    func badLinesAreNamed(_ text: String, _ line: Int, _ reason: String) {
        do {
            _ = try IndexStub.parse(text, path: "x.stub")
            Issue.record("parsed \(text)")
        } catch IndexingError.badStub(let path, let badLine, let why) {
            #expect(path == "x.stub")
            #expect(badLine == line)
            #expect(why.contains(reason), "\(why)")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func aNewShardedIndexGetsAutoLinesInRoutingOrder() throws {
        let text = IndexStub.text(shardDirectories: (0..<3).map(ShardLayout.shardName))
        let stub = try IndexStub.parse(text, path: "Index/shards.stub")
        #expect(stub.shards.map(\.name) == ["auto shard-00", "auto shard-01", "auto shard-02"])
        #expect(stub.shards.map(\.address) == (0..<3).map { .local(path: "Index/shard-0\($0)") })
    }

    @Test func aLocalShardThatIsItselfShardedIsExpanded() throws {
        let directory = TemporaryDirectory()
        try directory.write("inner/shards.stub", "auto a\nauto b\n")
        try directory.write("inner/a/iamglass", "")
        let outer = try directory.write("outer.stub", "auto inner\nremote h:1\n")
        let shards = try IndexLocation(option: outer).shards()
        #expect(shards.map(\.address) == [.local(path: directory.path + "/inner/a"), .local(path: directory.path + "/inner/b"),
                                          .tcp(host: "h", port: 1)])
        try directory.write("loop.stub", "auto loop.stub\n")
        #expect(throws: IndexingError.self) { try IndexLocation(option: directory.path + "/loop.stub").shards() }
    }
}
