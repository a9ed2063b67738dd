"""pytest11 entry point."""
