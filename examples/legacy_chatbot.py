"""A small chatbot written for openai<1.0 (mid-2023). Run `lint-openai check examples` on it."""

import os

import openai
from openai.error import RateLimitError

openai.api_key = os.environ["OPENAI_API_KEY"]
openai.api_base = os.environ.get("OPENAI_API_BASE", "https://api.openai.com/v1")


def ask(question: str) -> str:
    try:
        response = openai.ChatCompletion.create(
            model="gpt-4o",
            messages=[{"role": "user", "content": question}],
            request_timeout=30,
        )
    except RateLimitError:
        return "busy, try again"
    except openai.Timeout:
        return "timed out"
    return response["choices"][0]["message"]["content"]


if __name__ == "__main__":
    print(ask("What is the capital of France?"))
