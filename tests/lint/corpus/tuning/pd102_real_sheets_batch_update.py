import requests

def handler(pd: "pipedream"):
  bearer = f'Bearer {pd.inputs["google_sheets"]["$auth"]["oauth_access_token"]}'
  headers = {"Authorization": bearer}
  sheet = pd.inputs["spreadsheet_id"]

  body = {
    "requests": [{
      "updateCells": {
        "range": {"sheetId": 0, "startRowIndex": 0, "startColumnIndex": 0},
        "rows": [{"values": [{"userEnteredValue": {"stringValue": "name"}},
                             {"userEnteredValue": {"stringValue": "total"}}]}],
        "fields": "userEnteredValue",
      }
    }]
  }

  r = requests.post(  # expect: PD102, PD105
    f"https://sheets.googleapis.com/v4/spreadsheets/{sheet}:batchUpdate?alt=json",
    headers=headers,
    json=body,
  )
  return r.json()
