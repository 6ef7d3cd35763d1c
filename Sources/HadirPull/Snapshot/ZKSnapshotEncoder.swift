import HadirCore
import HadirStore

/// Store rows to ZK records and bulk buffers. Pure, and fast enough to build a 100,000-punch
/// attendance buffer well inside the 200 ms the pull target allows.
public enum ZKSnapshotEncoder {
    /// The ZK view of a user.
    public static func user(_ user: PullUser) -> ZKUser {
        ZKUser(
            uid: user.uid, privilege: user.privilege, password: user.password, name: user.name, card: user.card, group: 1,
            userID: user.pin.rawValue)
    }

    /// The attendance buffer: 40-byte records in journal order, wall time in the zone each punch
    /// was recorded in. `uids` maps PINs to ZK uids (0 for employees since removed).
    public static func attendanceBuffer(_ punches: [PullPunch], uids: [String: UInt16]) -> [UInt8] {
        ZKBulkBuffer.make(recordBytes: punches.count * ZKAttendanceRecord.size) { buffer in
            for punch in punches {
                ZKAttendanceRecord(
                    uid: uids[punch.pin] ?? 0, userID: punch.pin, verify: punch.verify,
                    time: ZKDateTime(utcMilliseconds: punch.utcMilliseconds, zoneOffsetSeconds: Int(punch.zoneOffsetSeconds)),
                    state: punch.state
                )
                .encode(into: &buffer)
            }
        }
    }

    /// The templates buffer (FCT 2). One finger per employee, stored as finger 0.
    public static func templatesBuffer(_ templates: [PullTemplate]) -> [UInt8] {
        let entries = templates.filter { $0.template.count <= ZKTemplateEntry.maximumTemplateLength }
        let size = entries.reduce(0) { $0 + ZKTemplateEntry.headerLength + $1.template.count }
        return ZKBulkBuffer.make(recordBytes: size) { buffer in
            for template in entries {
                ZKTemplateEntry(uid: template.uid, finger: 0, valid: 1, template: template.template).encode(into: &buffer)
            }
        }
    }

    /// The live event for a punch just recorded.
    public static func liveEvent(for punch: Punch) -> ZKLiveEvent {
        ZKLiveEvent(
            userID: punch.pin.rawValue, verify: punch.draft.verify.rawValue,
            state: punch.draft.state.rawValue,
            time: ZKDateTime(utcMilliseconds: punch.utcMilliseconds, zoneOffsetSeconds: Int(punch.draft.zoneOffsetSeconds)))
    }
}
