"""Cassettes: HTTP interactions recorded once (``pytest --pd-record``), replayed into pd_http.

``format`` (what a cassette holds, bodies byte for byte), ``files`` (where they live, reading and
writing), ``options`` (record modes, matching, hooks, headers), ``record``, ``replay``, ``match``.
``session.Cassette`` is the one object the ``pd_http`` fixture wires in (``wiring``).
"""
