"""Colour and code: a colour picker in, its complement and a CSS rule (highlighted code) out."""

import stface as gr


def complement(colour: str) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"#{255 - red:02x}{255 - green:02x}{255 - blue:02x}"


def style(colour, selector):
    opposite = complement(colour)
    rule = f"{selector.strip() or 'body'} {{\n  color: {colour};\n  background: {opposite};\n}}"
    return colour, opposite, rule


demo = gr.Interface(
    style,
    [
        gr.ColorPicker(value="#ff8800", label="colour"),
        gr.Code(value="h1", language="css", lines=1, label="selector"),
    ],
    [
        gr.Textbox(label="chosen"),
        gr.ColorPicker(label="complement"),
        gr.Code(language="css", label="rule"),
    ],
    title="Colour and code",
    description="Pick a colour: the rule sets it as the text colour, on its complement.",
)

if __name__ == "__main__":
    demo.launch()
