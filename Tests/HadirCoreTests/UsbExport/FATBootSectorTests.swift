import Testing

@testable import HadirCore

@Suite struct FATBootSectorTests {
    /// A boot sector shaped like mkfs.vfat's: 512-byte sectors, 4 sectors per cluster, 4 reserved, 2 FATs.
    func sector(type: String, at offset: Int, oem: String = "mkfs.fat") -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 512)
        bytes[0] = 0xEB
        bytes[1] = 0x3C
        bytes[2] = 0x90
        bytes.replaceSubrange(3..<11, with: Array(oem.utf8))
        bytes[11] = 0x00
        bytes[12] = 0x02
        bytes[13] = 4
        bytes[14] = 4
        bytes[16] = 2
        bytes.replaceSubrange(offset..<offset + 8, with: Array(type.utf8))
        bytes[510] = 0x55
        bytes[511] = 0xAA
        return bytes
    }

    @Test func recognisesEachFATVariant() {
        #expect(FATBootSector.check(sector(type: "FAT12   ", at: 54)) == .success(.fat12))
        #expect(FATBootSector.check(sector(type: "FAT16   ", at: 54)) == .success(.fat16))
        #expect(FATBootSector.check(sector(type: "FAT32   ", at: 82)) == .success(.fat32))
    }

    @Test func refusesOtherFileSystemsAndDamage() {
        var fat16 = sector(type: "FAT16   ", at: 54)
        #expect(FATBootSector.check(Array(fat16.prefix(511))) == .failure(.tooShort(511)))
        #expect(FATBootSector.check(sector(type: "        ", at: 54, oem: "NTFS    ")) == .failure(.otherFileSystem("NTFS")))
        #expect(FATBootSector.check(sector(type: "        ", at: 54, oem: "EXFAT   ")) == .failure(.otherFileSystem("exFAT")))
        #expect(FATBootSector.check(sector(type: "        ", at: 54)) == .failure(.unknownType))
        fat16[511] = 0
        #expect(FATBootSector.check(fat16) == .failure(.missingSignature))
    }

    @Test func refusesImpossibleGeometry() {
        var bytes = sector(type: "FAT16   ", at: 54)
        bytes[12] = 0x03
        #expect(FATBootSector.check(bytes) == .failure(.badBytesPerSector(768)))
        bytes = sector(type: "FAT16   ", at: 54)
        bytes[13] = 3
        #expect(FATBootSector.check(bytes) == .failure(.badSectorsPerCluster(3)))
        bytes = sector(type: "FAT16   ", at: 54)
        bytes[14] = 0
        #expect(FATBootSector.check(bytes) == .failure(.noReservedSectors))
        bytes = sector(type: "FAT16   ", at: 54)
        bytes[16] = 0
        #expect(FATBootSector.check(bytes) == .failure(.noFATs))
    }

    @Test func aPartitionTableIsNotAFileSystem() {
        // An MBR has 55 AA too, but no BPB: zero bytes per sector.
        var mbr = [UInt8](repeating: 0, count: 512)
        mbr[510] = 0x55
        mbr[511] = 0xAA
        #expect(FATBootSector.check(mbr) == .failure(.badBytesPerSector(0)))
    }
}
