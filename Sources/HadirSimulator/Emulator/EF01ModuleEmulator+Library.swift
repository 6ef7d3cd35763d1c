import HadirScanner

extension EF01ModuleEmulator {
    /// Store: writes a buffer into a slot; 0B out of range, 22 empty buffer, 18 flash fault,
    /// 1F full fault.
    mutating func store(buffer number: UInt8, slot: Int) -> ModuleResponse {
        guard let index = bufferIndex(number) else { return .ack(.receiveError) }
        guard slot < capacity else { return .ack(.slotOutOfRange) }
        guard let template = buffers[index] else { return .ack(.templateEmpty) }
        if faults.consume(.full) { return .ack(.libraryFull) }
        if faults.consume(.flash) { return .ack(.flashWriteError) }
        library.store(template, at: slot)
        return .ack(.success)
    }

    /// DeletChar: deletes `count` slots from `slot`; 10 when the run is empty or leaves
    /// the library, 18 flash fault.
    mutating func deleteChar(slot: Int, count: Int) -> ModuleResponse {
        guard count >= 1, slot + count <= capacity else { return .ack(.deleteFailed) }
        if faults.consume(.flash) { return .ack(.flashWriteError) }
        library.delete(slot..<(slot + count))
        return .ack(.success)
    }

    /// Empty: deletes the whole library; 18 flash fault.
    mutating func emptyLibrary() -> ModuleResponse {
        if faults.consume(.flash) { return .ack(.flashWriteError) }
        library.removeAll()
        return .ack(.success)
    }

    /// TemplateNum: how many slots below the capacity hold a template.
    func templateCount() -> ModuleResponse {
        .ack(.success, EF01TemplateCount(count: UInt16(clamping: library.count(below: capacity))).bytes)
    }

    /// ReadIndexTable: the 32-byte occupancy bitmap of `page` (slots 256p ..< 256p + 256).
    func readIndexTable(page: UInt8) -> ModuleResponse {
        let slots = library.occupiedSlots(below: capacity).compactMap { UInt16(exactly: $0) }
        return .ack(.success, EF01IndexTable.bitmap(page: page, slots: slots))
    }
}
