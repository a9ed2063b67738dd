def handler(pd: "pipedream"):
    api_key = pd.inputs["pipedrive"]["$auth"]["api_token"]
    return f"Bearer {api_key}"  # expect: PD118
