"""The `pd_http` fixture: the strict mock, recorded requests, cassettes, redaction, the network guard."""
