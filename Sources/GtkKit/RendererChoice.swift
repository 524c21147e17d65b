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

    /// The environment to set before GTK starts. With the cairo renderer, GDK 4.8 would still
    /// open OpenGL when it opens the display (loading Mesa and LLVM: 60 MiB of memory and tens
    /// of milliseconds) for nothing that draws: `GDK_DEBUG=gl-disable` keeps it closed (GTK 4.8
    /// has no other switch; an agent's own `GDK_DEBUG` is left as it is).
    public static func settings(environment: [String: String], renderNodes: [String]) -> [String: String] {
        guard let renderer = renderer(environment: environment, renderNodes: renderNodes) else { return [:] }
        var settings = ["GSK_RENDERER": renderer]
        if (environment["GDK_DEBUG"] ?? "").isEmpty { settings["GDK_DEBUG"] = "gl-disable" }
        return settings
    }

    /// Applies the choice to this process; call before GTK starts.
    public static func apply() {
        let nodes = (try? FileManager.default.contentsOfDirectory(atPath: "/dev/dri")) ?? []
        for (name, value) in settings(environment: ProcessInfo.processInfo.environment, renderNodes: nodes) {
            setenv(name, value, 1)
        }
    }
}
