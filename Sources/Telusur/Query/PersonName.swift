/// How a normalised person key is shown to people.
public enum PersonName {
    /// "herman deru" → "Herman Deru"; "m alfajri zabidi" → "M Alfajri Zabidi"; particles stay lower case.
    public static func display(_ key: String) -> String {
        key.split(separator: " ").map { word in
            ["bin", "binti", "van", "de", "der", "den", "al", "el"].contains(word) ? String(word) : word.prefix(1).uppercased() + word.dropFirst()
        }.joined(separator: " ")
    }
}
