from simpleaichat import AIChat


def handler(pd: "pipedream"):
    subject = pd.steps["parse"]["subject"]
    content = pd.steps["parse"]["content"]
    token = f'{pd.inputs["openai"]["$auth"]["api_key"]}'
    authorization = f"Bearer {token}"
    headers = {"Authorization": authorization}
    ai = AIChat(console=False, save_messages=False, model="gpt-4o", headers=headers, api_key=token, temperature=0.0)
    input_data = f"Subject: {subject}. Content: {content}."
    print("Input data for AIChat: ", input_data)
    reply = ai(input_data)
    pd.export("draft", reply)
    return {"draft": reply}
