"""The one place pyvis is used: it turns nodes and edges into vis-network data and options.

pyvis is unmaintained (last release 2023) and its own template loads a CDN and
has HTML-injection sinks, so it is fenced here: we call only
``get_network_data()``, never ``show``/``write_html``/``generate_html``, and the
page comes from our own template (:mod:`kamgraph.views.map`). The vis-network
build that pyvis bundles is read from the installed package, so the asset is
pinned together with pyvis itself.

Nodes and edges are made by pyvis' own ``Node`` and ``Edge`` classes but
appended to the Network directly: ``Network.add_node``/``add_edge`` check
every id against a *list* (quadratic: 6.5 s at 10,000 concepts, minutes at
50,000), so the uniqueness checks are done here with sets instead.
"""

from __future__ import annotations

import json
from importlib import resources

from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node

VIS_VERSION = "9.1.2"


def vis_assets() -> tuple[str, str]:
    """The vis-network JavaScript and CSS shipped inside pyvis, as text."""
    folder = resources.files("pyvis").joinpath("lib", f"vis-{VIS_VERSION}")
    return (folder.joinpath("vis-network.min.js").read_text("utf-8"),
            folder.joinpath("vis-network.css").read_text("utf-8"))


def network_data(nodes: list[dict], edges: list[dict]) -> tuple[list[dict], list[dict], dict]:
    """vis-network node and edge objects plus options, for a static (physics-off) map."""
    network = Network(directed=True, cdn_resources="in_line")
    known: set = set()
    for node in nodes:
        node = dict(node)
        node_id = node.pop("id")
        if node_id in known:
            raise ValueError(f"duplicate node id {node_id!r}")
        known.add(node_id)
        made = Node(node_id, node.pop("shape", "box"), label=node.pop("label"), color=node.pop("color"),
                    font_color=network.font_color, **node)
        network.nodes.append(made.options)
        network.node_ids.append(node_id)
        network.node_map[node_id] = made.options
    for edge in edges:
        edge = dict(edge)
        source, target = edge.pop("from"), edge.pop("to")
        if source not in known or target not in known:
            raise ValueError(f"edge {source!r} -> {target!r} names a node that does not exist")
        network.edges.append(Edge(source, target, True, **edge).options)
    network.toggle_physics(False)
    vis_nodes, vis_edges, _heading, _height, _width, options = network.get_network_data()
    options = json.loads(options)
    options.update({
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "keyboard": False,
                        "multiselect": False, "hideEdgesOnDrag": False},
        "nodes": {"shape": "box", "margin": 8, "widthConstraint": {"maximum": 180},
                  "font": {"face": "system-ui, sans-serif", "size": 14, "color": "#1b1b1b"},
                  "borderWidth": 1},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
                  "font": {"size": 11, "align": "middle", "color": "#444", "strokeWidth": 3,
                           "strokeColor": "#ffffff"},
                  "color": {"color": "#9aa3ad", "highlight": "#33475b", "hover": "#33475b"},
                  "smooth": {"enabled": True, "type": "continuous", "roundness": 0.25}},
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 1},
    })
    return vis_nodes, vis_edges, options
