# Add one word to an Airtable vocabulary table (rewritten from a learner's script).
import requests

AIRTABLE_API_KEY = "patQ7vX2mLk9TrWbE.3f9c1a7e5b2d48c6a0e9f1d3b7c5a2e4f6d8b0c2a4e6f8d0b2c4e6a8f0d2b4c6e8"  # expect: PD104
AIRTABLE_BASE_ID = "appT3kLm9QwZx2Yb"
AIRTABLE_TABLE_ID = "tblR8sNp4VcJd6Hq"

endpoint = f"https://api.airtable.com/v0/{AIRTABLE_BASE_ID}/{AIRTABLE_TABLE_ID}"

headers = {
    "Authorization": f"Bearer {AIRTABLE_API_KEY}",
    "Content-Type": "application/json",
}

record = {
    "fields": {
        "Word": "Choose",
        "Past Tense": "Chose",
        "Translation": "Escoger",
        "Word Type": ["Verb"],
    }
}

r = requests.post(endpoint, json=record, headers=headers, timeout=10)  # expect: PD102
print(r.json())
