import Foundation

/// The display and session bus the window runs are made on: the agent's own when there is one;
/// otherwise a private Xvfb screen (1280×800, 24 bits) and a private session bus, started once
/// for every run, so that no run pays for starting them and each program is its own child
/// (its peak memory is its own).
final class BenchmarkDisplay {
    /// The environment every measured program gets.
    let environment: [String: String]
    /// Where the windows were shown, in French ("Xvfb privé :5", "écran :0").
    let description: String
    private let servers: [Spawned]

    private init(environment: [String: String], description: String, servers: [Spawned]) {
        self.environment = environment
        self.description = description
        self.servers = servers
    }

    /// nil when there is no display and Xvfb cannot be started.
    static func start() -> BenchmarkDisplay? {
        var environment = ProcessInfo.processInfo.environment
        if let display = environment["DISPLAY"], !display.isEmpty {
            return BenchmarkDisplay(environment: environment, description: "écran \(display)", servers: [])
        }
        if let wayland = environment["WAYLAND_DISPLAY"], !wayland.isEmpty {
            return BenchmarkDisplay(environment: environment, description: "écran Wayland \(wayland)", servers: [])
        }
        // -displayfd 1: Xvfb picks a free display and prints its number once it accepts clients.
        guard let xvfb = Spawned(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                                 environment: environment),
              let number = xvfb.firstLine(timeout: 20), !number.isEmpty else { return nil }
        environment["DISPLAY"] = ":\(number)"
        var servers = [xvfb]
        // GTK registers the application and the accessibility bus on the session bus, as on a desktop.
        if environment["DBUS_SESSION_BUS_ADDRESS"] == nil,
           let bus = Spawned(["dbus-daemon", "--session", "--nofork", "--print-address=1"], environment: environment) {
            if let address = bus.firstLine(timeout: 20), !address.isEmpty {
                environment["DBUS_SESSION_BUS_ADDRESS"] = address
                servers.append(bus)
            } else {
                bus.stop()
            }
        }
        return BenchmarkDisplay(environment: environment, description: "Xvfb privé :\(number)", servers: servers)
    }

    /// Stops what was started for the measure (the session bus's activated helpers, such as the
    /// accessibility bus, leave with it).
    func stop() {
        for server in servers.reversed() { server.stop() }
    }
}
