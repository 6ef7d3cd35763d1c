/// The module's enrolled faces: user id → name and which virtual face it is.
public struct FaceUserStore: Hashable, Sendable {
    public struct User: Codable, Hashable, Sendable {
        public init(userID: UInt16, name: String, admin: Bool, face: Int) {
            self.userID = userID
            self.name = name
            self.admin = admin
            self.face = face
        }

        public var userID: UInt16
        public var name: String
        public var admin: Bool
        /// The virtual face (`show N`) this enrollment captured.
        public var face: Int
    }

    public private(set) var users: [UInt16: User] = [:]
    /// Bumped on every change, so the server knows when to save.
    public private(set) var revision: UInt64 = 0

    public init(users: [User] = []) {
        for user in users { self.users[user.userID] = user }
    }

    public var count: Int { users.count }
    public var sortedIDs: [UInt16] { users.keys.sorted() }

    public func owner(ofFace face: Int) -> User? {
        users.values.filter { $0.face == face }.min { $0.userID < $1.userID }
    }

    /// The lowest free id from 1, within `capacity`; nil when full.
    func freeID(capacity: Int) -> UInt16? {
        guard users.count < capacity else { return nil }
        return (1...UInt16(capacity)).first { users[$0] == nil }
    }

    mutating func insert(_ user: User) {
        users[user.userID] = user
        revision += 1
    }

    @discardableResult
    mutating func remove(_ userID: UInt16) -> Bool {
        guard users.removeValue(forKey: userID) != nil else { return false }
        revision += 1
        return true
    }

    mutating func removeAll() {
        guard !users.isEmpty else { return }
        users.removeAll()
        revision += 1
    }
}
