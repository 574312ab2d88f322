/* Start-up: read the page data, make the one state (language and mode from the address),
   mount the map and every view, render once, apply the address, and mark the page ready
   (<html data-ready="true">) after the first drawing of the map (in a study mode: of its view). window.kamgraph is the namespace of
   every module and the handle tests and debugging use: data, state, network, nodes and
   edges (the drawn ones: vis DataViews), select(id, focus), setLanguage(lang). */
(function () {
  var route = kamgraph.routing.parse(location.hash);
  var model = kamgraph.model.create(JSON.parse(document.getElementById("kamgraph-data").textContent), route.topic);
  var data = model.data;
  if (route.lang && model.languages.indexOf(route.lang) < 0) { route.lang = null; }
  var store = kamgraph.store.create(model, { lang: route.lang || model.languages[0], mode: route.mode });
  var state = store.state;
  var app = {
    model: model, store: store, state: state,
    words: kamgraph.labels.forState(state, model),
    ui: function (key) { return kamgraph.strings.text(state.lang, key); }
  };

  app.progress = kamgraph.progress.open(model);
  var routing = kamgraph.routing.mount(app);
  app.map = kamgraph.map.mount(app);
  app.regions = kamgraph.regions.mount(app);
  var tour = kamgraph.tour.mount(app);  // before the views render: it restores the visited concepts into the state
  var views = [app.regions.render, kamgraph.modes.mount(app), app.map.render, kamgraph.overview.mount(app),
               kamgraph.interface.mount(app), kamgraph.legend.mount(app), kamgraph.panel.mount(app),
               kamgraph.read.mount(app), kamgraph.compare.mount(app), kamgraph.practise.mount(app), tour,
               kamgraph.outline.mount(app), kamgraph.search.mount(app), routing.render];
  kamgraph.draft.mount(app);
  kamgraph.export.mount(app);
  views.forEach(store.subscribe);

  kamgraph.data = data;
  kamgraph.app = app;
  kamgraph.state = state;
  kamgraph.network = app.map.network;
  kamgraph.nodes = app.map.nodeView;
  kamgraph.edges = app.map.edgeView;
  kamgraph.select = function (id, focus) { store.select(id, { focus: Boolean(focus), history: "push" }); };
  kamgraph.setLanguage = function (lang) { store.setLanguage(lang, { history: "replace" }); };
  kamgraph.overview.expand = function (category) { store.unfold(category); };
  kamgraph.overview.collapse = function () { store.foldAll(); };

  store.emit({ language: true, selection: true, visibility: true, focus: true, outline: true, visited: true, mode: true },
             { history: "none" });
  app.map.fitStart();
  if (location.hash) { routing.apply(); }
  function ready() { document.documentElement.setAttribute("data-ready", "true"); }
  if (state.mode === "map") {
    app.map.network.once("afterDrawing", ready);
    app.map.network.redraw();
  } else { window.requestAnimationFrame(ready); }  // a study mode: its view is in place; the map is drawn when shown
}());
