import Foundation
import Testing
@testable import Telusur
@testable import TelusurWeb

/// `/api/openapi.json` against what the server really returns: every path of the
/// document is requested, and each answer's body is checked against the schema the
/// document gives for its status (types, required keys, no undocumented keys, items, enums).
@Suite("OpenAPI")
struct OpenAPITests {
    /// (path as documented, request, expected status)
    static let cases: [(String, String, Int)] = [
        ("/api/search", "/api/search?q=%22zero+konflik%22&facets=1&timeline=1", 200),
        ("/api/search", "/api/search?q=pemilu&limit=3&sort=-date", 200),
        ("/api/search", "/api/search?q=zero+%22konflik", 400),
        ("/api/search", "/api/search?q=pemilu&limit=5000", 400),
        ("/api/person/{name}", "/api/person/Herman%20Deru?facets=1", 200),
        ("/api/agency/{name}", "/api/agency/KPU", 200),
        ("/api/agency/{name}", "/api/agency/Badan%20Tidak%20Ada%20Sama%20Sekali", 400),
        ("/api/similar/{id}", "/api/similar/000_b340dedaa94c42df.txt", 200),
        ("/api/similar/{id}", "/api/similar/nope", 404),
        ("/api/articles/{id}", "/api/articles/002_f25fde0d847e90ce.txt?q=pemilu", 200),
        ("/api/articles/{id}", "/api/articles/nope", 404),
        ("/api/articles/{id}", "/api/articles/nope?format=csv", 406),
        ("/api/persons", "/api/persons?top=5", 200),
        ("/api/agencies", "/api/agencies?match=kpu", 200),
        ("/api/stats", "/api/stats", 200),
        ("/api/quotes", "/api/quotes?q=said%3A%22Herman+Deru%22", 200),
        ("/api/quotes", "/api/quotes?limit=2&sort=relevance", 200),
        ("/api/quotes", "/api/quotes?q=zero+%22konflik", 400),
        ("/api/quotes", "/api/quotes?sort=oldest", 400),
        ("/api/quotes", "/api/quotes?format=csv", 406),
        ("/api/suggest", "/api/suggest?q=person:He", 200),
        ("/api/suggest", "/api/suggest?q=so", 200),
        ("/api/openapi.json", "/api/openapi.json", 200),
    ]

    @Test("every documented path, and each answer matches its schema")
    func responsesMatchTheDocument() async throws {
        let directory = TemporaryDirectory()
        let server = try await WebServerHarness(index: try await seedIndex(in: directory))
        let document = try #require(try await server.get("/api/openapi.json").object())
        var answers: [(String, String, Int, HTTPClient.Answer)] = []
        for (path, target, status) in Self.cases {
            answers.append((path, target, status, try await server.get(target)))
        }
        await server.stop()
        let paths = try #require(document["paths"] as? [String: Any])
        #expect(Set(paths.keys) == Set(Self.cases.map(\.0)), "every documented path is requested, and only those")
        for (path, target, status, answer) in answers {
            #expect(answer.status == status, "\(target): \(answer.text.prefix(300))")
            let operation = try #require(((paths[path] as? [String: Any])?["get"] as? [String: Any]))
            let responses = try #require(operation["responses"] as? [String: Any])
            let response = try #require(responses[String(answer.status)] as? [String: Any], "\(target): status \(answer.status) is not documented")
            guard let schema = ((response["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] else { continue }
            let problems = SchemaChecker(document: document).problems(try answer.json(), schema, at: "$")
            #expect(problems.isEmpty, "\(target): \(problems.prefix(5).joined(separator: "; "))")
        }
    }

    @Test("the checker itself finds missing, extra and mistyped keys")
    func checkerFindsProblems() throws {
        let document: [String: Any] = ["components": ["schemas": ["T": [
            "type": "object", "additionalProperties": false, "required": ["a", "b"],
            "properties": ["a": ["type": "integer"], "b": ["type": ["string", "null"]], "c": ["type": "array", "items": ["type": "string"]]],
        ]]]]
        let checker = SchemaChecker(document: document)
        let ref: [String: Any] = ["$ref": "#/components/schemas/T"]
        #expect(checker.problems(["a": 1, "b": NSNull()], ref, at: "$").isEmpty)
        #expect(!checker.problems(["a": 1], ref, at: "$").isEmpty)
        #expect(!checker.problems(["a": "1", "b": "x"], ref, at: "$").isEmpty)
        #expect(!checker.problems(["a": 1, "b": "x", "d": 2], ref, at: "$").isEmpty)
        #expect(!checker.problems(["a": 1, "b": "x", "c": [3]], ref, at: "$").isEmpty)
    }
}

/// A small JSON Schema checker for the subset the OpenAPI document uses.
struct SchemaChecker {
    let document: [String: Any]

    func problems(_ value: Any, _ schemaValue: Any, at path: String) -> [String] {
        guard var schema = schemaValue as? [String: Any] else { return ["\(path): schema is not an object"] }
        if let ref = schema["$ref"] as? String {
            var node: Any = document
            for part in ref.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] ?? [:] }
            schema = node as? [String: Any] ?? [:]
        }
        var found: [String] = []
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [type as? String ?? ""]
            guard types.contains(where: { matches(value, $0) }) else { return ["\(path): \(value) is not \(types)"] }
        }
        if let choices = schema["enum"] as? [String], let text = value as? String, !choices.contains(text) {
            found.append("\(path): \(text) not in \(choices)")
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { found.append("\(path): missing \(key)") }
            if schema["additionalProperties"] as? Bool == false {
                for key in object.keys where properties[key] == nil { found.append("\(path): undocumented key \(key)") }
            }
            for (key, sub) in properties { if let member = object[key] { found += problems(member, sub, at: path + "." + key) } }
        }
        if let array = value as? [Any], let items = schema["items"] {
            for (i, item) in array.enumerated() { found += problems(item, items, at: "\(path)[\(i)]") }
        }
        return found
    }

    private func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "string": return value is String
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "boolean": return value is Bool || value is NSNumber
        case "number": return !(value is String) && (value as? NSNumber) != nil
        case "integer":
            guard !(value is String), let number = value as? NSNumber else { return false }
            return number.doubleValue == number.doubleValue.rounded()
        default: return false
        }
    }
}
