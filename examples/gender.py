"""Gender of a sentence: a Label with confidences, from counting pronouns."""

import stface as gr

male_words, female_words = ["he", "his", "him"], ["she", "hers", "her"]


def gender_of_sentence(sentence):
    words = sentence.lower().split()
    male = sum(word in male_words for word in words)
    female = sum(word in female_words for word in words)
    total = max(male + female, 1)
    return {"male": male / total, "female": female / total}


demo = gr.Interface(
    fn=gender_of_sentence,
    inputs=gr.Textbox(value="She went to his house to get her keys."),
    outputs="label",
    title="Gender of a sentence",
    description="Counts gendered pronouns and shows the share of each.",
)

if __name__ == "__main__":
    demo.launch()
