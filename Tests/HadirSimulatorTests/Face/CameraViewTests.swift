import HadirSimulator
import Testing

@Suite("Camera view")
struct CameraViewTests {
    @Test func aShownFaceStaysUntilHidden() {
        var camera = CameraView()
        #expect(camera.face == nil)
        camera.show(3)
        camera.decisionMade()
        camera.decisionMade()
        #expect(camera.face == 3)
        #expect(!camera.hasPendingLooks)
        camera.hide()
        #expect(camera.face == nil)
    }

    @Test func aLookLastsForItsDecisions() {
        var camera = CameraView()
        camera.look(7, times: 2)
        #expect(camera.face == 7)
        #expect(camera.hasPendingLooks)
        camera.decisionMade()
        #expect(camera.state == .looking(face: 7, remaining: 1))
        camera.decisionMade()
        #expect(camera.state == .empty)
        #expect(!camera.hasPendingLooks)
    }

    @Test func eachCommandReplacesWhatWasInView() {
        var camera = CameraView()
        camera.look(7, times: 3)
        camera.show(4)
        #expect(camera.state == .shown(face: 4))
        camera.look(5)
        #expect(camera.state == .looking(face: 5, remaining: 1))
        camera.hide()
        #expect(!camera.hasPendingLooks)
        camera.look(5, times: 0)
        #expect(camera.state == .empty)
    }

    @Test func rendersAsStatusJSON() {
        var camera = CameraView()
        #expect(camera.json.text == #"{"state":"empty"}"#)
        camera.show(2)
        #expect(camera.json.text == #"{"state":"shown","face":2}"#)
        camera.look(9, times: 2)
        #expect(camera.json.text == #"{"state":"looking","face":9,"remaining":2}"#)
    }
}
