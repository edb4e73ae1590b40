import Testing
@testable import Telusur

@Suite struct ShardRouterTests {
    /// FNV-1a 64 test vectors (Fowler/Noll/Vo): the hash is the published one, not a
    /// per-process seed, so an id maps to the same shard in every run and on every machine.
    @Test(arguments: [("", 0xcbf2_9ce4_8422_2325 as UInt64), ("a", 0xaf63_dc4c_8601_ec8c), ("foobar", 0x8594_4171_f739_67e8)])
    func hashIsFNV1a64(_ id: String, _ expected: UInt64) {
        #expect(ShardRouter.hash(id) == expected)
    }

    @Test func theSameIdAlwaysGoesToTheSameShard() {
        let router = ShardRouter(count: 3)
        for id in ["kompas25-5401820bc71aee00", "000_b340dedaa94c42df.txt", "id with spaces", "é"] {
            #expect(router.shard(for: id) == ShardRouter(count: 3).shard(for: id))
            #expect((0..<3).contains(router.shard(for: id)))
        }
        #expect(ShardRouter(count: 3).shard(for: "a") == Int(0xaf63_dc4c_8601_ec8c as UInt64 % 3))
    }

    @Test func idsSpreadOverAllShards() {
        let router = ShardRouter(count: 4)
        var counts = [0, 0, 0, 0]
        for number in 0..<4000 { counts[router.shard(for: "clickid-\(number)")] += 1 }
        #expect(counts.allSatisfy { $0 > 800 && $0 < 1200 })
    }

    @Test func oneShardTakesEverything() {
        #expect(ShardRouter(count: 1).shard(for: "x") == 0)
        #expect(ShardRouter(count: 0).count == 1)
    }
}
