"""Views of the concept graph: the map pages, the glossary and the exports.

``page_data`` makes what the map page reads (one documented schema),
``layout`` computes its positions, ``html`` assembles the offline page
(escaping, CSP hashes, inlined assets), ``site`` decides which pages a build
writes; ``glossary`` and ``export`` are the other outputs. pyvis is used only
in ``pyvis_network``.
"""
