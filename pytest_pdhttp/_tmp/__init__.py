"""The `pd_tmp` fixture: every way to `/tmp` redirected into a per-test directory, and the audit."""
