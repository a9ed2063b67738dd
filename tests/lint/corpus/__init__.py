"""The labelled real-world corpus and its scorer (README.md); pdlint lints tuning/ and heldout/."""
