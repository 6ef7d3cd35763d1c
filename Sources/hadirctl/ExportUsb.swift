import ArgumentParser
import Foundation
import HadirControl
import HadirDaemon

/// `hadirctl export-usb`: the month's attendance onto a USB stick for offices without a network.
struct ExportUsb: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-usb",
        abstract: "Write the month's attlog, report CSV and journal proof to a USB stick, then unmount it.",
        discussion: """
            Files go to HADIR/<serial>/<YYYY-MM>/ on the stick: <serial>_attlog.dat (ZK USB-download format), \
            <serial>_laporan_<YYYY-MM>.csv and <serial>_journal_proof_<YYYY-MM>.json. The month defaults to the \
            previous one on days 1-5 (the reporting cycle) and to the current month so far afterwards. The kiosk \
            then shows "Data tersalin ke USB — aman dicabut". A list HADIR/<serial>/<serial>_users.csv (PIN,name \
            per line) left on the stick adds new employees and renames changed ones. udev starts this through \
            hadir-usb-export@.service.
            """)
    @OptionGroup var options: GlobalOptions
    @Option(help: "The stick's vfat partition: checked, mounted privately, written, flushed and unmounted.") var device: String?
    @Option(help: "An already-mounted directory to write into (no mount or unmount).") var mountpoint: String?
    @Option(help: "The month, YYYY-MM (default: see above).") var month: String?

    func validate() throws {
        guard (device == nil) != (mountpoint == nil) else { throw ValidationError("give exactly one of --device and --mountpoint") }
    }

    func run() throws {
        let client = options.client
        // Named in the failure report once chosen.
        var chosenMonth = month
        do {
            let bundle = try UsbExportBundle.fetch(from: client, month: month, publicKeyPath: options.publicKeyPath)
            chosenMonth = bundle.layout.month.description
            let imported = try write(bundle, client: client)
            try? client.reportUsbExport(UsbExportBody(month: chosenMonth, files: bundle.relativePaths))
            if options.json { return Output.json(Summary(month: chosenMonth ?? "", files: bundle.relativePaths)) }
            for path in bundle.relativePaths { print("wrote \(path)") }
            if let imported { print(imported) }
            print(
                "\(bundle.punches) punch(es) of \(bundle.layout.month)"
                    + (device.map { "; \($0) unmounted, safe to remove" } ?? " written to \(mountpoint ?? "")"))
        } catch {
            let reason = "\(error)"
            try? client.reportUsbExport(UsbExportBody(month: chosenMonth, files: [], error: reason))
            throw Output.fail("export-usb failed: \(reason)", code: 74)
        }
    }

    /// Into the given directory, or onto the device mounted for the time of the write; then the
    /// stick's employee list, if any, is imported (the outcome line is returned).
    private func write(_ bundle: UsbExportBundle, client: DaemonControlClient) throws -> String? {
        guard let device else {
            let root = mountpoint ?? "."
            try DurableFiles.write(bundle.files, into: try DurableFiles.makeFolder(bundle.layout.folder, under: root))
            return UsbUserImport.run(root: root, layout: bundle.layout, client: client)
        }
        let stick = UsbStick(device: device)
        _ = try stick.checkFileSystem()
        let mounted = try stick.mount()
        let imported: String?
        do {
            try DurableFiles.write(bundle.files, into: try DurableFiles.makeFolder(bundle.layout.folder, under: mounted))
            imported = UsbUserImport.run(root: mounted, layout: bundle.layout, client: client)
        } catch {
            try? UsbStick.flushAndUnmount(mounted)
            throw error
        }
        try UsbStick.flushAndUnmount(mounted)
        return imported
    }

    /// `export-usb --json` output.
    struct Summary: Encodable {
        var month: String
        var files: [String]
    }
}
