import requests


def upload_invoice(pd, path):
    headers = {"Authorization": f"Bearer {pd.inputs['token']}"}
    headers["Content-Type"] = "multipart/form-data; boundary=----pipedream"
    with open(path, "rb") as fh:
        r = requests.post("https://accounting.example.com/api/invoices", files={"file": fh}, data={"kind": "invoice"}, headers=headers, timeout=60)  # expect: PD110
    r.raise_for_status()
    return r.json()


def upload_receipt(pd, path):
    with open(path, "rb") as fh:
        r = requests.post("https://accounting.example.com/api/receipts", files={"file": ("r.jpg", fh, "image/jpeg")}, headers={"Authorization": f"Bearer {pd.inputs['token']}"}, timeout=60)
    r.raise_for_status()
    return r.json()


def handler(pd: "pipedream"):
    return upload_invoice(pd, "/tmp/invoice.pdf"), upload_receipt(pd, "/tmp/receipt.jpg")
