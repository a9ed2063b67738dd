import openai


def handler(pd: "pipedream"):
    print(pd.inputs["openai"]["$auth"])  # expect: PD118
    client = openai.OpenAI(api_key=pd.inputs["openai"]["$auth"]["api_key"])
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": pd.steps["trigger"]["event"]["body"]["prompt"]}],
    )
    return reply.choices[0].message.content
