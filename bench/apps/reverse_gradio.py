import sys

import gradio as gr


def reverse(text):
    return text[::-1]


demo = gr.Interface(reverse, gr.Textbox(label="text"), gr.Textbox(label="output"), flagging_mode="never")
demo.launch(server_name="127.0.0.1", server_port=int(sys.argv[1]))
