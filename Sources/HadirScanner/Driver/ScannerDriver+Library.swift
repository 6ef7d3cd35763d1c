extension ScannerDriver {
    /// Deletes the template in `slot` (DeletChar with a count of 1).
    public func delete(slot: UInt16) async throws(ScannerError) {
        try await exclusive { () throws(ScannerError) in
            _ = try requireParameters()
            try execute(.deleteChar(slot: slot, count: 1)).requireSuccess()
        }
    }

    /// The number of stored templates (TemplateNum).
    public func count() async throws(ScannerError) -> Int {
        try await exclusive { () throws(ScannerError) -> Int in
            _ = try requireParameters()
            let ack = try execute(.templateCount)
            try ack.requireSuccess()
            do throws(EF01FrameError) {
                return Int(try EF01TemplateCount(bytes: ack.data).count)
            } catch {
                throw .frame(error)
            }
        }
    }

    /// The occupied slots, ascending, from the index table pages that cover the capacity.
    public func list() async throws(ScannerError) -> [UInt16] {
        try await exclusive { () throws(ScannerError) -> [UInt16] in
            let capacity = try requireParameters().capacity
            guard let pages = EF01IndexTable.pages(forCapacity: Int(capacity)) else { return [] }
            var slots: [UInt16] = []
            for page in pages {
                slots += try readIndexPage(page).filter { $0 < capacity }
            }
            return slots
        }
    }

    /// Stores a template received from elsewhere (DownChar(1) + data packets + Store(1, slot)).
    ///
    /// Used to replicate templates across kiosks so each module's duplicate search sees them all.
    public func restore(template: [UInt8], to slot: UInt16) async throws(ScannerError) {
        try await exclusive { () throws(ScannerError) in
            let parameters = try requireParameters()
            guard slot < parameters.capacity else { throw .module(.slotOutOfRange) }
            try download(template: template, into: 1, packetSize: parameters.packetSize)
            try execute(.store(buffer: 1, slot: slot)).requireSuccess()
        }
    }

    /// Searches the library for a template received from elsewhere; nil when it is not enrolled.
    ///
    /// Re-checks server templates before storing them, so the one-finger rule holds across kiosks.
    public func findEnrolled(template: [UInt8]) async throws(ScannerError) -> EF01SearchMatch? {
        try await exclusive { () throws(ScannerError) -> EF01SearchMatch? in
            let parameters = try requireParameters()
            try download(template: template, into: 1, packetSize: parameters.packetSize)
            let search = try execute(.search(buffer: 1, start: 0, count: parameters.capacity))
            switch search.error {
            case nil: return try searchMatch(search)
            case .notFound: return nil
            case let error?: throw .module(error)
            }
        }
    }

    /// DownChar(`buffer`) followed by the template's data packets.
    private func download(template: [UInt8], into buffer: UInt8, packetSize: Int) throws(ScannerError) {
        try execute(.downChar(buffer: buffer)).requireSuccess()
        try sendData(template, packetSize: packetSize)
    }

    /// The lowest slot below `capacity` that is free on the module and not in `excluding`.
    ///
    /// Reads index pages one at a time and stops at the first page with a usable slot.
    func findFreeSlot(capacity: UInt16, excluding: Set<UInt16>) throws(ScannerError) -> UInt16 {
        guard let pages = EF01IndexTable.pages(forCapacity: Int(capacity)) else { throw .module(.libraryFull) }
        for page in pages {
            let used = Set(try readIndexPage(page))
            let first = Int(page) * EF01IndexTable.slotsPerPage
            let end = min(first + EF01IndexTable.slotsPerPage, Int(capacity))
            for candidate in first..<end {
                let slot = UInt16(truncatingIfNeeded: candidate)
                if !used.contains(slot), !excluding.contains(slot) { return slot }
            }
        }
        throw .module(.libraryFull)
    }

    /// The occupied slots on index table page `page`.
    func readIndexPage(_ page: UInt8) throws(ScannerError) -> [UInt16] {
        let ack = try execute(.readIndexTable(page: page))
        try ack.requireSuccess()
        do {
            return try EF01IndexTable.slots(page: page, bitmap: ack.data)
        } catch {
            throw .frame(error)
        }
    }
}
