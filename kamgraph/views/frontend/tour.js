/* The tour: Previous / Next walk the concepts in the summary's order. Visited concepts are
   remembered in localStorage under "kamgraph.visited:<title in the starting language>" as a
   sorted JSON list of concept ids, merged with what other maps of the same summary stored
   (the key and format learners' browsers already hold: do not change them). */
kamgraph.tour = (function () {
  var KEY_PREFIX = "kamgraph.visited:";

  function storageKey(app) { return KEY_PREFIX + app.words.pick(app.model.data.title, "map"); }

  function mount(app) {
    var model = app.model, state = app.state, store = app.store, words = app.words, ui = app.ui;
    var order = model.order;
    var storage = kamgraph.dom.storage();
    var key = storageKey(app);  // fixed at start-up, in the starting language

    if (storage) {
      try {
        var stored = JSON.parse(storage.getItem(key) || "[]");
        if (Array.isArray(stored)) { store.restoreVisited(stored); }
      } catch (error) { /* unreadable: start afresh */ }
    }

    function save() {
      if (!storage) { return; }
      try {
        var all = JSON.parse(storage.getItem(key) || "[]");
        var merged = new Set(Array.isArray(all) ? all : []);  // keeps concepts visited on other maps of this summary
        state.visited.forEach(function (id) { merged.add(id); });
        storage.setItem(key, JSON.stringify(Array.from(merged).sort()));
      } catch (error) { /* storage full or blocked: progress lives for this visit only */ }
    }

    function forget() {
      if (storage) { try { storage.removeItem(key); } catch (error) { /* nothing stored */ } }
    }

    function step(by) {
      var at = state.selected ? order.indexOf(state.selected) : -1;
      var next = at < 0 ? 0 : Math.min(order.length - 1, Math.max(0, at + by));
      if (order[next]) { store.select(order[next], { focus: true, history: "push" }); }
    }

    document.getElementById("tour-previous").addEventListener("click", function () { step(-1); });
    document.getElementById("tour-next").addEventListener("click", function () { step(1); });
    document.getElementById("tour-reset").addEventListener("click", function () { store.resetVisited(); });

    function renderTour() {
      var at = state.selected ? order.indexOf(state.selected) : -1;
      var c = at >= 0 ? model.concepts.get(order[at]) : null;
      var s = c && c.section ? model.sections.get(c.section) : null;
      document.getElementById("tour-section").textContent = s ? ui("section") + " " + words.section(s) : "";
      document.getElementById("tour-position").textContent = at >= 0 ? (at + 1) + " / " + order.length : "";
      document.getElementById("tour-previous").disabled = at <= 0;
      document.getElementById("tour-next").textContent = at < 0 ? ui("start") : ui("next");
      document.getElementById("tour-next").disabled = at >= order.length - 1;
      var seen = order.filter(function (id) { return state.visited.has(id); }).length;
      var bar = document.getElementById("tour-progress");
      bar.max = order.length || 1;
      bar.value = seen;
      document.getElementById("tour-progress-text").textContent = seen + " " + ui("of") + " " + order.length + " " + ui("visited");
    }

    return function render(changed) {
      if (changed.reset) { forget(); }
      if (changed.visited && state.selected) { save(); }
      if (changed.selection || changed.language || changed.visited) { renderTour(); }
    };
  }

  return { KEY_PREFIX: KEY_PREFIX, storageKey: storageKey, mount: mount };
}());
