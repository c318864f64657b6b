import pytest

import stface as gr


def greet(name):
    return "Hello " + name + "!"


def test_calling_an_interface_runs_the_whole_pipeline():
    demo = gr.Interface(greet, "text", "text")
    assert demo("Ada") == "Hello Ada!"


def test_inputs_take_fn_parameter_names_and_outputs_gradio_names():
    def calc(num1, operation, num2):
        return num1, num2

    demo = gr.Interface(calc, ["number", gr.Radio(["add"]), gr.Number(label="mine")], ["number", "number"])
    assert [c.label for c in demo.input_components] == ["num1", "operation", "mine"]
    assert [c.label for c in demo.output_components] == ["output 0", "output 1"]
    assert gr.Interface(greet, "text", "text").output_components[0].label == "output"


def test_bound_methods_skip_self_when_naming_inputs():
    class Model:
        def predict(self, sentence):
            return sentence

    demo = gr.Interface(Model().predict, "text", "text")
    assert demo.input_components[0].label == "sentence"


def test_several_outputs_return_a_list_and_label_returns_its_dict():
    demo = gr.Interface(lambda s: ({"a": 0.25, "b": 0.75}, s.upper()), "text", ["label", "text"])
    assert demo("x") == [{"b": 0.75, "a": 0.25}, "X"]


def test_wrong_number_of_outputs_names_the_outputs():
    demo = gr.Interface(lambda s: (s, s, s), "text", ["text", gr.Textbox(label="second")])
    with pytest.raises(gr.Error, match="returned 3 values but the interface has 2 outputs \\('output 0', 'second'\\)"):
        demo("x")
    single = gr.Interface(lambda s: s, "text", ["text", "text"])
    with pytest.raises(gr.Error, match="returned a single str"):
        single("x")


def test_wrong_output_type_names_the_output():
    demo = gr.Interface(lambda s: [1, 2], "text", gr.Label(label="verdict"))
    with pytest.raises(gr.Error, match="Output 'verdict' \\(Label\\)"):
        demo("x")


def test_wrong_argument_count_is_a_type_error():
    demo = gr.Interface(greet, "text", "text")
    with pytest.raises(TypeError, match="takes 1 value\\(s\\) \\('name'\\); got 2"):
        demo("a", "b")


def test_state_starts_from_fn_default_and_is_not_passed_or_returned():
    def count(word, history=[]):  # noqa: B006 - Gradio's documented pattern
        history = history + [word]
        return len(history), history

    demo = gr.Interface(count, ["text", "state"], ["number", "state"])
    assert isinstance(demo.input_components[1], gr.State)
    assert demo.output_components[1] is demo.input_components[1]
    assert demo("a") == 1.0
    assert demo("b") == 1.0  # each call starts from a fresh copy of the default


def test_state_needs_one_input_and_one_output():
    with pytest.raises(ValueError, match="exactly one 'state' input and one 'state' output"):
        gr.Interface(lambda s: s, "state", "text")


def test_batch_functions_receive_and_return_lists():
    def upper_all(texts):
        return ([t.upper() for t in texts],)

    assert gr.Interface(upper_all, "text", "text", batch=True)("ab") == "AB"
    assert gr.Interface(lambda texts: [[t * 2 for t in texts]], "text", "text", batch=True)("ab") == "abab"


def test_generators_give_their_last_value_when_called():
    def count_up(n):
        for i in range(int(n)):
            yield str(i)

    assert gr.Interface(count_up, "number", "text")(3) == "2"


def test_inputs_or_outputs_may_be_empty_but_not_both():
    assert gr.Interface(lambda: "hi", None, "text")() == "hi"
    assert gr.Interface(lambda s: None, "text", None)("x") == []
    with pytest.raises(ValueError, match="at least one input or one output"):
        gr.Interface(lambda: 1, None, [])


def test_fn_must_be_one_callable():
    with pytest.raises(TypeError, match="gr.Parallel"):
        gr.Interface([greet, greet], "text", "text")


def test_examples_are_normalised_and_checked():
    assert gr.Interface(greet, "text", "text", examples=["a", "b"]).examples == [["a"], ["b"]]
    with pytest.raises(ValueError, match="Example 1 has 1 value\\(s\\) but the interface has 2"):
        gr.Interface(lambda a, b: a, ["text", "text"], "text", examples=[["a"]])


def test_flagging_modes_follow_gradio_3_and_5():
    assert gr.Interface(greet, "text", "text").allow_flagging == "manual"
    assert gr.Interface(greet, "text", "text", allow_flagging=False).allow_flagging == "never"
    assert gr.Interface(greet, "text", "text", flagging_mode="auto").allow_flagging == "auto"
    with pytest.raises(ValueError, match="never, auto, manual"):
        gr.Interface(greet, "text", "text", allow_flagging="sometimes")


def test_key_is_stable_and_distinguishes_interfaces():
    assert gr.Interface(greet, "text", "text").key == gr.Interface(greet, "text", "text").key
    assert gr.Interface(greet, "text", "text").key != gr.Interface(greet, "text", "label").key


def test_legacy_namespaces_map_onto_the_same_classes():
    box = gr.inputs.Textbox(default="hi", optional=True)
    assert isinstance(box, gr.Textbox) and box.initial_payload() == "hi"
    assert isinstance(gr.outputs.Textbox(type="auto"), gr.Textbox)
    assert isinstance(gr.outputs.Label(), gr.Label)
    demo = gr.Interface(greet, gr.inputs.Textbox(lines=2), gr.outputs.Textbox())
    assert demo("x") == "Hello x!"


def test_queue_returns_the_interface_for_chaining():
    demo = gr.Interface(greet, "text", "text")
    assert demo.queue(concurrency_count=2) is demo
