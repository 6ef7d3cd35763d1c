// hadir-usb-probe: exercises the native-USB scanner path (discovery, open, claim, an EF01
// exchange, hotplug) and prints one line per finding. The umockdev tests run it under
// umockdev-run; a technician can run `hadir-usb-probe list` or `open` on a kiosk.

import HadirScanner

#if canImport(Glibc)
    import Glibc
#endif

let usage = """
    usage: hadir-usb-probe COMMAND [--ids VID:PID,...] [--fixture FILE] [--rescan-ms N]
      list      print the attached devices with a configured id
      open      open the first one, claim interface 0, print the endpoints, close
      exchange  open, then ReadSysPara, identify and UpChar(1) through the driver and the link
      hotplug   watch for arrivals/leaves while an in-process umockdev testbed adds and removes
                FILE (run under umockdev-wrapper)
    """

var arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else { fail(usage) }
arguments.removeFirst()
var ids = USBDeviceID.nativeEF01Defaults
var fixture: String?
var rescanMilliseconds = 2_000
while !arguments.isEmpty {
    let option = arguments.removeFirst()
    guard let value = arguments.first else { fail("\(option) needs a value\n\(usage)") }
    arguments.removeFirst()
    switch option {
    case "--ids":
        let parsed = value.split(separator: ",").map { USBDeviceID(parsing: String($0)) }
        guard !parsed.isEmpty, parsed.allSatisfy({ $0 != nil }) else { fail("--ids: expected VID:PID[,VID:PID…], got \(value)") }
        ids = parsed.compactMap { $0 }
    case "--fixture": fixture = value
    case "--rescan-ms":
        guard let milliseconds = Int(value), milliseconds > 0 else { fail("--rescan-ms: expected a positive integer") }
        rescanMilliseconds = milliseconds
    default: fail("unknown option \(option)\n\(usage)")
    }
}

switch command {
case "list":
    let found = try USBTransport.attachedDevices(ids: ids)
    if found.isEmpty { say("none attached with id \(ids.map(\.description).joined(separator: ", "))") }
    for location in found { say("found \(location)") }
case "open":
    let transport = USBTransport(ids: ids)
    try transport.open()
    say("opened \(transport.description)")
    transport.close()
    say("closed")
case "exchange":
    try await ProbeExchange.run(ids: ids)
case "hotplug":
    guard let fixture else { fail("hotplug needs --fixture FILE") }
    try await ProbeHotplug.run(ids: ids, fixture: fixture, rescanInterval: .milliseconds(rescanMilliseconds))
default:
    fail(usage)
}

/// Prints one finding; unbuffered, so a test sees it even if a later step hangs.
func say(_ line: String) {
    writeAll(line + "\n", to: STDOUT_FILENO)
}

func fail(_ message: String) -> Never {
    writeAll(message + "\n", to: STDERR_FILENO)
    exit(2)
}

func writeAll(_ text: String, to descriptor: Int32) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        if written < 0, errno == EINTR { continue }
        guard written > 0 else { return }
        bytes = bytes.dropFirst(written)
    }
}
