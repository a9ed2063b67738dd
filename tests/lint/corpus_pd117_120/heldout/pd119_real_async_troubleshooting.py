import asyncio


async def summarise(text):
    await asyncio.sleep(0)
    return text[:280]


async def handler(pd: "pipedream"):  # expect: PD119
    event = pd.steps["trigger"]["event"]
    summary = await summarise(event["body"]["text"])
    return {"summary": summary}
