import stface as gr
from chat_common import answer

demo = gr.ChatInterface(answer, type="messages")
