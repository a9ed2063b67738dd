import requests


def handler(pd: "pipedream"):
    doc = pd.steps["trigger"]["event"]["doc_id"]
    pdf = requests.get(f"https://docs.example.com/api/docs/{doc}/export", params={"format": "pdf"}, timeout=60)
    pdf.raise_for_status()
    with open(f"/home/user/exports/{doc}.pdf", "wb") as f:  # expect: PD112
        f.write(pdf.content)
    with open(f"/tmp/{doc}.pdf", "wb") as f:
        f.write(pdf.content)
    with open("/etc/app/settings.ini") as cfg:
        settings = cfg.read()
    with open("exports.log", "a") as log:
        log.write(f"{doc}\n")
    return {"path": f"/tmp/{doc}.pdf", "settings_bytes": len(settings)}
