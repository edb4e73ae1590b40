import Foundation

extension String {
    /// The text in Unicode Normalization Form C (composed), so that "é" typed as
    /// `e` + U+0301 and as U+00E9 index and match the same.
    ///
    /// Text that is already NFC, as the corpus is, costs one quick check and no copy.
    var nfcNormalized: String {
        var span = utf8Span
        if span.checkForNFC(quickCheck: true) {
            return self
        }
        return precomposedStringWithCanonicalMapping
    }
}
