import numpy as np
import pandas as pd
import pytest

import stface as gr


def test_preprocess_returns_the_requested_type():
    rows = [[1, "a"], [2, "b"]]
    frame = gr.Dataframe(headers=["n", "s"]).preprocess(rows)
    assert isinstance(frame, pd.DataFrame) and list(frame.columns) == ["n", "s"]
    assert gr.Dataframe(headers=["n", "s"], type="array").preprocess(rows) == rows
    array = gr.Dataframe(headers=["n", "s"], type="numpy").preprocess(rows)
    assert isinstance(array, np.ndarray) and array.shape == (2, 2)


def test_postprocess_accepts_frames_arrays_lists_dicts_and_stylers():
    df = pd.DataFrame({"x": [1, 2]})
    assert gr.Dataframe().postprocess(df).equals(df)
    assert list(gr.Dataframe(headers=["a"]).postprocess(np.array([[1, 2]])).columns) == ["a", "2"]
    assert gr.Dataframe().postprocess({"data": [[1]], "headers": ["h"]}).iloc[0, 0] == 1
    assert gr.Dataframe().postprocess(df.style).equals(df)
    with pytest.raises(ValueError, match="expects a pandas DataFrame"):
        gr.Dataframe().postprocess(object())


def test_empty_table_follows_row_count_col_count_and_datatype():
    empty = gr.Dataframe(row_count=2, col_count=(2, "fixed"), datatype=["str", "number"]).initial_payload()
    assert empty.shape == (2, 2)
    assert empty.iloc[0].tolist() == ["", 0]


def test_headers_must_match_col_count_and_datatypes_are_known():
    with pytest.raises(ValueError, match="2 headers but col_count is 3"):
        gr.Dataframe(headers=["a", "b"], col_count=3)
    with pytest.raises(ValueError, match="Unknown Dataframe datatype"):
        gr.Dataframe(datatype="money")
    with pytest.raises(ValueError, match="'pandas', 'numpy', 'array'"):
        gr.Dataframe(type="polars")


def test_shortcut_templates():
    from stface.components.registry import component_from

    assert component_from("numpy").type == "numpy"
    assert component_from("matrix").type == "array"
    lst = component_from("list")
    assert lst.type == "array" and lst.col_count[0] == 1
    assert lst.preprocess([1, 2]) == [[1], [2]]
