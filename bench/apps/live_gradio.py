import sys

import gradio as gr
from live_common import flip

# As fast as Gradio's webcam may send (it waits for each answer before the next frame anyway).
gr.Interface(flip, gr.Image(sources=["webcam"], streaming=True, webcam_options=gr.WebcamOptions(mirror=False)),
             gr.Image(), live=True, stream_every=1 / 30, time_limit=None).launch(
    server_name="127.0.0.1", server_port=int(sys.argv[1]))  # fmt: skip
