"""The vis-network asset and options, read without importing pyvis (which imports IPython)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kamgraph.views.pyvis_network import network_options, pyvis_folder, vis_assets


def test_options_are_what_pyvis_gives_for_a_physics_off_map_with_ours_on_top():
    from pyvis.network import Network

    network = Network(directed=True, cdn_resources="in_line")
    network.toggle_physics(False)
    expected = json.loads(network.get_network_data()[-1])
    ours = network_options()
    expected.update({key: value for key, value in ours.items() if key != "configure"})
    assert ours == expected


def test_the_asset_is_the_one_inside_the_installed_pyvis():
    import pyvis

    assert pyvis_folder().resolve() == Path(pyvis.__file__).parent.resolve()
    script, css = vis_assets()
    assert "vis-network" in script[:2000] and len(script) > 400_000
    assert ".vis-tooltip" in css


def test_reading_the_asset_and_options_imports_neither_pyvis_nor_ipython():
    code = ("import sys\nfrom kamgraph.views.pyvis_network import network_options, vis_assets\n"
            "vis_assets(); network_options()\n"
            "print([m for m in sys.modules if m.split('.')[0] in ('pyvis', 'IPython')])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
