import asyncio


async def handler(pd: "pipedream"):  # expect: PD119
    await asyncio.sleep(1)
    return {"echo": pd.steps["trigger"]["event"]["body"]}
