import HadirScanner

extension EF01ModuleEmulator {
    // MARK: - The physical world

    /// Rests `finger` on the sensor until ``lift()``; returns any bytes an AutoEnroll or
    /// AutoIdentify waiting for the finger now sends.
    @discardableResult
    public mutating func place(_ finger: VirtualFinger) -> [UInt8] {
        sensor.place(finger)
        return advanceAutomatic()
    }

    /// Lifts any finger and cancels pending presses; returns bytes an automatic operation
    /// waiting for the lift now sends.
    @discardableResult
    public mutating func lift() -> [UInt8] {
        sensor.lift()
        return advanceAutomatic()
    }

    /// Schedules `times` separate presses of `finger`, a lift between each (see
    /// ``SensorModel/press(_:times:)``); returns bytes an automatic operation now sends.
    @discardableResult
    public mutating func press(_ finger: VirtualFinger, times: Int = 1) -> [UInt8] {
        sensor.press(finger, times: times)
        return advanceAutomatic()
    }

    // MARK: - Image instructions

    /// GenImg: 00 and an image when a finger is seen, 02 when none, 03 on a sensor fault.
    mutating func genImg() -> ModuleResponse {
        if faults.consume(.sensor) {
            image = .none
            return .ack(.imageCaptureFailed)
        }
        guard let finger = sensor.capture() else {
            image = .none
            return .ack(.noFinger)
        }
        image = .captured(finger)
        return .ack(.success)
    }

    /// Img2Tz: turns the image into the finger's template in `buffer`.
    mutating func img2Tz(buffer number: UInt8) -> ModuleResponse {
        guard let index = bufferIndex(number) else { return .ack(.receiveError) }
        switch image {
        case .none:
            return .ack(.noValidImage)
        case .captured(let finger):
            buffers[index] = finger.template(size: configuration.templateSize)
            return .ack(.success)
        case .downloaded(let pixels):
            // Only a byte-exact virtual finger image has "features" the simulator can read.
            guard let finger = VirtualFinger.identify(image: pixels, geometry: configuration.imageGeometry) else {
                return .ack(.imageTooMessy)
            }
            buffers[index] = finger.template(size: configuration.templateSize)
            return .ack(.success)
        }
    }

    /// UpImage: ack, then the 4-bit packed image as data packets; 0F without an image.
    func upImage() -> ModuleResponse {
        let pixels: [UInt8]
        switch image {
        case .none: return .ack(.imageUploadFailed)
        case .captured(let finger): pixels = finger.image(geometry: configuration.imageGeometry)
        case .downloaded(let bytes): pixels = bytes
        }
        var response = ModuleResponse.ack(.success)
        response.data = pixels
        return response
    }

    /// DownImage: ack, then the host's data packets replace the image buffer.
    mutating func downImage(request: String) -> ModuleResponse {
        incoming = IncomingTransfer(
            target: .image, assembler: EF01DataAssembler(maxBytes: configuration.imageGeometry.byteCount * 2),
            request: request)
        return .ack(.success)
    }

    /// Handles a data packet from the host: part of a DownChar/DownImage transfer, or stray.
    mutating func receiveData(_ packet: EF01Packet) -> [UInt8] {
        guard var transfer = incoming else {
            record("stray data packet (\(packet.payload.count) bytes)", "ignored")
            return []
        }
        let completed: [UInt8]?
        do {
            completed = try transfer.assembler.add(packet)
        } catch {
            incoming = nil
            record(transfer.request, "transfer abandoned: \(error)")
            return []
        }
        guard let bytes = completed else {
            incoming = transfer
            return []
        }
        incoming = nil
        switch transfer.target {
        case .buffer(let index):
            buffers[index] = bytes
        case .image:
            image = bytes.isEmpty ? .none : .downloaded(bytes)
        }
        record(transfer.request, "received \(bytes.count) data bytes")
        return []
    }
}
