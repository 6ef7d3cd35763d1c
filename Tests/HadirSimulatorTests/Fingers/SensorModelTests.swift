import HadirSimulator
import Testing

@Suite("Sensor model")
struct SensorModelTests {
    @Test func aPlacedFingerIsSeenByEveryCaptureUntilLifted() throws {
        var sensor = SensorModel()
        let finger = try fingerNumber(17)
        sensor.place(finger)
        #expect(sensor.capture() == finger)
        #expect(sensor.capture() == finger)
        sensor.lift()
        #expect(sensor.capture() == nil)
    }

    @Test func pressTwiceGivesCaptureLiftCapture() throws {
        var sensor = SensorModel()
        let finger = try fingerNumber(17)
        sensor.press(finger, times: 2)
        #expect(sensor.hasPendingPresses)
        #expect(sensor.capture() == finger)
        #expect(sensor.capture() == nil)  // the host sees the lift
        #expect(sensor.capture() == finger)
        #expect(!sensor.hasPendingPresses)
        #expect(sensor.capture() == nil)
    }

    @Test func aTapIsOneCaptureThenNothing() throws {
        var sensor = SensorModel()
        sensor.press(try fingerNumber(3))
        #expect(sensor.capture() != nil)
        #expect(sensor.capture() == nil)
        #expect(sensor.capture() == nil)
    }

    @Test func liftCancelsPendingPresses() throws {
        var sensor = SensorModel()
        sensor.press(try fingerNumber(3), times: 5)
        sensor.lift()
        #expect(!sensor.hasPendingPresses)
        #expect(!sensor.fingerPresent)
    }

    @Test func pressThroughTheEmulatorDrivesGenImg() throws {
        var host = TestHost()
        host.module.press(try fingerNumber(17), times: 2)
        #expect(try host.code(.genImg) == 0x00)
        #expect(try host.code(.genImg) == 0x02)
        #expect(try host.code(.genImg) == 0x00)
        #expect(try host.code(.genImg) == 0x02)
    }
}
