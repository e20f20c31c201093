import Foundation

#if FUZZING
    import CLibFuzzer
#endif

// loket-fuzz: the fuzz targets of the parsers that read what clients send.
//
//   loket-fuzz list
//   loket-fuzz TARGET [libFuzzer options] [CORPUS_DIR ...]    (a build with -sanitize=fuzzer; see scripts/fuzz)
//   loket-fuzz TARGET --replay FILE_OR_DIR ...                (any build: runs the given inputs once each)
//
// scripts/fuzz builds this with coverage instrumentation and runs each target for a given time.

var arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: loket-fuzz list | TARGET [options] [CORPUS_DIR ...]\n".utf8))
    exit(64)
}
if arguments[1] == "list" {
    for target in FuzzTarget.all { print("\(target.name)\t\(target.summary)") }
    exit(0)
}
guard let target = FuzzTarget.named(arguments[1]) else {
    let names = FuzzTarget.all.map(\.name).joined(separator: ", ")
    FileHandle.standardError.write(Data("loket-fuzz: unknown target \"\(arguments[1])\"; use one of \(names)\n".utf8))
    exit(64)
}

/// The target libFuzzer calls; a global so it can be handed to C as a plain function pointer.
nonisolated(unsafe) var selected = target

if arguments.count >= 3, arguments[2] == "--replay" {
    var files: [String] = []
    for path in arguments.dropFirst(3) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
        if isDirectory.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files += names.sorted().map { path + "/" + $0 }
        } else {
            files.append(path)
        }
    }
    for file in files {
        guard let data = FileManager.default.contents(atPath: file) else { continue }
        target.run(Array(data))
    }
    print("loket-fuzz: \(target.name): replayed \(files.count) inputs")
    exit(0)
}

#if FUZZING
    /// libFuzzer's usual entry point. `main` below runs the fuzzer itself through `LLVMFuzzerRunDriver`, but the
    /// runtime's own `main`, which this program replaces, still names this symbol.
    @_cdecl("LLVMFuzzerTestOneInput")
    func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        selected.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }

    selected.prepare()
    // libFuzzer reads its own options; the target name is ours.
    arguments.remove(at: 1)
    var cArguments = arguments.map { strdup($0) }
    var count = Int32(cArguments.count)
    cArguments.append(nil)
    let status = cArguments.withUnsafeMutableBufferPointer { buffer -> Int32 in
        var pointer = buffer.baseAddress
        return LLVMFuzzerRunDriver(&count, &pointer) { data, size in fuzzOneInput(data, size) }
    }
    exit(status)
#else
    FileHandle.standardError.write(
        Data("loket-fuzz: this build has no fuzzer; build it with scripts/fuzz, or use --replay\n".utf8))
    exit(64)
#endif
