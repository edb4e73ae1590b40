import Foundation
import Testing

/// Issue 12, rows 6 and 12–14: maintenance commands tell the truth about an index they
/// cannot write, never call a healthy index damaged, and leave its owner and modes alone.
@Suite(.serialized) struct MaintenanceSafetyTests {
    /// An index of the seeds made read-only: a read-only bind mount as root (as a sent
    /// disk would be), else a directory without write permission.
    final class ReadOnlyIndex {
        let directory = TemporaryDirectory()
        let path: String
        private var mounted = false

        init() throws {
            let built = directory.path + "/idx"
            #expect(try CommandRunner.run(["index", "--index", built, Repository.seeds]).status == 0)
            if getuid() == 0 {
                path = directory.path + "/ro"
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                let command = "mount --bind '\(built)' '\(path)' && mount -o remount,ro,bind '\(path)' && echo ok"
                mounted = (try? CommandRunner.shell(command + " 2>/dev/null"))?.contains("ok") ?? false
                #expect(mounted, "could not make a read-only bind mount as root")
            } else {
                path = built
                _ = try CommandRunner.shell("chmod a-w '\(built)' '\(built)'/*")
            }
        }

        deinit {
            if mounted { _ = try? CommandRunner.shell("umount '\(path)'") }
            _ = try? CommandRunner.shell("chmod -R u+w '\(directory.path)'")
        }
    }

    @Test func writingCommandsOnAnIndexThatCannotBeWrittenSaySo() throws {
        let index = try ReadOnlyIndex()
        #expect(access(index.path, W_OK) != 0)
        let runs: [[String]] = [
            ["index", "--index", index.path, Repository.seeds],
            ["index", "--index", index.path, "-"],
            ["remove", "--index", index.path, "x"],
            ["remove", "--index", index.path, "--wait", "x"],
            ["compact", "--index", index.path],
            ["compact", "--index", index.path, "--wait"],
            ["check", "--index", index.path],
        ]
        for arguments in runs {
            let started = Date()
            let run = try CommandRunner.run(arguments, stdin: "")
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.contains("cannot be written by this user"), "\(arguments): \(run.stderr)")
            #expect(!run.stderr.contains("locked by another") && !run.stderr.contains("read/write"), "\(arguments): \(run.stderr)")
            #expect(Date().timeIntervalSince(started) < 20, "\(arguments) waited")
        }
        // Searching it still works.
        #expect(try CommandRunner.run(["search", "--index", index.path, "zero konflik"]).status == 0)
    }

    @Test func compactKeepsTheOwnerAndModes() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/idx"
        #expect(try CommandRunner.run(["index", "--index", index, Repository.seeds]).status == 0)
        let owner = getuid() == 0 ? "65534:65534" : "\(getuid()):\(getgid())"
        _ = try CommandRunner.shell("chown -R \(owner) '\(index)' && chmod 750 '\(index)' && chmod 640 '\(index)'/*")
        let before = try CommandRunner.shell("stat -c '%n %U %G %a' '\(index)' '\(index)'/* | sed 's|.*/||'")
        let compacted = try CommandRunner.shell("umask 077; '\(CommandRunner.executable)' compact --index '\(index)' 2>&1")
        #expect(compacted.contains("compacted"), "\(compacted)")
        let after = try CommandRunner.shell("stat -c '%n %U %G %a' '\(index)' '\(index)'/* | sed 's|.*/||'")
        #expect(after == before)
    }

    /// Row 6: `check` beside an indexer committing small batches reads one revision at
    /// a time and never calls the healthy index damaged.
    @Test func checkBesideARunningIndexerNeverSaysDamaged() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/idx"
        let slice = try directory.write("slice.jsonl", try CommandRunner.shell("zcat '\(ShardedCorpus.corpusFile)' | head -n 300"))
        #expect(try CommandRunner.run(["index", "--index", index, Repository.seeds]).status == 0)
        let indexer = try BackgroundProcess(["index", "--index", index, "--batch", "10", slice])
        var checks = 0
        while indexer.process.isRunning && checks < 6 {
            let run = try CommandRunner.run(["check", "--index", index])
            #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
            #expect(!(run.stdout + run.stderr).contains("damaged"))
            checks += 1
        }
        #expect(indexer.wait(timeout: 300) == 0)
        #expect(checks >= 2, "the indexer finished before check could run beside it")
    }
}
