#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension TTYTransport {
    /// The termios speed constant for `baud`, or nil when there is none.
    static func speed(forBaud baud: Int) -> speed_t? {
        switch baud {
        case 9600: speed_t(B9600)
        case 19200: speed_t(B19200)
        case 38400: speed_t(B38400)
        case 57600: speed_t(B57600)
        case 115_200: speed_t(B115200)
        default: nil
        }
    }

    /// Puts `fd` in raw 8N1 mode at `speed` with no flow control, VMIN = VTIME = 0, then flushes.
    static func configureRaw(fd: Int32, speed: speed_t, path: String) throws(ScannerTransportError) {
        var settings = termios()
        guard tcgetattr(fd, &settings) == 0 else {
            throw .openFailed(path: path, reason: "not a terminal: \(errnoDescription())")
        }
        cfmakeraw(&settings)
        guard cfsetispeed(&settings, speed) == 0, cfsetospeed(&settings, speed) == 0 else {
            throw .openFailed(path: path, reason: "cannot set speed: \(errnoDescription())")
        }
        // Modules have no modem lines: ignore carrier, enable the receiver, no RTS/CTS, 1 stop bit.
        settings.c_cflag |= tcflag_t(CLOCAL | CREAD)
        settings.c_cflag &= ~(tcflag_t(CRTSCTS) | tcflag_t(CSTOPB) | tcflag_t(PARENB))
        withUnsafeMutableBytes(of: &settings.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(fd, TCSANOW, &settings) == 0 else {
            throw .openFailed(path: path, reason: "cannot configure: \(errnoDescription())")
        }
        // Keep other processes (ModemManager probing ttyUSB*, a stray `screen`) off the line while
        // we own it; best effort, root can still open it.
        _ = ioctl(fd, UInt(TIOCEXCL))
        // Drop whatever a previous user or the module's power-on left in the buffers.
        _ = tcflush(fd, TCIOFLUSH)
    }
}
