import Foundation

/// Which GSK renderer GTK should use. Without a GPU (a virtualised desktop, Xvfb), GTK 4.8's
/// GL renderer runs on Mesa's llvmpipe, compiling shaders with LLVM and rasterising on the
/// CPU: the window then opens ~60 ms later and every list update paints ~20 ms slower than
/// with GTK's cairo renderer. An agent's choice (`GSK_RENDERER`) always wins.
public enum RendererChoice {
    /// "cairo" when no GPU render node exists and nothing was chosen, nil to let GTK decide.
    public static func renderer(environment: [String: String], renderNodes: [String]) -> String? {
        if let chosen = environment["GSK_RENDERER"], !chosen.isEmpty { return nil }
        return renderNodes.contains { $0.hasPrefix("renderD") } ? nil : "cairo"
    }

    /// Applies the choice to this process; call before GTK starts.
    public static func apply() {
        let nodes = (try? FileManager.default.contentsOfDirectory(atPath: "/dev/dri")) ?? []
        if let renderer = renderer(environment: ProcessInfo.processInfo.environment, renderNodes: nodes) {
            setenv("GSK_RENDERER", renderer, 0)
        }
    }
}
