extension EF01Packet {
    /// The data packet sizes a module can be set to (SetSysPara parameter 6, codes 0…3).
    public static let dataPacketSizes = [32, 64, 128, 256]

    /// Splits `data` into data packets of at most `packetSize` bytes: type 0x02, the last 0x08.
    ///
    /// Empty data yields a single empty 0x08 packet so the receiver still sees the end.
    public static func dataPackets(for data: [UInt8], packetSize: Int, address: UInt32) -> [EF01Packet] {
        let size = max(1, packetSize)
        guard !data.isEmpty else {
            return [EF01Packet(address: address, type: .endData, payload: [])]
        }
        var packets: [EF01Packet] = []
        packets.reserveCapacity((data.count + size - 1) / size)
        var offset = 0
        while offset < data.count {
            let end = min(offset + size, data.count)
            let type: EF01PacketType = end == data.count ? .endData : .data
            packets.append(EF01Packet(address: address, type: type, payload: Array(data[offset..<end])))
            offset = end
        }
        return packets
    }
}
