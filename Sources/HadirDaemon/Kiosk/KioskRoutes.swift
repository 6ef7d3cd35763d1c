import HadirControl
import HadirCore
import HadirKioskAssets
import Hummingbird
import ServiceLifecycle

/// The door screen's routes, and nothing else: the page and its assets, `GET /kiosk/state`, and
/// `GET /kiosk/events` (server-sent cards, without PINs). `?lang=id|en` picks the language;
/// the default is `[device] language`.
enum KioskRoutes {
    static func register(on router: Router<ControlRequestContext>, actions: ControlActions) {
        let kiosk = router.group("kiosk")
        kiosk.get { _, _ in asset(.page) }
        kiosk.get("kiosk.css") { _, _ in asset(.style) }
        kiosk.get("kiosk.js") { _, _ in asset(.script) }
        kiosk.get("state") { request, _ in
            try ControlJSON.response(try await actions.doorState(language: language(request, actions: actions)))
        }
        kiosk.get("events") { request, _ in events(actions, language: language(request, actions: actions)) }
        router.get { _, _ in Response(status: .seeOther, headers: [.location: "/kiosk"]) }
    }

    static func asset(_ asset: KioskAsset) -> Response {
        Response(
            status: .ok, headers: [.contentType: asset.contentType, .cacheControl: "no-cache"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }

    static func language(_ request: Request, actions: ControlActions) -> KioskLanguage {
        request.uri.queryParameters.get("lang").flatMap(KioskLanguage.init(rawValue:)) ?? actions.configuration.device.language
    }

    /// A `card` for each scan outcome, and a bare `state` when the status strip may have changed
    /// (the page then fetches `/kiosk/state`). Keep-alive comments every 15 s drop vanished pages.
    static func events(_ actions: ControlActions, language: KioskLanguage) -> Response {
        // A dropped stream comes back after 1 s, not the browser's default 3 s.
        ControlRoutes.feedbackStream(actions, buffering: 256, preamble: Array("retry: 1000\n\n".utf8)) { event in
            var sent: [ServerSentEvent] = []
            if let card = DoorCard(event, language: language) {
                sent.append(ServerSentEvent(event: "card", data: ControlRoutes.json(card)))
            }
            if changesStatusStrip(event.event) { sent.append(ServerSentEvent(event: "state", data: "{}")) }
            return sent
        }
    }

    /// A punch changes the backlog; the others change the clock, storage or scanner items.
    static func changesStatusStrip(_ kind: FeedbackEvent.Kind) -> Bool {
        switch kind {
        case .punch, .clockSynced, .clockUnsynced, .storageFull, .storageLow, .storageRecovered, .scannerConnected,
            .scannerDisconnected, .recordFailed:
            true
        default: false
        }
    }
}
