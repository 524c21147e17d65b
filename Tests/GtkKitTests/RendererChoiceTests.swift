import GtkKit
import Testing

struct RendererChoiceTests {
    @Test func cairoWithoutAGPURenderNode() {
        #expect(RendererChoice.renderer(environment: [:], renderNodes: []) == "cairo")
        #expect(RendererChoice.renderer(environment: [:], renderNodes: ["card0"]) == "cairo",
                "a display-only card renders nothing")
    }

    @Test func gtkDecidesWhenAGPUIsThere() {
        #expect(RendererChoice.renderer(environment: [:], renderNodes: ["card0", "renderD128"]) == nil)
    }

    @Test func theAgentsChoiceWins() {
        #expect(RendererChoice.renderer(environment: ["GSK_RENDERER": "gl"], renderNodes: []) == nil)
        #expect(RendererChoice.renderer(environment: ["GSK_RENDERER": ""], renderNodes: []) == "cairo")
    }
}

struct RendererSettingsTests {
    @Test func cairoKeepsOpenGLClosed() {
        #expect(RendererChoice.settings(environment: [:], renderNodes: []) == ["GSK_RENDERER": "cairo", "GDK_DEBUG": "gl-disable"])
    }

    @Test func nothingIsSetWhenAGPUIsThereOrTheAgentChose() {
        #expect(RendererChoice.settings(environment: [:], renderNodes: ["renderD128"]).isEmpty)
        #expect(RendererChoice.settings(environment: ["GSK_RENDERER": "gl"], renderNodes: []).isEmpty)
    }

    @Test func theAgentsOwnDebugFlagsStay() {
        #expect(RendererChoice.settings(environment: ["GDK_DEBUG": "events"], renderNodes: []) == ["GSK_RENDERER": "cairo"])
    }
}
