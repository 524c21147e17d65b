// Every file of this target sees the shared test helpers (TemporaryFolder…).
@_exported import TestSupport
