extension Result where Failure == any Error {
    /// The outcome of asynchronous work, for code that handles success and failure in one place;
    /// runs on the caller's actor.
    init(isolation: isolated (any Actor)? = #isolation, catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
