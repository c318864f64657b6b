"""Generate a sentence, then translate it (gr.Series).

STFACE_TEXT_MODEL and STFACE_TRANSLATION_MODEL pick the models (online, try
"gpt2" and "Helsinki-NLP/opus-mt-en-de"); by default the tiny random ones
from `python examples/tiny_models.py`.
"""

import os

import stface as gr

generator = gr.load(f"huggingface/{os.environ.get('STFACE_TEXT_MODEL', 'stface-tiny/gpt2')}", title="generate")
translator = gr.load(
    f"huggingface/{os.environ.get('STFACE_TRANSLATION_MODEL', 'stface-tiny/marian-en-de')}", title="translate"
)

demo = gr.Series(generator, translator, title="Generate, then translate")

if __name__ == "__main__":
    demo.launch()
