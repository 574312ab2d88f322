"""Box sizes: measured once per build, the same as wrapping each label word by word."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from kamgraph.views.layout import (
    BOX_PADDING,
    CHAR_WIDTH,
    GAP,
    LINE_HEIGHT,
    MAX_TEXT_WIDTH,
    WRAPPED_WIDTH,
    box_size,
    box_sizes,
    layout_key,
)


def wrapped(label: str) -> list[str]:
    """The label's lines, built as text the way the page breaks them."""
    lines: list[str] = []
    current = ""
    for word in label.split():
        candidate = f"{current} {word}" if current else word
        if current and len(candidate) * CHAR_WIDTH > MAX_TEXT_WIDTH:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current] if current else lines or [label]


def size_by_wrapping(attributes: dict) -> tuple[float, float]:
    labels = [label for label in attributes.get("labels", {}).values() if label.strip()]
    labels = labels or [attributes.get("local_name") or "x" * 12]
    width, height = 0.0, 0.0
    for label in labels:
        longest_word = max(len(word) for word in label.split()) * CHAR_WIDTH
        width = max(width, longest_word, min(len(label) * CHAR_WIDTH, WRAPPED_WIDTH))
        height = max(height, len(wrapped(label)) * LINE_HEIGHT)
    return width + BOX_PADDING + GAP, height + BOX_PADDING + GAP


words = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzé  \t\n-"), max_size=120)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from(["nl", "en", "de"]), words, max_size=3),
       st.one_of(st.none(), st.text("abcXYZ_", min_size=1, max_size=30)))
def test_a_box_is_as_large_as_wrapping_its_labels_makes_it(labels: dict, local_name: str | None):
    attributes = {"labels": labels, "local_name": local_name}
    if not any(label.strip() for label in labels.values()) and local_name is not None and not local_name.strip():
        return
    assert box_size(attributes) == size_by_wrapping(attributes)


def test_the_cache_key_is_the_same_with_sizes_given_or_measured_and_changes_with_a_label():
    graph = nx.MultiDiGraph()
    for i in range(50):
        graph.add_node(f"c{i}", category=f"k{i % 3}", labels={"en": f"concept {i}"})
    graph.add_edge("c1", "c2", key="skos:broader")
    key = layout_key(graph)
    assert layout_key(graph, box_sizes(graph)) == key
    assert box_sizes(graph) == {node: box_size(attributes) for node, attributes in graph.nodes(data=True)}
    graph.nodes["c7"]["labels"] = {"en": "a label long enough to wrap onto a second line of its box"}
    assert layout_key(graph) != key
