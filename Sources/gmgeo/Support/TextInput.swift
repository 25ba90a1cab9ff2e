import Foundation

/// Reads an argument that may be literal text, a file path, or "-" for standard input.
enum TextInput {
    /// The text of `argument`: stdin for "-", the file's contents if a file by that name
    /// exists, otherwise the argument itself.
    static func read(_ argument: String, what: String) throws -> (text: String, origin: String) {
        if argument == "-" {
            return (try readStandardInput(what: what), "stdin")
        }
        var isDirectory: ObjCBool = false
        if argument.count < 4096, FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw InputError("\(argument): is a folder, not a file with \(what)") }
            return (try readFile(argument), argument)
        }
        if looksLikePath(argument) { throw InputError("\(argument): file not found (for \(what))") }
        return (argument, what)
    }

    /// A name meant as a file rather than literal text: a known file extension, or a path
    /// with no bracket a geometry would have.
    static func looksLikePath(_ argument: String) -> Bool {
        let ext = (argument as NSString).pathExtension.lowercased()
        if ["wkt", "wkb", "hex", "geojson", "json", "txt", "csv"].contains(ext) { return true }
        return argument.contains("/") && !argument.contains("(") && !argument.contains("{")
    }

    /// The whole of standard input as UTF-8.
    static func readStandardInput(what: String) throws -> String {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError("stdin: \(what) is not UTF-8 text")
        }
        return text
    }

    /// A file's contents as UTF-8, with an error naming the file.
    static func readFile(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError("\(path): cannot read the file (missing or no permission)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError("\(path): not UTF-8 text")
        }
        return text
    }
}
