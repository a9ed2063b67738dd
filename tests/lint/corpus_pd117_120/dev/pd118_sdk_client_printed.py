import os

from notion_client import Client


def handler(pd: "pipedream"):
    notion = Client(auth=os.environ["NOTION_API_KEY"])
    print("client ready:", notion)
    page = notion.pages.retrieve(page_id=pd.steps["trigger"]["event"]["body"]["page_id"])
    return page["properties"]
