import CSystem
import Foundation

/// The one way gmgeo writes: whatever is made (a file, a Shapefile with its sidecars, a
/// report folder) is made in a hidden staging folder beside the target, then put in place
/// complete or not at all.
///
/// - A single file is renamed over the target (atomic within a folder).
/// - A set of files (a Shapefile) is swapped under a journal: the old set is moved into the
///   staging folder, the new one in, then a `committed` mark; a process killed half way
///   leaves a journal from which the next gmgeo run in that folder restores the old set.
/// - A folder (a report) is exchanged with the old one in one step (renameat2
///   RENAME_EXCHANGE), and only when the old one is a folder gmgeo wrote (it holds
///   `.gmgeo-report`) or is empty.
///
/// Staging folders are named `.gmgeo-<pid>-<uuid>`: those of processes that died are
/// recovered and removed whenever gmgeo stages something in the same folder.
public final class Staging {
    /// The finished target's path.
    public let target: URL
    /// The hidden folder things are made in.
    public let folder: URL
    private var done = false

    /// The prefix of every staging folder.
    static let prefix = ".gmgeo-"
    /// The mark a report folder carries, so gmgeo replaces only folders it wrote.
    public static let reportMark = ".gmgeo-report"

    /// Creates the staging folder beside `path`, after clearing stale ones there.
    /// - Throws: `IOError.write` when the target's folder cannot be written.
    public init(for path: String) throws(IOError) {
        target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        Staging.recoverStale(in: parent)
        folder = parent.appendingPathComponent("\(Staging.prefix)\(getpid())-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        } catch {
            throw IOError(.write, "cannot create a file in \(parent.path): \(error.localizedDescription)", location: path)
        }
    }

    deinit { if !done { discard() } }

    /// Where to make the file named like the target (for a single-file output).
    public var temporaryFile: URL { folder.appendingPathComponent(target.lastPathComponent) }

    /// Throws everything made away.
    public func discard() {
        done = true
        try? FileManager.default.removeItem(at: folder)
    }

    /// Puts the files made here beside the target: one file by a rename, several (a
    /// Shapefile and its sidecars) as one set under the journal.
    public func commitFiles() throws(IOError) {
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        let parent = target.deletingLastPathComponent()
        defer { discard() }
        // Nothing made would otherwise still move the old set aside: refuse instead.
        guard !names.isEmpty else { throw IOError(.write, "nothing was written", location: target.path) }
        if names.count == 1, let name = names.first {
            try Staging.move(folder.appendingPathComponent(name), to: parent.appendingPathComponent(name))
            return
        }
        // The journal: what the new set is, then the old set moved aside, then the new one in.
        let journal = Journal(folder: folder)
        let replaced = Staging.setMembers(of: target).filter { fm.fileExists(atPath: parent.appendingPathComponent($0).path) }
        try journal.begin(new: names)
        for name in replaced {
            try Staging.move(parent.appendingPathComponent(name), to: journal.oldFolder.appendingPathComponent(name))
        }
        do {
            for name in names { try Staging.move(folder.appendingPathComponent(name), to: parent.appendingPathComponent(name)) }
        } catch {
            journal.rollBack(into: parent)
            throw error
        }
        journal.markCommitted()
    }

