/// The current release, reported in status and `--version`. The Makefile reads the version of the
/// Debian package from this line.
public enum HadirVersion {
    public static let current = "0.1.0"
}
