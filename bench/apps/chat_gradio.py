import sys

import gradio as gr
from chat_common import answer

gr.ChatInterface(answer).launch(server_name="127.0.0.1", server_port=int(sys.argv[1]))
