/// What the EF01 and EFAA drivers share: one transport to the module, and a gate that keeps their
/// top-level operations from interleaving at suspension points.
protocol ModuleConnection: Actor {
    var transport: any ScannerTransport { get }
    var gate: OperationGate { get set }
    var isOpen: Bool { get set }
    /// Closes the transport and forgets the connection's state (parameters, decoder buffer).
    func closeConnection()
}

/// First come, first served ownership of the module by one top-level operation at a time.
struct OperationGate {
    var busy = false
    var waiters: [CheckedContinuation<Void, Never>] = []

    /// Frees the gate, or passes ownership straight to the next waiter (`busy` stays set).
    mutating func release() {
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}

extension ModuleConnection {
    /// Runs `body` with no other top-level operation interleaved at its suspension points.
    ///
    /// Waiters are served in arrival order; each operation is bounded by its own timeouts.
    func exclusive<T>(_ body: () async throws(ScannerError) -> T) async throws(ScannerError) -> T {
        if gate.busy {
            await withCheckedContinuation { gate.waiters.append($0) }
        } else {
            gate.busy = true
        }
        defer { gate.release() }
        if Task.isCancelled { throw .cancelled }
        return try await body()
    }

    /// Closes any open connection and opens the transport afresh: the first step of connecting,
    /// and of reconnecting after `.transport(.disconnected)`.
    func reopenTransport() throws(ScannerError) {
        closeConnection()
        do throws(ScannerTransportError) {
            try transport.open()
        } catch {
            throw .transport(error)
        }
        isOpen = true
    }

    func transportWrite(_ bytes: [UInt8]) throws(ScannerError) {
        do {
            try transport.write(bytes)
        } catch {
            throw transportFailure(error)
        }
    }

    func transportRead(maxCount: Int, timeout: Duration) throws(ScannerError) -> [UInt8] {
        do {
            return try transport.read(maxCount: maxCount, timeout: timeout)
        } catch {
            throw transportFailure(error)
        }
    }

    /// Maps a transport error, closing the connection when the device is gone.
    private func transportFailure(_ error: ScannerTransportError) -> ScannerError {
        if error == .disconnected || error == .notOpen {
            closeConnection()
        }
        return .transport(error)
    }
}
