/* The adapter over vis-network. One DataSet holds every item the map can draw (concepts
   from the page data's concept rows, and on an overview map one bubble per category); the
   network is handed two DataViews over it whose filters ask kamgraph.visibility, so a
   change of what is shown is ``view.refresh()``. Labels, tooltips, dimming and the
   relation readings around the selection are derived from the state here, and only items
   whose display differs from what the DataSet holds are updated (each update re-measures). */
kamgraph.map = (function () {
  var DIM = 0.15;
  var SELECTED_SCALE = 1.0;  // the zoom a selection is shown at when its neighbours fit (readings at 13 px)

  function mount(app) {
    var model = app.model, state = app.state, store = app.store, words = app.words;
    var V = kamgraph.visibility, dom = kamgraph.dom;
    /* Smallest zoom at which concept labels are drawn at kamgraph.regions.READABLE_PX (12 px) or more. */
    var FONT_PX = ((model.data.network.nodes || {}).font || {}).size || 14;
    var MIN_READABLE_SCALE = kamgraph.regions.READABLE_PX / FONT_PX;
    /* A touch screen has no hover: a tooltip opened by a tap would stay over the map (the panel says it all). */
    var TOOLTIPS = !window.matchMedia("(hover: none)").matches;

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

    /* ``labelled``: the language the item's label and tooltip are in (not a vis-network option). A concept
       gets its tooltip when it is first drawn (entitle): an overview map of thousands draws none at start. */
    function conceptItem(c) {
      var item = { id: c.id, category: c.category, x: c.x, y: c.y, color: dom.safeColour(c.colour),
                   label: words.concept(c), labelled: state.lang };
      if (TOOLTIPS && V.nodeDrawn(state, item)) { item.title = tooltip(c); }
      return item;
    }
    function relabelled(item) {
      if (item.bubble) { return kamgraph.overview.bubbleLabels(app, item.category); }
      var c = model.concepts.get(item.id);
      var changes = { id: item.id, label: words.concept(c), labelled: state.lang };
      if (item.title !== undefined) { changes.title = tooltip(c); }
      return changes;
    }
    /* Tooltips for the concepts about to be drawn for the first time, before the view shows them. */
    function entitle() {
      if (!TOOLTIPS) { return; }
      var changes = [];
      nodes.forEach(function (item) {
        if (!item.bubble && item.title === undefined && V.nodeDrawn(state, item)) {
          changes.push({ id: item.id, title: tooltip(model.concepts.get(item.id)) });
        }
      });
      if (changes.length) { nodes.update(changes); }
    }

    var nodes = new vis.DataSet(model.data.concepts.map(conceptItem).concat(kamgraph.overview.bubbleItems(app)));
    var edges = new vis.DataSet(model.data.edges.map(function (e) {
      return Object.assign({ id: e.id, from: e.from, to: e.to, relation: e.relation, status: e.status },
                           kamgraph.relationStatus.lineStyle(e.status));
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
        if ((e.label || "") !== label || shown !== opacity) { edgeChanges.push({ id: e.id, label: label,
          color: Object.assign({}, kamgraph.relationStatus.lineStyle(e.status).color, { opacity: opacity }) }); }
      });
      if (nodeChanges.length) { nodes.update(nodeChanges); }
      if (edgeChanges.length) { edges.update(edgeChanges); }
    }

    function syncSelection() {
      if (state.selected && drawn(state.selected)) { network.selectNodes([state.selected]); }
      else if (network.getSelectedNodes().length) { network.unselectAll(); }
    }

    /* The concept in the middle of the map, zoomed so its drawn neighbours are in view around it
       when that leaves labels readable (relation readings legible too); otherwise as close as readable. */
    function centre(id) {
      var at = network.getPositions([id])[id];
      var halfWidth = container.clientWidth / 2 - 16, halfHeight = container.clientHeight / 2 - 16;
      var fits = SELECTED_SCALE;
      kamgraph.graph.neighbourhood(model.links, id, 1, function (e) { return V.edgeDrawn(state, e, model.concepts); })
        .forEach(function (n) {
          if (!drawn(n)) { return; }
          var b = network.getBoundingBox(n);
          var across = Math.max(Math.abs(b.left - at.x), Math.abs(b.right - at.x));
          var down = Math.max(Math.abs(b.top - at.y), Math.abs(b.bottom - at.y));
          fits = Math.min(fits, across ? halfWidth / across : fits, down ? halfHeight / down : fits);
        });
      var scale = Math.max(fits, MIN_READABLE_SCALE * 1.05);
      network.moveTo({ position: at, scale: scale, animation: false });
    }

    function fitTo(ids) { network.fit({ nodes: ids.filter(drawn), animation: false }); }

    /* Zoom in, about the middle of the view, until concept labels are readable (an opened category of thousands). */
    function ensureReadable() {
      if (network.getScale() < MIN_READABLE_SCALE) {
        network.moveTo({ position: network.getViewPosition(), scale: MIN_READABLE_SCALE * 1.05, animation: false });
      }
    }

    /* The first view: every bubble of an overview map; otherwise the whole map, but never so
       small that labels cannot be read (then the start of the summary). */
    function fitStart() {
      if (state.overview && !state.open.size) { fitTo(kamgraph.overview.bubbleIds(app)); return; }
      network.fit({ animation: false });
      if (network.getScale() < MIN_READABLE_SCALE) {
        var first = model.order.find(drawn);
        if (first) { network.focus(first, { scale: MIN_READABLE_SCALE * 1.05, animation: false }); }
      }
    }

    function render(changed, how) {
      if (changed.language) { relabel(); labelFrame(); }
      if (changed.visibility) { entitle(); nodeView.refresh(); edgeView.refresh(); }
      if (changed.selection || changed.focus || changed.visibility || changed.language) { restyle(); }
      if (changed.selection || changed.visibility) { syncSelection(); }
      if (changed.selection && how.focus && state.selected && drawn(state.selected)) { centre(state.selected); }
    }

    /* vis-network makes its frame a tab stop; make it a live one: arrows pan, + and - zoom, Enter opens the
       selection's details. (The outline stays the way to reach every concept by keyboard.) */
    var frame = container.querySelector(".vis-network");
    if (frame) {
      frame.setAttribute("role", "application");
      frame.addEventListener("keydown", function (event) {
        var scale = network.getScale(), at = network.getViewPosition(), step = 80 / scale;
        var moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
        if (moves[event.key]) {
          network.moveTo({ position: { x: at.x + moves[event.key][0], y: at.y + moves[event.key][1] }, animation: false });
        } else if (event.key === "+" || event.key === "=") { network.moveTo({ scale: scale * 1.25, animation: false }); }
        else if (event.key === "-") { network.moveTo({ scale: scale / 1.25, animation: false }); }
        else if (event.key === "Enter" && state.selected) { document.getElementById("details-title").focus(); }
        else { return; }
        event.preventDefault();
      });
    }
    function labelFrame() { if (frame) { frame.setAttribute("aria-label", app.ui("mapKeys")); } }

    network.on("click", function (params) {
      if (!params.nodes.length) { return; }
      var item = nodes.get(params.nodes[0]);
      if (!item) { return; }
      if (item.bubble) { store.unfold(item.category); } else { store.select(item.id, { focus: false, history: "push" }); }
    });
    document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: false }); });

    return { network: network, nodes: nodes, nodeView: nodeView, edgeView: edgeView, container: container,
             drawn: drawn, fitTo: fitTo, fitStart: fitStart, ensureReadable: ensureReadable, render: render };
  }

  return { mount: mount };
}());
