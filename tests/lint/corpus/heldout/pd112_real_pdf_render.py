import os

import requests

OUTPUT_DIR = "/app/output"


def handler(pd: "pipedream"):
    html = pd.steps["render_template"]["$return_value"]
    r = requests.post(
        "https://api.pdf-render.example/v1/convert",
        json={"html": html, "format": "A4"},
        headers={"Authorization": f"Bearer {os.environ['PDF_API_KEY']}"},
        timeout=90,
    )
    r.raise_for_status()

    target = os.path.join(OUTPUT_DIR, "invoice.pdf")
    with open(target, "wb") as out:  # expect: PD112
        out.write(r.content)
    with open("/tmp/invoice.pdf", "wb") as copy:
        copy.write(r.content)
    return {"path": "/tmp/invoice.pdf"}
