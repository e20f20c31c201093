import Foundation

/// Reads the files of one dialogs directory, recording every problem with its file and place instead of
/// stopping at the first, so that one run of `loket dialogs check` (or one start-up) names them all.
///
/// A reference type so that every cursor of one load appends to the same list; it never outlives the load.
public final class DialogReader {
    private let source: Source
    public private(set) var problems: [DialogError.Problem] = []
    /// Files already reported as unreadable: nothing more is said about what is inside them.
    private var unreadableFiles: Set<String> = []

    private enum Source {
        case directory(URL)
        case files([String: Data])
    }

    /// Reads files from `directory`.
    public init(directory: URL) {
        self.source = .directory(directory)
    }

    /// Reads files given as relative path → contents (tests, and checks of files not yet written).
    public init(files: [String: Data]) {
        self.source = .files(files)
    }

    /// Records a problem at `path` of `file`.
    public func problem(file: String, path: String, _ problem: String) {
        guard !self.unreadableFiles.contains(file) else { return }
        self.problems.append(DialogError.Problem(file: file, path: path, problem: problem))
    }

    /// The bytes of `file`, or nil after recording why they cannot be read.
    public func data(_ file: String) -> Data? {
        switch self.source {
        case .files(let files):
            guard let data = files[file] else {
                self.unreadable(file, "missing file")
                return nil
            }
            return data
        case .directory(let directory):
            let url = directory.appendingPathComponent(file)
            guard let data = try? Data(contentsOf: url) else {
                self.unreadable(file, "cannot read the file (\(url.path))")
                return nil
            }
            return data
        }
    }

    /// The JSON document of `file` at its root `$`; a cursor over nothing when it cannot be read or parsed.
    public func json(_ file: String) -> DialogCursor {
        guard let data = self.data(file) else { return DialogCursor(file: file, path: "$", value: nil, reader: self) }
        do {
            let value = try JSONReader.parse([UInt8](data))
            return DialogCursor(file: file, path: "$", value: value, reader: self)
        } catch {
            self.unreadable(file, "not valid JSON (\(error))")
            return DialogCursor(file: file, path: "$", value: nil, reader: self)
        }
    }

    /// Throws every problem recorded so far, if any.
    public func finish() throws(DialogError) {
        guard self.problems.isEmpty else { throw DialogError(self.problems) }
    }

    private func unreadable(_ file: String, _ problem: String) {
        guard self.unreadableFiles.insert(file).inserted else { return }
        self.problems.append(DialogError.Problem(file: file, path: "", problem: problem))
    }
}

extension DialogReader {
    /// `value` read through this reader, or every problem found on the way.
    public func complete<Value>(_ value: Value?) throws(DialogError) -> Value {
        try self.finish()
        // A reader that returned nil recorded why; this stays for one that did not.
        guard let value else { throw DialogError(file: "", path: "", problem: "the dialog files cannot be used") }
        return value
    }
}

/// A data file under `Dialogs/` that reads itself through a `DialogReader`, naming every problem.
public protocol DialogFile {
    /// The file's usual name in the dialogs directory.
    static var defaultFileName: String { get }

    /// Reads `file` through `reader`; nil when it has problems, which `reader` then holds.
    static func read(from reader: DialogReader, file: String) -> Self?
}

extension DialogFile {
    /// Parses and validates the contents of the file, naming every problem with the file and JSON path.
    public static func parse(_ data: Data, file: String = Self.defaultFileName) throws(DialogError) -> Self {
        let reader = DialogReader(files: [file: data])
        return try reader.complete(Self.read(from: reader, file: file))
    }

    /// Loads and validates the file at `url`.
    public static func load(contentsOf url: URL) throws(DialogError) -> Self {
        let reader = DialogReader(directory: url.deletingLastPathComponent())
        return try reader.complete(Self.read(from: reader, file: url.lastPathComponent))
    }

    /// Reads the file under its usual name.
    public static func read(from reader: DialogReader) -> Self? { Self.read(from: reader, file: Self.defaultFileName) }
}
