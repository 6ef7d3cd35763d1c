/// Something the operator must hear about, beyond the ordinary failures the shell already logs.
public enum UplinkAlert: Hashable, Sendable {
    /// A record kept getting 200 without `OK` at batch size 1 and was set aside so the queue moves on.
    case recordQuarantined(seq: Int64, tries: Int, reason: String)
    /// The handshake stamp moved the cursor back (`0`/legacy `None` = replay, a lower seq = the
    /// server lost data); records after `toSeq` are sent again. `toSeq` can be above what the
    /// stamp asked for when older records were already pruned.
    case cursorRewound(fromSeq: Int64, toSeq: Int64, stamp: ADMSStamp)
    /// The handshake's `TransFlag` leaves out ATTLOG: punches are held (not dropped) until a handshake
    /// asks for them again. Raised at each such handshake.
    case attendanceLogNotWanted
}
