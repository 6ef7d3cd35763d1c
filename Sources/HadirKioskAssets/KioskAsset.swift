/// The door screen's files, compiled into the binary (`embedInCode`): the kiosk serves them with no
/// resource bundle, network or CDN.
public enum KioskAsset: String, CaseIterable, Sendable {
    case page = "kiosk.html"
    case style = "kiosk.css"
    case script = "kiosk.js"

    public var bytes: [UInt8] {
        switch self {
        case .page: PackageResources.kiosk_html
        case .style: PackageResources.kiosk_css
        case .script: PackageResources.kiosk_js
        }
    }

    public var contentType: String {
        switch self {
        case .page: "text/html; charset=utf-8"
        case .style: "text/css; charset=utf-8"
        case .script: "text/javascript; charset=utf-8"
        }
    }
}
