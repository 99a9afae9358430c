// Fixture header.
/// Sample call costs one round trip per iteration.
///
/// Second paragraph.
class SampleDefectCheck {};
