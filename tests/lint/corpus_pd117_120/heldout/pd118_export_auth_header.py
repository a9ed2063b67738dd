import os


def handler(pd: "pipedream"):
    auth_header = "Bearer " + os.environ["CRM_API_TOKEN"]
    pd.export("auth_header", auth_header)  # expect: PD118
    pd.export("base_url", "https://crm.example.com/api/v2")
