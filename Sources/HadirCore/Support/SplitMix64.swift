/// A tiny deterministic pseudo-random generator (SplitMix64 recurrence).
///
/// Virtual fingers must produce the same template bytes on every run and on every machine, and
/// fuzz and property tests must replay from their seed, so neither uses the system generator.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator whose whole output is determined by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// Returns the next 64 pseudo-random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Appends `count` pseudo-random bytes to `bytes`.
    public mutating func fill(_ bytes: inout [UInt8], count: Int) {
        var produced = 0
        while produced < count {
            var word = next()
            for _ in 0..<8 where produced < count {
                bytes.append(UInt8(truncatingIfNeeded: word))
                word >>= 8
                produced += 1
            }
        }
    }

    /// `count` pseudo-random bytes.
    public mutating func bytes(_ count: Int) -> [UInt8] {
        var result: [UInt8] = []
        fill(&result, count: count)
        return result
    }

    /// A pseudo-random count in `range`.
    public mutating func count(in range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }
}
