// Fixture: the registration line the consistency test reads.
void addCheckFactories(Factories &F) {
  F.registerCheck<SampleDefectCheck>("fallacy-sample-defect");
}
