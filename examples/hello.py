"""Hello: the smallest interface, text in and text out."""

import stface as gr


def greet(name):
    return "Hello " + name + "!"


demo = gr.Interface(fn=greet, inputs=gr.Textbox(lines=2, placeholder="Name Here..."), outputs="text", title="Hello")

if __name__ == "__main__":
    demo.launch()
