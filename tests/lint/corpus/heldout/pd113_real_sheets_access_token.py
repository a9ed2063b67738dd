import requests

def sheet_rows(pd, sheet_id):
    token = pd.inputs["google_sheets"]["$auth"]["oauth_access_token"]
    headers = {"Authorization": f"Bearer {token}"}

    meta_url = f"https://sheets.googleapis.com/v4/spreadsheets/{sheet_id}?includeGridData=false&access_token={token}"  # expect: PD113
    meta = requests.get(meta_url, headers=headers).json()  # expect: PD102, PD105

    title = meta["sheets"][0]["properties"]["title"]
    values_url = f"https://sheets.googleapis.com/v4/spreadsheets/{sheet_id}/values/{title}?access_token={token}"  # expect: PD113
    values = requests.get(values_url, headers=headers)  # expect: PD102, PD105
    rows = values.json().get("values", [])
    return [r for r in rows if any(cell.strip() for cell in r)]


def handler(pd: "pipedream"):
    return sheet_rows(pd, pd.inputs["sheet_id"])
