import Foundation

/// Whole files written complete or not at all, through `Staging`.
public enum AtomicWrite {
    /// Writes `data` to `path`.
    /// - Throws: `IOError.write` naming the file; nothing is left behind.
    public static func data(_ data: Data, to path: String) throws(IOError) {
        try OutputPath.check(path)
        let staging = try Staging(for: path)
        do {
            try data.write(to: staging.temporaryFile)
        } catch {
            staging.discard()
            throw IOError(.write, "cannot write: \(error.localizedDescription)", location: path)
        }
        try staging.commitFiles()
    }

    /// Writes `text` as UTF-8 to `path`.
    public static func text(_ text: String, to path: String) throws(IOError) {
        try data(Data(text.utf8), to: path)
    }
}

/// Checks made on an output path before anything is computed or written, so a run that
/// cannot write its result fails at once, not after minutes of work.
public enum OutputPath {
    /// Throws unless `path` can be created or replaced as a regular file: its folder exists
    /// and is writable, and it is not a folder, device, FIFO or socket.
    public static func check(_ path: String) throws(IOError) {
        guard !path.hasPrefix("PG:") else { return }
        guard path != "-" else {
            throw IOError(.write, "standard output is written with -o - (GeoJSON, GeoJSONSeq or CSV); name a file here", location: "-")
        }
        let url = URL(fileURLWithPath: path)
        var info = stat()
        if lstat(path, &info) == 0 {
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR { throw IOError(.write, "is a folder; give a file name", location: path) }
            if kind != S_IFREG && kind != S_IFLNK {
                throw IOError(.write, "is not a regular file (a device, FIFO or socket); gmgeo replaces only files", location: path)
            }
        }
        try checkParent(of: url.path)
    }

    /// Throws unless the folder `path` would go in exists and can be written.
    public static func checkParent(of path: String) throws(IOError) {
        let parent = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw IOError(.write, "the folder \(parent) does not exist", location: path)
        }
        guard access(parent, W_OK) == 0 else {
            throw IOError(.write, "cannot write in \(parent) (no permission)", location: path)
        }
    }
}
