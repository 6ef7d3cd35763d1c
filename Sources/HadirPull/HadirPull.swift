/// HadirPull serves the ZK pull protocol on TCP and UDP port 4370, so that pyzk-based tools and
/// the central servers that use them read users and punches from a Hadir kiosk unchanged.
///
/// - `Protocol/`: pure frame codec and record formats (bytes in, values out).
/// - `Session/`: the pure per-connection state machine (events in, actions out).
/// - `Server/`: the SwiftNIO shell that moves bytes and performs the store actions.
public enum HadirPull {}
