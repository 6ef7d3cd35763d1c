import Testing

@testable import HadirUplink

struct ADMSEndpointsTests {
    static func endpoints(
        _ base: String = "http://10.0.0.5:8081/iclock/", serial: String = "HDR0001", tenant: String? = nil, aspx: Bool = false
    ) throws -> ADMSEndpoints {
        try ADMSEndpoints(baseURL: base, serialNumber: serial, tenantPrefix: tenant, aspxSuffix: aspx)
    }

    @Test func everyEndpointOfTheReferenceTable() throws {
        let endpoints = try Self.endpoints()
        #expect(
            endpoints.handshake()
                == "http://10.0.0.5:8081/iclock/cdata?SN=HDR0001&options=all&pushver=2.4.1&language=73&DeviceType=att&PushOptionsFlag=1")
        #expect(endpoints.handshake(language: .english).contains("&language=69&"))
        #expect(endpoints.optionsUpload() == "http://10.0.0.5:8081/iclock/cdata?SN=HDR0001&table=options")
        #expect(endpoints.upload(table: .attendanceLog, stamp: 45) == "http://10.0.0.5:8081/iclock/cdata?SN=HDR0001&table=ATTLOG&Stamp=45")
        #expect(endpoints.upload(table: .operationLog, stamp: 7) == "http://10.0.0.5:8081/iclock/cdata?SN=HDR0001&table=OPERLOG&Stamp=7")
        #expect(endpoints.getRequest() == "http://10.0.0.5:8081/iclock/getrequest?SN=HDR0001")
        #expect(endpoints.deviceCommand() == "http://10.0.0.5:8081/iclock/devicecmd?SN=HDR0001")
        #expect(endpoints.ping() == "http://10.0.0.5:8081/iclock/ping?SN=HDR0001")
    }

    @Test func heartbeatIsPercentEncodedWithLiteralCommas() throws {
        let heartbeat = ADMSInfoHeartbeat(
            firmwareVersion: "Ver 2.0.12-20150625", userCount: 0, fingerprintCount: 0, attendanceCount: 0, ipAddress: "192.168.16.27",
            fingerprintAlgorithmVersion: "10", faceAlgorithmVersion: "7", faceTemplatesPerEnrolment: 15,
            capabilities: ADMSDeviceCapabilities(fingerprint: true, face: true, userPhoto: true))
        #expect(
            try Self.endpoints("http://58.250.50.81:8011/iclock/", serial: "0316144680030").getRequest(info: heartbeat)
                == "http://58.250.50.81:8011/iclock/getrequest?SN=0316144680030&INFO=Ver%202.0.12-20150625,0,0,0,192.168.16.27,10,7,15,0,111"
        )
        let odd = ADMSInfoHeartbeat(
            firmwareVersion: "Hadir&v=1/β", userCount: 1, fingerprintCount: 1, attendanceCount: 1, ipAddress: "::1",
            fingerprintAlgorithmVersion: "0")
        #expect(try Self.endpoints().getRequest(info: odd).hasSuffix("&INFO=Hadir%26v%3D1%2F%CE%B2,1,1,1,%3A%3A1,0,0,0,0,100"))
    }

    @Test func serialNumberIsPercentEncoded() throws {
        #expect(try Self.endpoints(serial: "A+B/C").ping() == "http://10.0.0.5:8081/iclock/ping?SN=A%2BB%2FC")
    }

    @Test func baseURLIsNormalised() throws {
        #expect(try Self.endpoints("http://10.0.0.5:8081/iclock").baseURL == "http://10.0.0.5:8081/iclock/")
        #expect(try Self.endpoints("HTTPS://adms.example.go.id").baseURL == "https://adms.example.go.id/")
        #expect(try Self.endpoints("https://[fd00::5]:8443/iclock/").ping() == "https://[fd00::5]:8443/iclock/ping?SN=HDR0001")
        #expect(try Self.endpoints("http://user@host/iclock/").baseURL == "http://user@host/iclock/")
        #expect(ADMSEndpoints.defaultBaseURL(host: "10.0.0.5", port: 8081) == "http://10.0.0.5:8081/iclock/")
        #expect(ADMSEndpoints.defaultBaseURL(host: "fd00::5", port: 443, secure: true) == "https://[fd00::5]:443/iclock/")
    }

    @Test func tenantPrefixGoesBeforeTheBasePath() throws {
        let endpoints = try Self.endpoints("http://adms.example:8081/iclock/", tenant: "/pemkab bogor/bkpsdm/")
        #expect(endpoints.baseURL == "http://adms.example:8081/pemkab%20bogor/bkpsdm/iclock/")
        #expect(endpoints.ping() == "http://adms.example:8081/pemkab%20bogor/bkpsdm/iclock/ping?SN=HDR0001")
        #expect(try Self.endpoints(tenant: "").baseURL == "http://10.0.0.5:8081/iclock/")
    }

    @Test func aspxModeSuffixesEveryEndpoint() throws {
        let endpoints = try Self.endpoints(aspx: true)
        #expect(endpoints.handshake().hasPrefix("http://10.0.0.5:8081/iclock/cdata.aspx?SN=HDR0001&options=all"))
        #expect(
            endpoints.upload(table: .attendanceLog, stamp: 1) == "http://10.0.0.5:8081/iclock/cdata.aspx?SN=HDR0001&table=ATTLOG&Stamp=1")
        #expect(endpoints.getRequest() == "http://10.0.0.5:8081/iclock/getrequest.aspx?SN=HDR0001")
        #expect(endpoints.deviceCommand() == "http://10.0.0.5:8081/iclock/devicecmd.aspx?SN=HDR0001")
        #expect(endpoints.ping() == "http://10.0.0.5:8081/iclock/ping.aspx?SN=HDR0001")
        #expect(endpoints.optionsUpload() == "http://10.0.0.5:8081/iclock/cdata.aspx?SN=HDR0001&table=options")
    }

    @Test(arguments: [
        "ftp://host/iclock/", "host:8081/iclock/", "", "http://", "http:///iclock/", "http://host:0/", "http://host:65536/",
        "http://host:80a/",
        "http://host/iclock?x=1", "http://host/iclock/#top", "http://ho st/", "http://host/ic lock/", "http://[::1/", "http://[]/",
        "http://a:b:c/",
        "http://:8081/", "http://host:/", "http://host\n/",
    ])
    func invalidBaseURLsAreRefused(base: String) {
        #expect(throws: ADMSEndpointError.self) { try Self.endpoints(base) }
    }

    @Test func invalidSerialNumbersAreRefused() {
        for serial in ["", "HDR 1", String(repeating: "A", count: 65), "HDR\u{7F}", "ĦDR"] {
            #expect(throws: ADMSEndpointError.self, "\(serial.debugDescription)") { try Self.endpoints(serial: serial) }
        }
    }
}
