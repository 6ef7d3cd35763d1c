/// The state directory (or the database in it) cannot be written: hadird cannot keep its promise
/// that an acknowledged punch is on disk, so it does not start.
///
/// Printed as one line naming the directory and the fix; the exit code is ``exitCode``.
public struct StateDirectoryError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var problem: String
    public var fix: String

    public init(path: String, problem: String, fix: String) {
        self.path = path
        self.problem = problem
        self.fix = fix
    }

    /// sysexits.h EX_CANTCREAT: the configuration is fine, the place it names cannot be written.
    /// Distinct from 78 (EX_CONFIG) so supervisors and operators can tell "fix the disk" apart.
    public static let exitCode: Int32 = 73

    public var description: String { "state directory \(path) \(problem); \(fix)" }
}
