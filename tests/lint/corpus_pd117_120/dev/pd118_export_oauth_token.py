def handler(pd: "pipedream"):
    pd.export("token", pd.inputs["google_drive"]["$auth"]["oauth_access_token"])  # expect: PD118
    pd.export("folder", pd.steps["trigger"]["event"]["body"]["folder_id"])
