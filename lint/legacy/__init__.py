"""The libcst versions of the model and rule helpers, while rules move to CPython\x27s ast."""
