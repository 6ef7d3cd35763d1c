import HadirSimulator
import Testing

@Suite("Virtual fingers")
struct VirtualFingerTests {
    @Test func templatesAreDeterministicAndDistinctPerFinger() throws {
        let a = try fingerNumber(17).template(size: 512)
        #expect(a.count == 512)
        #expect(a == (try fingerNumber(17)).template(size: 512))
        #expect(a != (try fingerNumber(18)).template(size: 512))
    }

    @Test func theIdIsEmbeddedAfterAMagicMarker() throws {
        let template = try fingerNumber(0x0102_0304).template(size: 64)
        #expect(Array(template[0..<8]) == [0x48, 0x56, 0x46, 0x31, 0x01, 0x02, 0x03, 0x04])
    }

    @Test func identifyRecognisesOnlyExactVirtualTemplates() throws {
        let finger = try fingerNumber(77)
        var template = finger.template(size: 1536)
        #expect(VirtualFinger.identify(template: template) == finger)
        template[900] ^= 0x10
        #expect(VirtualFinger.identify(template: template) == nil)
        #expect(VirtualFinger.identify(template: [1, 2, 3]) == nil)
    }

    @Test func fingerIdsOutsideTheRangeAreRefused() {
        #expect(VirtualFinger(id: 0) == nil)
        #expect(VirtualFinger(id: -5) == nil)
        #expect(VirtualFinger(id: VirtualFinger.maximumID + 1) == nil)
        #expect(VirtualFinger(id: 1)?.matchScore == 51)
    }

    @Test func imagesHaveTheGeometrysByteCountAndIdentifyBack() throws {
        let finger = try fingerNumber(5)
        let zfm = finger.image(geometry: .zfm)
        #expect(zfm.count == 36_864)
        #expect(VirtualFinger.identify(image: zfm, geometry: .zfm) == finger)
        #expect(finger.image(geometry: .r503).count == 18_432)
        #expect(SensorImageGeometry(width: 3, height: 4) == nil)
    }

    @Test func matcherScoresSameFingerAndIdenticalForeignTemplatesOnly() throws {
        let a = try fingerNumber(1).template(size: 512)
        let b = try fingerNumber(2).template(size: 512)
        #expect(TemplateMatcher.score(a, a) == 51)
        #expect(TemplateMatcher.score(a, b) == nil)
        let foreign: [UInt8] = Array(repeating: 9, count: 512)
        #expect(TemplateMatcher.score(foreign, foreign) != nil)
        #expect(TemplateMatcher.score(foreign, a) == nil)
        #expect(TemplateMatcher.score([], []) == nil)
    }
}
