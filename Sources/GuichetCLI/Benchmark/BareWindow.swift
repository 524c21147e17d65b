import Foundation

/// The floor the window's opening is compared with: a GTK 4 window written in C (a header bar
/// and a label, the size of Guichet's window), compiled by the benchmark itself with the
/// system's compiler and `pkg-config gtk4`. It prints `ready <renderer>` after its first frame
/// and quits. Written in C so the figure does not already pay what Guichet pays (the Swift
/// runtime, Foundation, the binary's own loading), which a bare window opened by the Swift
/// binary would hide.
enum BareWindow {
    static let source = #"""
    #include <gtk/gtk.h>
    #include <stdio.h>

    static void after_paint(GdkFrameClock *clock, gpointer window) {
        g_signal_handlers_disconnect_by_func(clock, after_paint, window);
        GskRenderer *renderer = gtk_native_get_renderer(GTK_NATIVE(window));
        printf("ready %s\n", renderer ? G_OBJECT_TYPE_NAME(renderer) : "?");
        fflush(stdout);
        gtk_window_destroy(GTK_WINDOW(window));
    }

    static void on_map(GtkWidget *window, gpointer data) {
        GdkFrameClock *clock = gtk_widget_get_frame_clock(window);
        g_signal_connect(clock, "after-paint", G_CALLBACK(after_paint), window);
        gdk_frame_clock_request_phase(clock, GDK_FRAME_CLOCK_PHASE_PAINT);
    }

    static void activate(GtkApplication *app, gpointer data) {
        GtkWidget *window = gtk_application_window_new(app);
        gtk_window_set_title(GTK_WINDOW(window), "Guichet");
        gtk_window_set_default_size(GTK_WINDOW(window), 1120, 720);
        gtk_window_set_titlebar(GTK_WINDOW(window), gtk_header_bar_new());
        gtk_window_set_child(GTK_WINDOW(window), gtk_label_new("Guichet Habitat"));
        g_signal_connect(window, "map", G_CALLBACK(on_map), NULL);
        gtk_window_present(GTK_WINDOW(window));
    }

    int main(void) {
        GtkApplication *app = gtk_application_new("fr.guichethabitat.BareWindow", G_APPLICATION_NON_UNIQUE);
        g_signal_connect(app, "activate", G_CALLBACK(activate), NULL);
        int status = g_application_run(G_APPLICATION(app), 0, NULL);
        g_object_unref(app);
        return status;
    }
    """#

    /// Compiles the window into `folder`; the executable, or why it could not be built.
    static func compile(in folder: URL) -> Result<URL, BenchmarkUnavailable> {
        let sourceURL = folder.appendingPathComponent("bare-window.c")
        let executable = folder.appendingPathComponent("bare-window")
        do { try source.write(to: sourceURL, atomically: true, encoding: .utf8) } catch {
            return .failure(BenchmarkUnavailable("fenêtre C non écrite : \(error)"))
        }
        let command = "cc -O2 -o '\(executable.path)' '\(sourceURL.path)' $(pkg-config --cflags --libs gtk4)"
        guard let run = ChildRun.run(["/bin/sh", "-c", command], environment: ProcessInfo.processInfo.environment, timeout: 120),
              run.exitStatus == 0 else {
            return .failure(BenchmarkUnavailable("fenêtre C non compilée (cc et pkg-config gtk4 sont-ils installés ?)"))
        }
        return .success(executable)
    }
}

/// Why a measure could not be made, in French.
struct BenchmarkUnavailable: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
