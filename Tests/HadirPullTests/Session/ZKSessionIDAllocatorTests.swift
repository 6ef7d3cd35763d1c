import HadirCore
import HadirPull
import Testing

/// Session ids: non-zero, at most 0x1FFF (pyzk's comm-key addition), unique while live, rotating.
struct ZKSessionIDAllocatorTests {
    @Test func idsStartAtOneAndCountUp() {
        let allocator = ZKSessionIDAllocator()
        #expect(allocator.allocate() == 1)
        #expect(allocator.allocate() == 2)
        #expect(allocator.allocate() == 3)
        #expect(allocator.liveCount == 3)
    }

    @Test func everyIDFrom1Through0x1FFFIsHandedOutOnceThenNil() {
        let allocator = ZKSessionIDAllocator()
        var seen = Set<UInt16>()
        for _ in 0..<Int(ZKSessionIDAllocator.maximumID) {
            guard let id = allocator.allocate() else {
                Issue.record("ran out after \(seen.count) ids")
                return
            }
            #expect(seen.insert(id).inserted, "id \(id) handed out twice")
        }
        #expect(seen == Set(1...ZKSessionIDAllocator.maximumID))
        #expect(ZKSessionIDAllocator.maximumID == 0x1FFF)
        #expect(allocator.liveCount == 8_191)
        #expect(allocator.allocate() == nil)
        #expect(allocator.allocate() == nil)
        #expect(allocator.liveCount == 8_191)
    }

    @Test func aReleasedIDIsReusedWhenTheRestAreLive() {
        let allocator = ZKSessionIDAllocator()
        for _ in 0..<Int(ZKSessionIDAllocator.maximumID) { _ = allocator.allocate() }
        allocator.release(4_000)
        #expect(allocator.liveCount == 8_190)
        #expect(allocator.allocate() == 4_000)
        #expect(allocator.allocate() == nil)
        allocator.release(1)
        allocator.release(0x1FFF)
        let next = [allocator.allocate(), allocator.allocate()]
        #expect(Set(next) == [1, 0x1FFF])
        #expect(allocator.allocate() == nil)
    }

    @Test func aReconnectingClientGetsAFreshID() {
        let allocator = ZKSessionIDAllocator()
        let first = allocator.allocate()
        allocator.release(first!)
        let second = allocator.allocate()
        #expect(first == 1)
        #expect(second == 2, "ids rotate: the id just released is not handed out again at once")
    }

    @Test func idsWrapFrom0x1FFFBackToOne() {
        let allocator = ZKSessionIDAllocator()
        for expected in 1...ZKSessionIDAllocator.maximumID {
            let id = allocator.allocate()
            #expect(id == expected)
            allocator.release(id!)
        }
        #expect(allocator.allocate() == 1)
        #expect(allocator.liveCount == 1)
    }

    @Test func theRotationSkipsIDsStillLive() {
        let allocator = ZKSessionIDAllocator()
        let long = allocator.allocate()  // 1 stays live
        for _ in 1..<Int(ZKSessionIDAllocator.maximumID) { allocator.release(allocator.allocate()!) }
        // The counter is back at 1, which is live: it is skipped.
        #expect(long == 1)
        #expect(allocator.allocate() == 2)
    }

    @Test func releasingAnUnknownOrReleasedIDIsHarmless() {
        let allocator = ZKSessionIDAllocator()
        allocator.release(0)
        allocator.release(77)
        allocator.release(0xFFFF)
        #expect(allocator.liveCount == 0)
        let id = allocator.allocate()!
        allocator.release(id)
        allocator.release(id)
        #expect(allocator.liveCount == 0)
    }

    @Test func randomAllocationsAndReleasesNeverShareALiveID() {
        var rng = SplitMix64(seed: 0x1FFF)
        let allocator = ZKSessionIDAllocator()
        var live = Set<UInt16>()
        var order: [UInt16] = []
        for _ in 0..<40_000 {
            if order.isEmpty || rng.count(in: 0...9) < 6 {
                if let id = allocator.allocate() {
                    #expect((1...ZKSessionIDAllocator.maximumID).contains(id))
                    #expect(live.insert(id).inserted, "id \(id) is already live")
                    order.append(id)
                } else {
                    #expect(live.count == Int(ZKSessionIDAllocator.maximumID))
                }
            } else {
                let index = rng.count(in: 0...(order.count - 1))
                order.swapAt(index, order.count - 1)
                let id = order.removeLast()
                live.remove(id)
                allocator.release(id)
            }
            #expect(allocator.liveCount == live.count)
        }
    }

    @Test func concurrentSessionsGetDistinctIDs() async {
        let allocator = ZKSessionIDAllocator()
        let ids = await withTaskGroup(of: [UInt16].self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<500).compactMap { _ in allocator.allocate() } }
            }
            var all: [UInt16] = []
            for await batch in group { all += batch }
            return all
        }
        #expect(ids.count == 4_000)
        #expect(Set(ids).count == 4_000)
        #expect(allocator.liveCount == 4_000)
    }
}
