import Foundation

/// The reference-class corpus shipped with Parley (`corpus/cases`): real cases of leader-level meetings
/// explored or arranged, each a scenario file with its outcome and moments (issue 17), as bundled resources.
public enum ReferenceCorpus {
    /// Each case's file name and text, in name order.
    /// - Throws: when the bundled files cannot be read (a broken install).
    public static func all() throws -> [(fileName: String, text: String)] {
        guard let directory = Bundle.module.url(forResource: "cases", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "cases"])
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.hasSuffix(".yaml")
        }.sorted()
        return try names.map { ($0, try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)) }
    }
}
