import os

token = os.getenv("TELEGRAM_BOT_TOKEN")
print(f"Raw Token: '{token}'")  # expect: PD118
if token:
    print(f"Length: {len(token)}")
    print(f"Repr: {repr(token)}")  # expect: PD118
else:
    print("Token is None!")
