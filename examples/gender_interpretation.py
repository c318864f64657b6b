"""Gender of a sentence, interpreted: which words pushed the prediction.

Two interfaces: Gradio's built-in leave-one-out ("default"), and a custom
interpretation function that scores each word directly. Click Submit, then
Interpret: red words pushed toward the predicted gender, blue ones away.
"""

import stface as gr

male_words, female_words = ["he", "his", "him"], ["she", "hers", "her"]


def gender_of_sentence(sentence):
    words = sentence.lower().split()
    male = sum(word in male_words for word in words)
    female = sum(word in female_words for word in words)
    total = max(male + female, 1)
    return {"male": male / total, "female": female / total}


def interpret_gender(sentence):
    result = gender_of_sentence(sentence)
    is_male = result["male"] > result["female"]
    interpretation = []
    for word in sentence.split(" "):
        score = 0
        if word.lower() in male_words:
            score = 1 if is_male else -1
        elif word.lower() in female_words:
            score = -1 if is_male else 1
        interpretation.append((word, score))
        interpretation.append((" ", 0))
    return interpretation


demo = gr.Interface(
    fn=gender_of_sentence,
    inputs=gr.Textbox(value="She went to his house to get her keys."),
    outputs="label",
    interpretation="default",
    title="Gender of a sentence, interpreted",
)

custom = gr.Interface(
    fn=gender_of_sentence,
    inputs=gr.Textbox(value="She went to his house to get her keys."),
    outputs="label",
    interpretation=interpret_gender,
    title="Custom interpretation",
)

if __name__ == "__main__":
    demo.launch()
