"""The hostile cases are a package of the tests (``hostile.cases``): nothing to set up here."""
