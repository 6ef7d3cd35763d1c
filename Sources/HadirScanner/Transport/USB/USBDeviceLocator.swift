import CLibUSB

/// Lists attached devices with configured ids, through a short-lived libusb context.
///
/// A fresh context enumerates sysfs anew. A long-lived one keeps the device list its hotplug
/// monitor maintains, which never changes in a container without udev events; that list would
/// hide a scanner plugged in after start.
enum USBDeviceLocator {
    /// Attached devices whose ids are in `ids`, ordered by the position of their id in `ids`
    /// (the first configured id wins when several modules are present), then by bus and address.
    static func scan(ids: [USBDeviceID]) throws(LibUSBStatus) -> [USBDeviceLocation] {
        var found: [USBDeviceLocation] = []
        try withDevices { (devices: [OpaquePointer]) throws(LibUSBStatus) in
            found = devices.compactMap { location(of: $0, ids: ids) }
        }
        return sorted(found, ids: ids)
    }

    /// Runs `body` with every device of a fresh context; the context lives only for the call.
    static func withDevices(
        _ body: ([OpaquePointer]) throws(LibUSBStatus) -> Void
    ) throws(LibUSBStatus) {
        var context: OpaquePointer?
        try LibUSBStatus.check(libusb_init(&context))
        defer { libusb_exit(context) }
        try withDevices(in: context, body)
    }

    /// Runs `body` with the device list of `context`.
    static func withDevices(
        in context: OpaquePointer?, _ body: ([OpaquePointer]) throws(LibUSBStatus) -> Void
    ) throws(LibUSBStatus) {
        var list: UnsafeMutablePointer<OpaquePointer?>?
        let count = libusb_get_device_list(context, &list)
        try LibUSBStatus.check(Int32(clamping: count))
        defer { libusb_free_device_list(list, 1) }
        guard let list else { return }
        try body((0..<count).compactMap { list[$0] })
    }

    /// The device's location when its ids are configured.
    static func location(of device: OpaquePointer, ids: [USBDeviceID]) -> USBDeviceLocation? {
        var descriptor = libusb_device_descriptor()
        guard libusb_get_device_descriptor(device, &descriptor) == 0 else { return nil }
        let id = USBDeviceID(vendor: descriptor.idVendor, product: descriptor.idProduct)
        guard ids.contains(id) else { return nil }
        return USBDeviceLocation(id: id, bus: libusb_get_bus_number(device), address: libusb_get_device_address(device))
    }

    static func sorted(_ locations: [USBDeviceLocation], ids: [USBDeviceID]) -> [USBDeviceLocation] {
        locations.sorted {
            let left = ids.firstIndex(of: $0.id) ?? ids.count
            let right = ids.firstIndex(of: $1.id) ?? ids.count
            return (left, $0.bus, $0.address) < (right, $1.bus, $1.address)
        }
    }
}
