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
