"""A streaming chat on a causal language model, token by token.

STFACE_CHAT_MODEL picks the model (online, try "HuggingFaceTB/SmolLM2-135M-Instruct");
by default the tiny random GPT-2 that `python examples/tiny_models.py` builds,
which answers in random words, but streams them as a real model does.
"""

import functools
import os
from threading import Thread

import stface as gr

MODEL = os.environ.get("STFACE_CHAT_MODEL", "stface-tiny/gpt2")


@functools.cache
def model_and_tokenizer():
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(MODEL)
    return AutoModelForCausalLM.from_pretrained(MODEL), tokenizer


def prompt(tokenizer, messages):
    if tokenizer.chat_template:
        return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return " ".join(m["content"] for m in messages if isinstance(m["content"], str))


def respond(message, history, system_prompt, max_new_tokens):
    from transformers import TextIteratorStreamer

    model, tokenizer = model_and_tokenizer()
    messages = [{"role": "system", "content": system_prompt}] if system_prompt else []
    messages += [{"role": m["role"], "content": m["content"]} for m in history] + [{"role": "user", "content": message}]
    limit = getattr(model.config, "n_positions", None) or 2048
    inputs = tokenizer(prompt(tokenizer, messages), return_tensors="pt")
    inputs = {k: v[:, -(limit - int(max_new_tokens)) :] for k, v in inputs.items()}  # the newest context that fits
    streamer = TextIteratorStreamer(tokenizer, skip_prompt=True, skip_special_tokens=True)
    Thread(target=model.generate, kwargs=dict(**inputs, streamer=streamer, max_new_tokens=int(max_new_tokens),
                                              do_sample=True, pad_token_id=tokenizer.pad_token_id)).start()  # fmt: skip
    answer = ""
    for piece in streamer:
        answer += piece
        yield answer


demo = gr.ChatInterface(
    respond,
    type="messages",
    title="Chat with a small language model",
    description=f"Model: `{MODEL}`. The answer streams token by token.",
    additional_inputs=[
        gr.Textbox("You are a helpful assistant.", label="System prompt"),
        gr.Slider(1, 48, value=24, step=1, label="Max new tokens"),
    ],
    examples=[["Tell me a story"], ["What is the sun?"]],
)

if __name__ == "__main__":
    demo.launch()
