"""Load a text-generation model by name, with customised inputs.

STFACE_TEXT_MODEL picks the model (online, try "gpt2"); by default the tiny
random GPT-2 that `python examples/tiny_models.py` builds.
"""

import os

import stface as gr

MODEL = os.environ.get("STFACE_TEXT_MODEL", "stface-tiny/gpt2")

demo = gr.Interface.load(
    f"huggingface/{MODEL}",
    inputs=gr.Textbox(lines=5, label="Input Text"),
    title="Text generation",
    description="Type the start of a story; the model continues it.",
)

if __name__ == "__main__":
    demo.launch()
