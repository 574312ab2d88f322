/* The adapter over vis-network. One DataSet holds every item the map can draw (concepts
   from the page data's concept rows, and on an overview map one bubble per category); the
   network is handed two DataViews over it whose filters ask kamgraph.visibility, so a
   change of what is shown is ``view.refresh()``. Labels, tooltips, dimming and the
   relation readings around the selection are derived from the state here, and only items
   whose display differs from what the DataSet holds are updated (each update re-measures). */
kamgraph.map = (function () {
  var DIM = 0.15;

  function mount(app) {
    var model = app.model, state = app.state, store = app.store, words = app.words;
    var V = kamgraph.visibility, dom = kamgraph.dom;
    /* Smallest zoom at which 14 px labels stay readable: ~8.5 px on a laptop, ~10 px on a phone's sharper screen. */
    var MIN_READABLE_SCALE = window.matchMedia("(max-width: 700px)").matches ? 0.72 : 0.6;

    function tooltip(c) {
      var box = dom.el("div", null, "tip");
      box.appendChild(dom.el("strong", words.concept(c)));
      var definition = words.pick(c.definitions, null) || words.pick(c.standardDefinitions, null);
      var explanation = definition ? null : words.pick(c.explanations, null);
      if (explanation) {  // editorial: under its mark, as in the details panel
        box.appendChild(dom.el("em", app.ui("explanation"), "editorial-mark"));
        box.appendChild(dom.el("span", explanation));
      } else { box.appendChild(dom.el("span", definition || app.ui("noDefinition"))); }
      return box;
    }

    /* ``labelled``: the language the item's label and tooltip are in (not a vis-network option). */
    function conceptItem(c) {
      return { id: c.id, category: c.category, x: c.x, y: c.y, color: dom.safeColour(c.colour),
               label: words.concept(c), title: tooltip(c), labelled: state.lang };
    }
    function relabelled(item) {
      if (item.bubble) { return kamgraph.overview.bubbleLabels(app, item.category); }
      var c = model.concepts.get(item.id);
      return { id: item.id, label: words.concept(c), title: tooltip(c), labelled: state.lang };
    }

    var nodes = new vis.DataSet(model.data.concepts.map(conceptItem).concat(kamgraph.overview.bubbleItems(app)));
    var edges = new vis.DataSet(model.data.edges.map(function (e) {
      return { id: e.id, from: e.from, to: e.to, relation: e.relation };
    }));
    var nodeView = new vis.DataView(nodes, { filter: function (item) { return V.nodeDrawn(state, item); } });
    var edgeView = new vis.DataView(edges, { filter: function (item) { return V.edgeDrawn(state, item, model.concepts); } });
    var container = document.getElementById("map");
    var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, model.data.network);

    function drawn(id) { return nodeView.get(id) !== null; }

    function relabel() {
      var changes = [];
      nodes.forEach(function (item) { if (item.labelled !== state.lang) { changes.push(relabelled(item)); } });
      if (changes.length) { nodes.update(changes); }
    }

    /* Focus dimming and the readings on the selection's arrows. */
    function restyle() {
      var near = state.depth > 0 && state.selected ? kamgraph.graph.neighbourhood(model.links, state.selected, state.depth,
        function (e) { return V.edgeDrawn(state, e, model.concepts); }) : null;
      var nodeChanges = [], edgeChanges = [];
      nodes.forEach(function (item) {
        if (item.bubble) { return; }
        var opacity = near && !near.has(item.id) ? DIM : 1;
        if ((item.opacity === undefined ? 1 : item.opacity) !== opacity) { nodeChanges.push({ id: item.id, opacity: opacity }); }
      });
      edges.forEach(function (e) {
        var touches = state.selected && (e.from === state.selected || e.to === state.selected);
        var r = model.relations.get(e.relation);
        var label = touches ? (r ? words.pick(r.labels, e.relation) : e.relation) : "";
        var opacity = near && !(near.has(e.from) && near.has(e.to)) ? DIM : 1;
        var shown = e.color && e.color.opacity !== undefined ? e.color.opacity : 1;
        if ((e.label || "") !== label || shown !== opacity) { edgeChanges.push({ id: e.id, label: label, color: { opacity: opacity } }); }
      });
      if (nodeChanges.length) { nodes.update(nodeChanges); }
      if (edgeChanges.length) { edges.update(edgeChanges); }
    }

    function syncSelection() {
      if (state.selected && drawn(state.selected)) { network.selectNodes([state.selected]); }
      else if (network.getSelectedNodes().length) { network.unselectAll(); }
    }

    function centre(id) {
      network.focus(id, { scale: Math.max(network.getScale(), MIN_READABLE_SCALE + 0.2), animation: false });
    }

    function fitTo(ids) { network.fit({ nodes: ids.filter(drawn), animation: false }); }

    /* The first view: every bubble of an overview map; otherwise the whole map, but never so
       small that labels cannot be read (then the start of the summary). */
    function fitStart() {
      if (state.overview && !state.open.size) { fitTo(kamgraph.overview.bubbleIds(app)); return; }
      network.fit({ animation: false });
      if (network.getScale() < MIN_READABLE_SCALE) {
        var first = model.order.find(drawn);
        if (first) { network.focus(first, { scale: MIN_READABLE_SCALE, animation: false }); }
      }
    }

    function render(changed, how) {
      if (changed.language) { relabel(); }
      if (changed.visibility) { nodeView.refresh(); edgeView.refresh(); }
      if (changed.selection || changed.focus || changed.visibility || changed.language) { restyle(); }
      if (changed.selection || changed.visibility) { syncSelection(); }
      if (changed.selection && how.focus && state.selected && drawn(state.selected)) { centre(state.selected); }
    }

    network.on("click", function (params) {
      if (!params.nodes.length) { return; }
      var item = nodes.get(params.nodes[0]);
      if (!item) { return; }
      if (item.bubble) { store.unfold(item.category); } else { store.select(item.id, { focus: false, history: "push" }); }
    });
    document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: false }); });

    return { network: network, nodes: nodes, nodeView: nodeView, edgeView: edgeView, container: container,
             drawn: drawn, fitTo: fitTo, fitStart: fitStart, render: render };
  }

  return { mount: mount };
}());
