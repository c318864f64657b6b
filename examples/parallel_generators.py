"""Two generators side by side on the same prompt (gr.Parallel).

STFACE_TEXT_MODEL and STFACE_TEXT_MODEL_2 pick the models (online, try
"gpt2" and "distilgpt2"); by default the tiny random GPT-2, twice.
"""

import os

import stface as gr

first = gr.load(f"huggingface/{os.environ.get('STFACE_TEXT_MODEL', 'stface-tiny/gpt2')}", title="generator 1")
second = gr.load(f"huggingface/{os.environ.get('STFACE_TEXT_MODEL_2', 'stface-tiny/gpt2')}", title="generator 2")

demo = gr.Parallel(first, second, title="Two generators")

if __name__ == "__main__":
    demo.launch()
