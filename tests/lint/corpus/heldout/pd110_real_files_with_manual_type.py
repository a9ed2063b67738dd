import requests

def handler(pd: "pipedream"):
  api_key = pd.inputs["docparser"]["$auth"]["api_key"]
  parser_id = pd.inputs["parser_id"]
  path = pd.steps["save_attachment"]["$return_value"]["path"]

  with open(path, "rb") as pdf:
    r = requests.post(  # expect: PD110
      f"https://api.docparser.example/v1/document/upload/{parser_id}",
      files={"file": ("invoice.pdf", pdf, "application/pdf")},
      headers={"api_key": api_key, "Content-Type": "multipart/form-data"},
      timeout=60,
    )
  r.raise_for_status()
  return r.json()["id"]
