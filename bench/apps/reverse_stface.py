import stface as gr


def reverse(text):
    return text[::-1]


demo = gr.Interface(reverse, gr.Textbox(label="text"), gr.Textbox(label="output"), allow_flagging="never")
