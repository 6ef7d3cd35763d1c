import Metrics

/// What the uplink reports to swift-metrics; the daemon exports it in the Prometheus format.
enum UplinkMetrics {
    /// Server clock minus the kiosk's, from a trustworthy `Date` header.
    static func clockDrift(server: String, milliseconds: Int64) {
        Gauge(label: "hadir_uplink_clock_drift_seconds", dimensions: [("server", server)]).record(Double(milliseconds) / 1000)
    }

    /// A failed exchange (transport error, refused status, non-OK reply).
    static func failure(server: String) {
        Counter(label: "hadir_uplink_failures_total", dimensions: [("server", server)]).increment()
    }
}
