"""Custom CSS: the seed's red page, and a background image referenced with file=."""

import stface as gr


def greet(name):
    return "Hello " + name + "!"


demo = gr.Interface(
    greet,
    "text",
    "text",
    css="body {background-color: red} .stface-title {background-image: url('file=static/stripe.png')}",
    title="Styled with css=",
)

if __name__ == "__main__":
    demo.launch()
