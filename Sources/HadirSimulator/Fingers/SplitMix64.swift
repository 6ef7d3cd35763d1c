/// A tiny deterministic pseudo-random generator (SplitMix64 recurrence).
///
/// Virtual fingers must produce the same template bytes on every run and on every machine,
/// so the simulator never uses the system generator for them.
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
}
