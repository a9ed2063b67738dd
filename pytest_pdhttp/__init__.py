"""pytest-pdhttp: fixtures pd, pd_tmp and pd_http for testing HTTP steps."""
