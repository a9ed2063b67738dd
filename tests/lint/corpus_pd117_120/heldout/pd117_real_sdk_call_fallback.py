import os

from openai import OpenAI

client = OpenAI(api_key=os.environ.get("OPENAI_API_KEY"))


def describe(image_url, prompt="Describe this for a post."):
    if not image_url:
        return "No image provided."
    try:
        reply = client.chat.completions.create(
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": [{"type": "text", "text": prompt}, {"type": "image_url", "image_url": {"url": image_url}}]}],
            max_tokens=120,
        )
        return reply.choices[0].message.content.strip()
    except Exception as e:
        print(f"vision call failed for {image_url}: {e}")
        return "Description unavailable."


def handler(pd: "pipedream"):
    return {"text": describe(pd.steps["trigger"]["event"]["body"].get("image"))}
