import HadirCore

/// Typed access to a command's arguments: each accessor either returns a value that is safe to act
/// on, or throws the ``ADMSCommandArgumentError`` that becomes the command's `Return=` code.
/// An empty value (`Pri=`) counts as absent, as servers send empty fields for "not set".
struct ADMSArgumentReader {
    let arguments: ADMSCommandArguments

    init(_ bytes: ArraySlice<UInt8>, keys: Set<String>) throws(ADMSCommandArgumentError) {
        arguments = try ADMSCommandArguments(bytes: bytes, knownKeys: keys)
    }

    /// The present, non-empty value of the first alias that has one.
    func raw(_ keys: [String]) -> (key: String, value: String)? {
        for key in keys { if let value = arguments.values[key], !value.isEmpty { return (key, value) } }
        return nil
    }

    /// The employee PIN, or nil when absent; throws when present but not a valid PIN.
    func pin() throws(ADMSCommandArgumentError) -> EmployeePIN? {
        guard let (key, value) = raw(["PIN"]) else { return nil }
        guard let pin = try? EmployeePIN(value) else { throw .invalid(key: key, value: ADMSBytes.excerpt(value, limit: 32)) }
        return pin
    }

    func requiredPIN() throws(ADMSCommandArgumentError) -> EmployeePIN {
        guard let pin = try pin() else { throw .missing(key: "PIN") }
        return pin
    }

    /// A decimal integer within `range`, or nil when absent.
    func integer(_ keys: [String], range: ClosedRange<Int>) throws(ADMSCommandArgumentError) -> Int? {
        guard let (key, value) = raw(keys) else { return nil }
        guard let number = ADMSBytes.integer(value), range.contains(number) else {
            throw .invalid(key: key, value: ADMSBytes.excerpt(value, limit: 32))
        }
        return number
    }

    /// Free text of at most `maximumBytes` UTF-8 bytes, or nil when the key is absent (empty is kept).
    func text(_ keys: [String], maximumBytes: Int) throws(ADMSCommandArgumentError) -> String? {
        guard let value = arguments.value(keys) else { return nil }
        let count = value.utf8.count
        guard count <= maximumBytes else { throw .valueTooLong(key: keys[0], byteCount: count) }
        return value
    }

    /// A required base64 template: its bytes and the length of its text.
    func template(_ keys: [String]) throws(ADMSCommandArgumentError) -> (bytes: [UInt8], length: Int) {
        guard let (key, value) = raw(keys) else { throw .missing(key: keys[0]) }
        guard let bytes = ADMSBase64.decode(value) else { throw .illegalTemplateFormat(key: key) }
        return (bytes, value.utf8.count)
    }

    /// A `YYYY-MM-DD HH:MM:SS` local time, or nil when absent.
    func localTime(_ key: String) throws(ADMSCommandArgumentError) -> LocalDateTime? {
        guard let (key, value) = raw([key]) else { return nil }
        guard let time = ADMSLocalTime.parse(value) else { throw .invalid(key: key, value: ADMSBytes.excerpt(value, limit: 32)) }
        return time
    }
}
