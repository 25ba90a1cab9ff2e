import Foundation

/// A hidden folder beside an output file where the file is made; `moveIntoPlace` renames
/// what it holds (the file and any sidecars) next to the target, `remove` throws it away.
/// Renames within one folder are atomic, so a target is either absent, old, or complete.
struct StagingFolder {
    /// The finished file's path.
    let target: URL
    /// The hidden folder.
    let folder: URL

    /// Creates the folder beside `path`.
    init(for path: String) throws {
        target = URL(fileURLWithPath: path)
        let parent = target.deletingLastPathComponent()
        folder = parent.appendingPathComponent(".gmgeo-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw IOError(.write, "cannot create a file in \(parent.path): \(error.localizedDescription)", location: path)
        }
    }

    /// Where to make the file.
    var temporaryFile: URL { folder.appendingPathComponent(target.lastPathComponent) }

    /// Renames everything made here into the target's folder, then removes the folder.
    func moveIntoPlace() throws {
        defer { remove() }
        let parent = target.deletingLastPathComponent()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let destination = parent.appendingPathComponent(name).path
            if rename(folder.appendingPathComponent(name).path, destination) != 0 {
                throw IOError(.write, "cannot move the finished file into place: \(String(cString: strerror(errno)))", location: destination)
            }
        }
    }

    /// Deletes the folder and whatever is in it.
    func remove() { try? FileManager.default.removeItem(at: folder) }
}
