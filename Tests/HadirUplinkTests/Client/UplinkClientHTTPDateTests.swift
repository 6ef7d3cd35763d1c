import HadirUplink
import Testing

/// The `Date` and `Retry-After` headers as the client reads them (RFC 9110 §5.6.7, §10.2.3).
@Suite struct UplinkClientHTTPDateTests {
    @Test func imfFixdateIsReadAsUTC() {
        #expect(HTTPDate.utcMilliseconds("Mon, 23 Nov 2026 07:57:47 GMT") == 1_795_420_667_000)
        #expect(HTTPDate.utcMilliseconds("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777_000)
        #expect(HTTPDate.utcMilliseconds("Tue, 29 Feb 2028 00:00:00 GMT") == 1_835_395_200_000)
        #expect(HTTPDate.utcMilliseconds("Thu, 01 Jan 1970 00:00:00 GMT") == 0)
    }

    @Test func lenientSpellingsServersSendAreAccepted() {
        // Lower-case month, UTC instead of GMT, doubled blanks, a leap second (read as :59).
        #expect(HTTPDate.utcMilliseconds("Mon, 23 nov 2026 07:57:47 UTC") == 1_795_420_667_000)
        #expect(HTTPDate.utcMilliseconds("Mon,  23 Nov 2026  07:57:47 GMT") == 1_795_420_667_000)
        #expect(HTTPDate.utcMilliseconds("Thu, 31 Dec 2026 23:59:60 GMT") == HTTPDate.utcMilliseconds("Thu, 31 Dec 2026 23:59:59 GMT"))
    }

    @Test(arguments: [
        "", "yesterday", "0", "1795420667", "Mon, 23 Nov 2026", "Mon, 23 Nov 2026 07:57 GMT", "Mon, 23 Nov 2026 07:57:47",
        "Mon, 23 Nov 2026 07:57:47 WIB", "Mon, 23 Nov 2026 07:57:47 +0700", "Mon, 23 Foo 2026 07:57:47 GMT",
        "Mon, 32 Nov 2026 07:57:47 GMT", "Mon, 00 Nov 2026 07:57:47 GMT", "Mon, 23 Nov 1969 07:57:47 GMT",
        "Mon, 23 Nov 26 07:57:47 GMT", "Mon, 23 Nov 2026 24:00:00 GMT", "Mon, 23 Nov 2026 07:60:00 GMT",
        "Mon, 23 Nov 2026 07:57:61 GMT", "Mon, 23 Nov 2026 -1:57:47 GMT", "Mon, 23 Nov 2026 07:57:47:12 GMT",
        "Tue, 31 Feb 2026 00:00:00 GMT", "Sat, 29 Feb 2025 00:00:00 GMT", "Thu, 31 Apr 2026 00:00:00 GMT",
        "Mon, 23 Nov 2026 07:57:47 GMT extra",
    ])
    func junkIsRejected(text: String) {
        #expect(HTTPDate.utcMilliseconds(text) == nil)
    }

    @Test func retryAfterInSeconds() {
        #expect(HTTPDate.retryAfter("120", now: 0) == .seconds(120))
        #expect(HTTPDate.retryAfter(" 5 ", now: 0) == .seconds(5))
        #expect(HTTPDate.retryAfter("0", now: 0) == .zero)
    }

    @Test func retryAfterAsADateIsRelativeToNow() {
        let now: Int64 = 1_795_420_667_000 - 90_500
        #expect(HTTPDate.retryAfter("Mon, 23 Nov 2026 07:57:47 GMT", now: now) == .milliseconds(90_500))
        // A date already past means "now", never a negative wait.
        #expect(HTTPDate.retryAfter("Mon, 23 Nov 2026 07:57:47 GMT", now: now + 200_000) == .zero)
    }

    @Test(arguments: [nil, "", "  ", "-3", "1.5", "soon", "Mon, 32 Nov 2026 07:57:47 GMT"] as [String?])
    func unusableRetryAfterIsIgnored(text: String?) {
        #expect(HTTPDate.retryAfter(text, now: 0) == nil)
    }
}
