import HadirPull
import Testing

struct ZKFreeSizesTests {
    @Test func encodesNinetyTwoBytesWithFieldsAtSpecIndices() {
        let sizes = ZKFreeSizes(
            users: 11, fingers: 22, records: 33, fingerCapacity: 3000, userCapacity: 1000, recordCapacity: 100_000,
            faces: 5, faceCapacity: 400, admins: 2)
        let bytes = sizes.encoded()
        #expect(bytes.count == 92)
        func field(_ index: Int) -> Int32 {
            Int32(bitPattern: (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[index * 4 + $1]) << (8 * $1) })
        }
        let expected: [Int: Int32] = [
            4: 11, 6: 22, 8: 33, 10: 0, 12: 2, 13: 0, 14: 3000, 15: 1000, 16: 100_000, 17: 2978, 18: 989, 19: 99_967,
            20: 5, 22: 400,
        ]
        for index in 0..<23 {
            #expect(field(index) == expected[index, default: 0], "int32 index \(index)")
        }
    }

    @Test func remainingCountsAreNeverNegative() {
        let sizes = ZKFreeSizes(users: 50, fingers: 10, records: .max, fingerCapacity: 5, userCapacity: 40, recordCapacity: .min)
        #expect(sizes.remainingUsers == 0)
        #expect(sizes.remainingFingers == 0)
        #expect(sizes.remainingRecords == 0)
        #expect(sizes.oplogs == 0)
        #expect(sizes.passwords == 0)
    }

    @Test func decodesWhatItEncodes() throws {
        var sizes = ZKFreeSizes(users: 1, fingers: 2, records: 3, fingerCapacity: 4, userCapacity: 5, recordCapacity: 6)
        sizes.oplogs = 7
        sizes.passwords = -1
        #expect(try ZKFreeSizes.decode(sizes.encoded()) == sizes)
        #expect(throws: ZKRecordError.self) { try ZKFreeSizes.decode([UInt8](repeating: 0, count: 91)) }
    }
}
