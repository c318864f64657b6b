from chat_common import answer

import stface as gr

demo = gr.ChatInterface(answer, type="messages")