    /// Makes this staging folder the target folder, marked as gmgeo's: exchanged with an
    /// old report in one step, or renamed into place when there is none.
    public func commitFolder(ownFiles: Set<String> = []) throws(IOError) {
        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(Staging.reportMark).path, contents: Data("gmgeo report\n".utf8))
        defer { discard() }
        try Staging.checkReplaceableFolder(target.path, ownFiles: ownFiles)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            if gmgeo_exchange_paths(folder.path, target.path) == 0 { return }
            // Without renameat2 (old kernels, some file systems): two renames, old aside first.
            let aside = folder.deletingLastPathComponent().appendingPathComponent("\(Staging.prefix)\(getpid())-\(UUID().uuidString)")
            try Staging.move(target, to: aside)
            do {
                try Staging.move(folder, to: target)
            } catch {
                _ = rename(aside.path, target.path)
                throw error
            }
            try? FileManager.default.removeItem(at: aside)
            return
        }
        try Staging.move(folder, to: target)
    }

    /// Throws unless `path` is absent, an empty folder, a folder gmgeo wrote as a report, or
    /// one holding nothing but `ownFiles` (a report from before reports were marked): gmgeo
    /// never replaces a folder of the user's files (or `.`).
    public static func checkReplaceableFolder(_ path: String, ownFiles: Set<String> = []) throws(IOError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw IOError(.write, "exists and is not a folder; name a new folder", location: path) }
        let contents = (try? fm.contentsOfDirectory(atPath: path)) ?? []
        guard contents.isEmpty || contents.contains(reportMark) || Set(contents).isSubset(of: ownFiles) else {
            throw IOError(.write, "is a folder gmgeo did not write (it has no \(reportMark)); gmgeo replaces only its own report folders: name a new or empty folder",
                          location: path)
        }
    }

    /// The files of the set a target belongs to: a Shapefile's sidecars (old index files
    /// included, so none is left describing another .shp); else the file alone.
    static func setMembers(of target: URL) -> [String] {
        guard target.pathExtension.lowercased() == "shp" else { return [target.lastPathComponent] }
        let stem = target.deletingPathExtension().lastPathComponent
        return ["shp", "shx", "dbf", "prj", "cpg", "qix", "sbn", "sbx", "qpj", "shp.xml"].map { "\(stem).\($0)" }
    }

    private static func move(_ from: URL, to: URL) throws(IOError) {
        guard rename(from.path, to.path) == 0 else {
            throw IOError(.write, "cannot move the finished file into place: \(String(cString: strerror(errno)))", location: to.path)
        }
    }

    /// Recovers and removes the staging folders of processes that no longer run.
    static func recoverStale(in parent: URL) {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            let parts = name.dropFirst(prefix.count).split(separator: "-", maxSplits: 1)
            guard parts.count == 2, let pid = Int32(parts[0]), pid > 0, !isRunning(pid) else { continue }
            let stale = parent.appendingPathComponent(name)
            Journal(folder: stale).recover(into: parent)
            try? fm.removeItem(at: stale)
        }
    }

    private static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}

/// The record of a set swap inside a staging folder: `manifest` (the new set's names),
/// `old/` (the replaced files), `committed` (the swap finished).
private struct Journal {
    let folder: URL
    var manifest: URL { folder.appendingPathComponent(".manifest") }
    var oldFolder: URL { folder.appendingPathComponent(".old") }
    var committed: URL { folder.appendingPathComponent(".committed") }

    func begin(new names: [String]) throws(IOError) {
        do {
            try FileManager.default.createDirectory(at: oldFolder, withIntermediateDirectories: false)
            try Data(names.joined(separator: "\n").utf8).write(to: manifest)
        } catch {
            throw IOError(.write, "cannot start the swap: \(error.localizedDescription)", location: folder.path)
        }
    }

    func markCommitted() {
        _ = FileManager.default.createFile(atPath: committed.path, contents: nil)
    }

    /// Puts the old set back: the new files that reached the target folder are removed, the
    /// old ones renamed back.
    func rollBack(into parent: URL) {
        let fm = FileManager.default
        let newNames = (try? String(contentsOf: manifest, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        let stillStaged = Set((try? fm.contentsOfDirectory(atPath: folder.path)) ?? [])
        for name in newNames where !stillStaged.contains(name) {
            try? fm.removeItem(at: parent.appendingPathComponent(name))
        }
        for name in (try? fm.contentsOfDirectory(atPath: oldFolder.path)) ?? [] {
            _ = rename(oldFolder.appendingPathComponent(name).path, parent.appendingPathComponent(name).path)
        }
    }

    /// After a crash: a swap that started but did not finish is rolled back.
    func recover(into parent: URL) {
        let fm = FileManager.default
        guard fm.fileExists(atPath: manifest.path), !fm.fileExists(atPath: committed.path) else { return }
        rollBack(into: parent)
    }
}
