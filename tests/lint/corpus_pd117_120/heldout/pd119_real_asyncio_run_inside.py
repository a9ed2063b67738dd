import asyncio
import logging

logger = logging.getLogger(__name__)


async def process_webhook(event):
    try:
        segments = await asyncio.to_thread(lambda: event["body"]["audio_url"])
        return {"text": segments}
    except Exception as e:
        logger.error(f"Error in transcription: {e}", exc_info=True)
        return None


def handler(pd: "pipedream"):
    event = pd.steps["trigger"]["event"]
    result = asyncio.run(process_webhook(event))
    return result
