// test/driver/Inputs/output/broken.cpp: a unit that does not compile, reported as a failure.
void broken() {
  undeclared_function_in_output_test();
}
