// Fixture: no RUN line, so not a test.
