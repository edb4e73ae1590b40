// libFuzzer target: the Tokenizer on arbitrary bytes (as the indexer and the query
// parser feed it: any UTF-8 text, invalid input repaired by String(decoding:)).
// Built by run.sh together with Sources/Telusur/Analysis/*.swift.

/// Crashes (so libFuzzer keeps the input) when an invariant of the tokens breaks.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("tokenizer invariant: " + message()) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func tokenizerFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let length = text.utf8.count
    let tokenizer = Tokenizer()
    let tokens = tokenizer.tokenize(text)
    var lastPosition = 0
    for token in tokens {
        require(!token.term.isEmpty, "empty term in \(text.debugDescription)")
        require(token.term.utf8.count <= Tokenizer.maxTermBytes, "term of \(token.term.utf8.count) bytes")
        require(token.range.lowerBound >= 0 && token.range.upperBound <= length && !token.range.isEmpty,
                "range \(token.range) outside 0..<\(length)")
        require(token.position >= 1 && token.position >= lastPosition, "position \(token.position) after \(lastPosition)")
        require(token.partCount >= 1, "part count \(token.partCount)")
        lastPosition = token.position
    }
    // The allocation-free path the indexer uses gives the same terms.
    var index = 0
    tokenizer.forEachToken(in: text) { bytes, position, range, kind in
        require(index < tokens.count, "forEachToken gave more tokens than tokenize")
        let token = tokens[index]
        require(Array(bytes) == Array(token.term.utf8) && position == token.position && range == token.range && kind == token.kind,
                "forEachToken and tokenize differ at token \(index)")
        index += 1
    }
    require(index == tokens.count, "forEachToken gave fewer tokens than tokenize")
    _ = tokenizer.normalize(text)
    return 0
}
