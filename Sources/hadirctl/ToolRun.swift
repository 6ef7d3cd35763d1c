#if canImport(Glibc)
    import Glibc
#endif

/// Runs a system tool (mount, sync, umount) and waits for it, with posix_spawn and waitpid.
///
/// Not Foundation's `Process`: its wait runs a run loop that needs a CFSocket wakeup pair, which
/// failed in a minimal boot (the power-cut guest) and left `export-usb` waiting forever on a
/// child that had already exited. The child also starts with default signal handling, whatever
/// the caller ignores.
enum ToolRun {
    struct Outcome {
        /// The exit status, or 128 + the signal that ended the tool.
        let status: Int32
        let standardError: String
    }

    static func run(_ executable: String, _ arguments: [String]) -> Result<Outcome, ToolRunError> {
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { return .failure(ToolRunError(errno: errno)) }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        defer { close(readEnd) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)
        posix_spawn_file_actions_addclose(&actions, readEnd)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        var noSignal = sigset_t()
        sigemptyset(&noSignal)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        posix_spawnattr_setsigmask(&attributes, &noSignal)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        close(writeEnd)
        guard spawned == 0 else { return .failure(ToolRunError(errno: spawned)) }

        var errorBytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(readEnd, &buffer, buffer.count)
            if count > 0 {
                errorBytes += buffer[0..<count]
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        var waitStatus: Int32 = 0
        while waitpid(pid, &waitStatus, 0) == -1 {
            guard errno == EINTR else { return .failure(ToolRunError(errno: errno)) }
        }
        let signal = waitStatus & 0x7F
        let status = signal == 0 ? (waitStatus >> 8) & 0xFF : 128 + signal
        return .success(Outcome(status: status, standardError: String(decoding: errorBytes, as: UTF8.self)))
    }
}

struct ToolRunError: Error, CustomStringConvertible {
    let errno: Int32

    var description: String { String(cString: strerror(errno)) }
}
