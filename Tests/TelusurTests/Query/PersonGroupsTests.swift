import Testing
@testable import Telusur

/// Issue 13: which index keys are one person (``PersonGroups``).
@Suite struct PersonGroupsTests {
    @Test func oldAndModernSpellingsAreOneGroupLedByTheMostWritten() {
        let groups = PersonGroups([("gatot subroto", 30), ("gatot soebroto", 4), ("djoko santoso", 9), ("joko santoso", 2)])
        #expect(groups.group(of: "gatot soebroto") == "gatot subroto")
        #expect(groups.keys(of: "gatot subroto") == ["gatot subroto", "gatot soebroto"])
        // The old spelling leads when more articles use it.
        #expect(groups.group(of: "joko santoso") == "djoko santoso")
        // A spelling the index does not hold finds the group by its folded form.
        #expect(groups.group(of: "gatot suebroto") == nil)
        #expect(groups.group(of: "djoko subroto") == nil)
        #expect(PersonGroups([("soeharto", 9)]).group(of: "suharto") == "soeharto")
    }

    @Test func aForeignNameKeepsItsSpelling() {
        let alone = PersonGroups([("michael owen", 5)])
        #expect(alone.group(of: "michael owen") == "michael owen")
        #expect(alone.keys(of: "michael owen") == ["michael owen"])
        let both = PersonGroups([("michael owen", 5), ("mikhael owen", 1)])
        #expect(both.group(of: "mikhael owen") == "michael owen")
    }

    @Test func aBareNameJoinsOnlyADominantBearer() {
        let dominant = PersonGroups([("firli bahuri", 177), ("firli", 12), ("firli zorblat", 2)])
        #expect(dominant.group(of: "firli") == "firli bahuri")
        #expect(dominant.keys(of: "firli bahuri") == ["firli bahuri", "firli"])
        // Two bearers close to each other: the bare name stays its own entry.
        let close = PersonGroups([("budi santoso", 10), ("budi hartono", 8), ("budi", 1)])
        #expect(close.group(of: "budi") == "budi")
        // The bearer must have three times the bare name's articles.
        let weak = PersonGroups([("wiranto", 100), ("wiranto prasetyahadi", 20)])
        #expect(weak.group(of: "wiranto") == "wiranto")
        #expect(weak.group(of: "wiranto prasetyahadi") == "wiranto prasetyahadi")
    }

    @Test func anUnknownKeyIsItsOwnGroup() {
        let groups = PersonGroups([("herman deru", 3)])
        #expect(groups.group(of: "agus fatoni") == nil)
        #expect(groups.keys(of: "agus fatoni") == ["agus fatoni"])
    }
}
