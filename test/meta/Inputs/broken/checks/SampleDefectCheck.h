// Fixture header whose doc summary drifted.
/// Sample calls are slow.
class SampleDefectCheck {};
