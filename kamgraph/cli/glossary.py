"""kamgraph glossary: write OUT/glossary.html and OUT/glossary.md."""

from __future__ import annotations

from pathlib import Path

from kamgraph.cli import cli
from kamgraph.cli.options import endpoint_option, one_source, ontology_option, out_option, resolve_paths, timeout_option
from kamgraph.cli.terminal import say


@cli.command()
@ontology_option
@out_option("Folder to write glossary.html and glossary.md into.")
@endpoint_option
@timeout_option
def glossary(paths: tuple[Path, ...], out_dir: Path, endpoint: str | None, timeout: float) -> None:
    """Write the bilingual glossary (OUT/glossary.html and OUT/glossary.md).

    Every concept, alphabetically and by section, with its labels and
    definitions in both languages and a link to it on the map. Like build, it
    refuses an ontology with errors and leaves previous files untouched.

    \b
    Example:
      kamgraph glossary --out output/
    """
    from kamgraph.output import write_files
    from kamgraph.pipeline import load_and_check, require_valid
    from kamgraph.views.glossary import render_html, render_markdown

    one_source(paths, endpoint)
    concepts = require_valid(load_and_check(resolve_paths(paths), endpoint=endpoint, timeout=timeout)).concepts
    texts = {Path(out_dir) / "glossary.html": render_html(concepts),
             Path(out_dir) / "glossary.md": render_markdown(concepts)}
    for written in write_files(texts):  # both or neither
        say(f"wrote {written} ({concepts.graph.number_of_nodes()} concepts)")
