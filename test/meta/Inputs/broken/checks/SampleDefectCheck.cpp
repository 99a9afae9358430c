// Fixture source that spells its own id.
const char *Id = "fallacy-sample-defect";
