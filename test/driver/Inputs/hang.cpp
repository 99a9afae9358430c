// Never finishes parsing when compiled with -fconstexpr-steps=4294967295:
// the constant evaluator spins on the loop for hours.
constexpr int spin() {
  unsigned I = 0;
  while (true)
    ++I;
  return 0;
}
constexpr int Forever = spin();
