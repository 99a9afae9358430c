// Fixture lit test.
// RUN: true
