# Read a server-sent-events feed byte by byte and split it into events.
import json

import requests

ONE_BYTE = 1


def events(url, token):
    with requests.get(url, headers={"Authorization": f"Bearer {token}", "Accept": "text/event-stream"}, stream=True, timeout=(5, 300)) as r:
        r.raise_for_status()
        buffer = b""
        for byte in r.iter_content(chunk_size=ONE_BYTE):  # expect: PD107
            buffer += byte
            if buffer.endswith(b"\n\n"):
                line = buffer.decode().strip()
                buffer = b""
                if line.startswith("data:"):
                    yield json.loads(line[5:])


def handler(pd: "pipedream"):
    token = pd.inputs["feed"]["$auth"]["api_key"]
    first = []
    for event in events("https://feed.example.com/v1/stream", token):
        first.append(event)
        if len(first) == 10:
            break
    return first
