/* Large maps (the page data has an "overview" field above 2,000 concepts): one bubble per
   category, sized by its count, at the centre of its concepts. A click on a bubble unfolds
   the category into its concepts, picking a concept anywhere unfolds its category (see
   kamgraph.store), and the "Overview" button folds them all back. Which of bubble and
   concepts is drawn is kamgraph.visibility's to say; this module makes the bubbles and
   the button. Bubbles are ordinary nodes in the map's DataSet rather than vis-network
   clusters: clusters would need every concept loaded into the network up front and would
   keep a second record of what is folded inside vis-network. */
kamgraph.overview = (function () {
  var BUBBLE_LABEL_PX = 28;
  function bubbleId(category) { return "overview:" + category; }

  function groups(app) { return app.model.overview ? app.model.overview.groups : []; }

  function group(app, category) {
    return groups(app).find(function (g) { return g.id === category; });
  }

  /* The parts of a bubble that depend on the language. */
  function bubbleLabels(app, category) {
    var name = app.words.category(category);
    return { id: bubbleId(category), label: name + "\n(" + group(app, category).count + ")", title: name,
             labelled: app.state.lang };
  }

  function bubbleItems(app) {
    return groups(app).map(function (g) {
      var item = { bubble: true, category: g.id, x: g.x, y: g.y, shape: "dot", size: g.size,
                   color: kamgraph.dom.safeColour(g.colour), widthConstraint: { maximum: g.font * 12 },
                   font: { size: g.font, strokeWidth: Math.round(g.font / 6), strokeColor: "#ffffff" } };
      return Object.assign(item, bubbleLabels(app, g.id));
    });
  }

  function bubbleIds(app) { return groups(app).map(function (g) { return bubbleId(g.id); }); }

  function mount(app) {
    if (!app.model.overview) { return function () {}; }
    var state = app.state, store = app.store;
    var back = document.createElement("button");
    back.type = "button";
    back.className = "overview-back";
    back.dataset.ui = "overview";  // its text comes from the UI strings (kamgraph.interface)
    back.hidden = true;
    back.addEventListener("click", function () { store.foldAll(); });
    var languages = document.getElementById("languages");
    languages.parentNode.insertBefore(back, languages);

    /* A bubble's name is drawn at most BUBBLE_LABEL_PX on screen: zoomed into an opened category, the
       bubbles left around it would otherwise show giant letters over the concepts. */
    var network = app.map.network, nodes = app.map.nodes;
    network.on("beforeDrawing", function () {
      var scale = network.getScale(), changes = [];
      groups(app).forEach(function (g) {
        var size = Math.min(g.font, BUBBLE_LABEL_PX / scale);
        var item = nodes.get(bubbleId(g.id));
        if (item && Math.abs(item.font.size - size) > 0.5) {
          changes.push({ id: item.id, font: { size: size, strokeWidth: Math.round(size / 6), strokeColor: "#ffffff" },
                         widthConstraint: { maximum: size * 12 } });
        }
      });
      if (changes.length) { nodes.update(changes); }
    });

    return function render(changed, how) {
      if (changed.visibility) { back.hidden = state.open.size === 0; }
      if (how.fit === "category") {
        app.map.fitTo((app.model.members.get(how.category) || []).slice(0, 2000));
        app.map.ensureReadable();
      }
      if (how.fit === "bubbles") { app.map.fitTo(bubbleIds(app)); }
    };
  }

  return { bubbleId: bubbleId, bubbleItems: bubbleItems, bubbleLabels: bubbleLabels, bubbleIds: bubbleIds, mount: mount };
}());
