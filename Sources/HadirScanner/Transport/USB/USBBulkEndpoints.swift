import CLibUSB

/// The bulk-IN and bulk-OUT endpoint addresses of one interface, read from the descriptors.
struct USBBulkEndpoints: Equatable, CustomStringConvertible {
    let input: UInt8
    let output: UInt8
    /// Largest packet of the IN endpoint (USB 1.1 full speed: 64).
    let inputPacketSize: Int

    var description: String {
        "bulk IN 0x\(String(input, radix: 16)) OUT 0x\(String(output, radix: 16))"
    }

    /// Finds the first bulk IN and bulk OUT endpoints of `interfaceNumber` (alternate setting 0)
    /// in the active configuration; nil when the interface lacks either.
    static func find(device: OpaquePointer, interfaceNumber: Int) throws(LibUSBStatus) -> USBBulkEndpoints? {
        var configuration: UnsafeMutablePointer<libusb_config_descriptor>?
        try LibUSBStatus.check(libusb_get_active_config_descriptor(device, &configuration))
        guard let configuration else { return nil }
        defer { libusb_free_config_descriptor(configuration) }
        guard interfaceNumber < Int(configuration.pointee.bNumInterfaces), let interfaces = configuration.pointee.interface
        else { return nil }
        let interface = interfaces[interfaceNumber]
        guard interface.num_altsetting > 0, let setting = interface.altsetting?.pointee, let endpoints = setting.endpoint else {
            return nil
        }
        var input: (UInt8, Int)?
        var output: UInt8?
        for index in 0..<Int(setting.bNumEndpoints) {
            let endpoint = endpoints[index]
            guard endpoint.bmAttributes & 0x03 == UInt8(LIBUSB_TRANSFER_TYPE_BULK.rawValue) else { continue }
            if endpoint.bEndpointAddress & UInt8(LIBUSB_ENDPOINT_IN.rawValue) != 0 {
                if input == nil { input = (endpoint.bEndpointAddress, Int(endpoint.wMaxPacketSize)) }
            } else if output == nil {
                output = endpoint.bEndpointAddress
            }
        }
        guard let input, let output else { return nil }
        return USBBulkEndpoints(input: input.0, output: output, inputPacketSize: input.1)
    }
}
