/// Recognises a FAT12/16/32 volume from its first sector, so `hadirctl export-usb` mounts only
/// what is really vfat (never an NTFS/exFAT stick or a raw disk with a partition table).
public enum FATBootSector {
    public enum Variant: String, Hashable, Sendable {
        case fat12 = "FAT12"
        case fat16 = "FAT16"
        case fat32 = "FAT32"
    }

    /// Why the bytes are not a FAT boot sector.
    public enum Rejection: Error, Hashable, Sendable, CustomStringConvertible {
        case tooShort(Int)
        case missingSignature
        case badBytesPerSector(Int)
        case badSectorsPerCluster(Int)
        case noReservedSectors
        case noFATs
        case otherFileSystem(String)
        case unknownType

        public var description: String {
            switch self {
            case .tooShort(let count): "only \(count) bytes (a boot sector is 512)"
            case .missingSignature: "no 55 AA boot signature"
            case .badBytesPerSector(let value): "bytes per sector \(value) is not 512, 1024, 2048 or 4096"
            case .badSectorsPerCluster(let value): "sectors per cluster \(value) is not a power of two up to 128"
            case .noReservedSectors: "no reserved sectors"
            case .noFATs: "no file allocation table"
            case .otherFileSystem(let name): "a \(name) file system, not FAT"
            case .unknownType: "no FAT12/FAT16/FAT32 type label"
            }
        }
    }

    public static let size = 512

    /// The FAT variant of `bytes` (the device's first sector or more), or why it is not FAT.
    public static func check(_ bytes: [UInt8]) -> Result<Variant, Rejection> {
        guard bytes.count >= size else { return .failure(.tooShort(bytes.count)) }
        let oemName = ascii(bytes[3..<11])
        if oemName == "NTFS    " { return .failure(.otherFileSystem("NTFS")) }
        if oemName == "EXFAT   " { return .failure(.otherFileSystem("exFAT")) }
        guard bytes[510] == 0x55, bytes[511] == 0xAA else { return .failure(.missingSignature) }
        let bytesPerSector = Int(bytes[11]) | Int(bytes[12]) << 8
        guard [512, 1024, 2048, 4096].contains(bytesPerSector) else { return .failure(.badBytesPerSector(bytesPerSector)) }
        let sectorsPerCluster = Int(bytes[13])
        guard [1, 2, 4, 8, 16, 32, 64, 128].contains(sectorsPerCluster) else {
            return .failure(.badSectorsPerCluster(sectorsPerCluster))
        }
        guard bytes[14] != 0 || bytes[15] != 0 else { return .failure(.noReservedSectors) }
        guard bytes[16] != 0 else { return .failure(.noFATs) }
        // FAT32 keeps its label after the extended BPB at 82; FAT12/16 at 54.
        switch (ascii(bytes[54..<62]), ascii(bytes[82..<90])) {
        case (_, "FAT32   "): return .success(.fat32)
        case ("FAT16   ", _): return .success(.fat16)
        case ("FAT12   ", _): return .success(.fat12)
        default: return .failure(.unknownType)
        }
    }

    private static func ascii(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
}
