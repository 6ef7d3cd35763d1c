import CLibUSB

/// A libusb return code, named and explained for logs and mapped to ``ScannerTransportError``.
struct LibUSBStatus: Error, Equatable, CustomStringConvertible {
    let code: Int32

    init(_ code: Int32) {
        self.code = code
    }

    var isTimeout: Bool { code == LIBUSB_ERROR_TIMEOUT.rawValue }
    var isNoDevice: Bool { code == LIBUSB_ERROR_NO_DEVICE.rawValue }

    /// "LIBUSB_ERROR_ACCESS (Access denied (insufficient permissions))".
    var description: String {
        "\(String(cString: libusb_error_name(code))) (\(String(cString: libusb_strerror(code))))"
    }

    /// Throws unless `code` is success (0) or a positive count.
    static func check(_ code: Int32) throws(LibUSBStatus) {
        if code < 0 { throw LibUSBStatus(code) }
    }

    /// The transport error for a failed `operation` on an open device.
    func transportError(_ operation: String) -> ScannerTransportError {
        isNoDevice ? .disconnected : .io("\(operation): \(self)")
    }

    /// The transport error for a failed open/claim of `device`, with the usual fix.
    func openError(_ device: String, _ operation: String) -> ScannerTransportError {
        let hint: String
        switch code {
        case LIBUSB_ERROR_ACCESS.rawValue:
            hint = "; install udev/70-hadir-scanners.rules so group hadir may open the device"
        case LIBUSB_ERROR_BUSY.rawValue:
            hint = "; another process or kernel driver holds interface 0 (usb-storage? see usb_storage.quirks)"
        case LIBUSB_ERROR_NO_DEVICE.rawValue:
            return .disconnected
        default:
            hint = ""
        }
        return .openFailed(path: device, reason: "\(operation): \(self)\(hint)")
    }
}
