import Foundation

/// The kiosk's serial number: generated once, kept in the state directory, never changed, because
/// servers key their records on it.
public enum DeviceIdentity {
    public static func serial(stateDirectory: String, override: String?) throws -> String {
        if let override { return override }
        let path = stateDirectory + "/serial"
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            let serial = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !serial.isEmpty { return serial }
        }
        var generator = SystemRandomNumberGenerator()
        let digits = (0..<10).map { _ in String(generator.next(upperBound: UInt8(10))) }.joined()
        let serial = "HDR" + digits
        try DurableFile.write(Array((serial + "\n").utf8), to: path)
        return serial
    }
}
