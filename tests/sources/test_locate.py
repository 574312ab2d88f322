"""Offsets to lines and columns (kamgraph/sources/locate.py): the line starts found once give what counting did."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kamgraph.sources.locate import line_and_column, line_offset, line_starts

texts = st.text(alphabet=st.sampled_from("ab \n\r\t\u00e9\U0001f600"), max_size=60)


@given(texts, st.data())
def test_line_and_column_are_what_counting_newlines_gave(text, data):
    offset = data.draw(st.integers(min_value=0, max_value=len(text)))
    counted = (text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1)
    assert line_and_column(text, offset) == counted


@given(texts, st.data())
def test_a_line_starts_where_walking_its_newlines_reached(text, data):
    line = data.draw(st.integers(min_value=1, max_value=text.count("\n") + 1))
    walked = 0
    for _ in range(line - 1):
        walked = text.index("\n", walked) + 1
    assert line_offset(text, line) == walked == sum(len(part) + 1 for part in text.split("\n")[: line - 1])
    assert len(line_starts(text)) == text.count("\n") + 1
