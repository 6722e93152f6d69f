import Foundation

/// The demo scenarios shipped with Parley (`dmz-2019.yaml`, `asia-trip.yaml`), as bundled resources.
public enum DemoScenarios {
    /// The file names, in the order they are loaded.
    public static let fileNames = ["dmz-2019.yaml", "asia-trip.yaml"]

    /// Each demo's file name and text.
    /// - Throws: when a bundled file cannot be read (a broken install).
    public static func all() throws -> [(fileName: String, text: String)] {
        try fileNames.map { name in
            let base = (name as NSString).deletingPathExtension
            guard let url = Bundle.module.url(forResource: base, withExtension: "yaml") else {
                throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: name])
            }
            return (name, try String(contentsOf: url, encoding: .utf8))
        }
    }
}
