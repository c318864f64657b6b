"""Gradio JSON in: strings name files only where Gradio puts files (a caption or a label is text)."""

import pytest

import stface as gr
from stface.api.convert import python_value
from stface.api.files import FileRefused, store


def test_captions_and_labels_stay_text_while_file_places_are_checked():
    gallery = gr.Gallery(label="pics")
    assert python_value(gallery, [{"image": None, "caption": "a cat"}], store, None) == [(None, "a cat")]
    with pytest.raises(FileRefused, match="never read or fetched"):
        python_value(gallery, [{"image": "/etc/passwd", "caption": "a cat"}], store, None)
    with pytest.raises(FileRefused):
        python_value(gr.MultimodalTextbox(), {"text": "hi", "files": ["../secret.txt"]}, store, None)
    assert python_value(gr.MultimodalTextbox(), {"text": "/etc/passwd", "files": []}, store, None)["text"] == "/etc/passwd"
