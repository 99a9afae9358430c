// Fixture: one class registered without a record, one record without a class.
void addCheckFactories(Factories &F) {
  F.registerCheck<SampleDefectCheck>("fallacy-sample-defect");
  F.registerCheck<StrayCheck>("fallacy-stray");
}
