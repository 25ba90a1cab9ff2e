import Foundation

/// Runs the built `gmgeo` executable as a user would, capturing stdout, stderr and status.
public struct CommandRunner {
    /// What a run printed and how it ended.
    public struct Output {
        public let stdout: String
        public let stderr: String
        public let status: Int32
    }

    /// The folder holding the test bundle and the products built beside it.
    public static let productsFolder: URL = {
        if let executable = Bundle.main.executableURL { return executable.deletingLastPathComponent() }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }()

    /// The `gmgeo` executable built with the tests.
    public static var gmgeo: URL { productsFolder.appendingPathComponent("gmgeo") }

    /// Runs `gmgeo` with `arguments`, feeding `stdin`, in `directory` (default: the package
    /// root), with `environment` added to the test's own.
    public static func gmgeo(_ arguments: [String], stdin: String = "", directory: URL? = nil,
                             environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = gmgeo
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        process.currentDirectoryURL = directory ?? SharedFixtures.packageRoot
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        // Read both pipes fully before waiting, so a large output cannot block the child.
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                      status: process.terminationStatus)
    }
}

extension CommandRunner {
    /// Runs `gmgeo` with `arguments` (output discarded) and returns its exit status and its
    /// own peak resident memory in KiB, measured by the kernel for that one process.
    public static func peakMemory(_ arguments: [String]) throws -> (status: Int32, peakKiB: Int) {
        var pid: pid_t = 0
        let all = [gmgeo.path] + arguments
        var cArguments: [UnsafeMutablePointer<CChar>?] = all.map { strdup($0) } + [nil]
        defer { for p in cArguments { free(p) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        guard posix_spawn(&pid, gmgeo.path, &actions, nil, &cArguments, environ) == 0 else {
            throw CocoaError(.executableLoad)
        }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        return ((status >> 8) & 0xFF, Int(usage.ru_maxrss))
    }
}
