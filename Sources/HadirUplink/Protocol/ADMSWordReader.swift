/// Reads the blank-separated command words at the start of a command (`DATA UPDATE USERINFO …`),
/// leaving the rest of the text, the arguments, untouched.
struct ADMSWordReader {
    private var rest: ArraySlice<UInt8>

    init(_ text: ArraySlice<UInt8>) {
        rest = text
    }

    /// The next word (a run of non-blank bytes), or nil at the end.
    mutating func nextWord() -> ArraySlice<UInt8>? {
        rest = rest.drop(while: ADMSBytes.isBlank)
        guard !rest.isEmpty else { return nil }
        let word = rest.prefix(while: { !ADMSBytes.isBlank($0) })
        rest = rest.dropFirst(word.count)
        return word
    }

    /// Everything after the words read so far, without the leading blanks.
    var remainder: ArraySlice<UInt8> { rest.drop(while: ADMSBytes.isBlank) }
}
