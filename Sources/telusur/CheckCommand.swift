import ArgumentParser
import Foundation
import Telusur

/// `telusur check`
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the index: Xapian's check of its files, then that every article is whole and there once.",
        discussion: "Exit status: 0 the index is sound, 2 it has problems (listed) or cannot be opened."
    )

    @OptionGroup var indexOption: IndexOption

    @Flag(name: .shortAndLong, help: "Also print Xapian's report on each table.")
    var verbose = false

    func run() throws {
        let location = indexOption.location
        let report: IndexChecker.Report
        do {
            report = try IndexChecker(location: location).check(verbose: verbose)
        } catch let error as IndexingError {
            throw CommandError(message: error.description)
        }
        print("index        \(location.path)")
        if report.structureErrors == 0 {
            print("structure    ok (Xapian's check found no errors)")
        } else {
            print("structure    \(report.structureErrors) error\(report.structureErrors == 1 ? "" : "s") found by Xapian's check:")
        }
        if verbose || report.structureErrors > 0 {
            for line in report.structureReport.split(separator: "\n") { print("  " + line) }
        }
        if report.structureErrors == 0 {
            let whole = report.problemCount == 0 ? "all whole, each once" : "\(report.problemCount) problem\(report.problemCount == 1 ? "" : "s"):"
            print("articles     \(report.articles), \(whole)")
            for problem in report.problems { print("  " + problem.terminalSafe()) }
            if report.problemCount > report.problems.count {
                print("  … and \(report.problemCount - report.problems.count) more")
            }
            print("paragraphs   \(report.paragraphs)")
            print("documents    \(report.documents)")
        }
        if !report.isHealthy {
            throw CommandError(message: "index \(location.path) is damaged; rebuild it: move it away and run `telusur index` on the sources again")
        }
    }
}
