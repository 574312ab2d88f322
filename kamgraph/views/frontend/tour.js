/* The tour: Previous / Next walk the concepts in the summary's reading order on a card that
   stays in view over the map (the controls at its top never move), the concept drawn above
   the card. It resumes at the concept the student stopped at, and shows how much of each
   section has been seen. Progress lives in the per-vocabulary record (kamgraph.progress):
   visited concepts are merged with what other pages of the vocabulary stored, and a reset
   forgets only this view's concepts. Named after the vocabulary's title. */
kamgraph.tour = (function () {
  /* [{section, total, seen}] in reading order (section id, or null). Pure. */
  function bySection(order, concepts, visited) {
    var rows = [], at = new Map();
    order.forEach(function (id) {
      var key = concepts.get(id).section || null;
      if (!at.has(key)) { at.set(key, rows.length); rows.push({ section: key, total: 0, seen: 0 }); }
      var row = rows[at.get(key)];
      row.total += 1;
      if (visited.has(id)) { row.seen += 1; }
    });
    return rows;
  }

  function mount(app) {
    var model = app.model, state = app.state, store = app.store, words = app.words, ui = app.ui;
    var el = kamgraph.dom.el, byId = function (id) { return document.getElementById(id); };
    var order = model.order;
    var progress = app.progress;
    var card = byId("tour-card");
    var touring = false;
    var phone = window.matchMedia("(max-width: 700px)");

    var stored = progress.read();
    store.restoreVisited(stored.visited.concat(progress.legacyVisited()));

    function resumeAt() {
      var at = progress.read().tourAt;
      return at && model.concepts.has(at) ? at : null;
    }

    function show(id) {
      touring = true;
      card.hidden = false;
      if (id && id !== state.selected) { store.select(id, { focus: true, history: "push" }); } else { renderCard(); place(); }
    }

    function step(by) {
      var at = state.selected ? order.indexOf(state.selected) : -1;
      var target = at < 0 ? 0 : Math.min(order.length - 1, Math.max(0, at + by));
      if (order[target]) { show(order[target]); }
    }

    function close() {
      touring = false;
      card.hidden = true;
      byId("tour-begin").focus();
    }

    byId("tour-begin").addEventListener("click", function () {
      if (state.mode !== "map") { store.setMode("map", { history: "push" }); }
      show(resumeAt() || state.selected || order[0]);
      byId("tour-next").focus();
    });
    byId("tour-previous").addEventListener("click", function () { step(-1); });
    byId("tour-next").addEventListener("click", function () { step(1); });
    byId("tour-close").addEventListener("click", close);
    byId("tour-reset").addEventListener("click", function () {
      progress.update(function (r) {
        r.visited = r.visited.filter(function (id) { return !model.concepts.has(id); });  // other views keep theirs
        if (r.tourAt && model.concepts.has(r.tourAt)) { r.tourAt = null; }
      });
      store.resetVisited();
    });

    /* The concept above the card: the map scrolled into view on a phone, the node centred in what the card leaves free. */
    function place() {
      if (!touring || !state.selected || !app.map.drawn(state.selected)) { return; }
      if (phone.matches) { app.map.container.scrollIntoView({ block: "start" }); }
      var mapBox = app.map.container.getBoundingClientRect(), cardBox = card.getBoundingClientRect();
      var hidden = Math.max(0, Math.min(mapBox.bottom, cardBox.bottom) - Math.max(mapBox.top, cardBox.top));
      app.map.network.focus(state.selected, { scale: app.map.network.getScale(), offset: { x: 0, y: -hidden / 2 },
                                              animation: false });
    }

    /* The summary's definition; else a standard definition or the editors' explanation, each saying what it is. */
    function explanationOf(c) {
      var definition = words.pick(c.definitions, null);
      if (definition) { return definition; }
      var standard = words.pick(c.standardDefinitions, null);
      if (standard) { return ui("standard") + ": " + standard; }
      var explanation = words.pick(c.explanations, null);
      return explanation ? ui("explanation") + ": " + explanation : ui("noDefinition");
    }

    function renderCard() {
      var at = state.selected ? order.indexOf(state.selected) : -1;
      var c = at >= 0 ? model.concepts.get(order[at]) : null;
      var s = c && c.section ? model.sections.get(c.section) : null;
      var rows = bySection(order, model.concepts, state.visited);
      var row = c ? rows.find(function (r) { return r.section === (c.section || null); }) : null;
      byId("tour-section").textContent = s ? ui("section") + " " + words.section(s) + (row ? " — " + row.seen + " " + ui("of") + " " + row.total + " " + ui("inSection") : "") : "";
      byId("tour-position").textContent = at >= 0 ? (at + 1) + " / " + order.length : "";
      byId("tour-concept").textContent = c ? words.concept(c) : "";
      byId("tour-definition").textContent = c ? explanationOf(c) : "";
      byId("tour-previous").disabled = at <= 0;
      byId("tour-next").disabled = at >= order.length - 1;
    }

    function renderProgress() {
      var title = words.pick(model.data.title, "");
      byId("tour-title").textContent = ui("tourOf") + " " + (title || ui("mapHeading"));
      var seen = order.filter(function (id) { return state.visited.has(id); }).length;
      var bar = byId("tour-progress");
      bar.max = order.length || 1;
      bar.value = seen;
      byId("tour-progress-text").textContent = seen + " " + ui("of") + " " + order.length + " " + ui("visited");
      var resume = resumeAt();
      byId("tour-begin").textContent = resume ? ui("tourResume") + " (" + (order.indexOf(resume) + 1) + " / " + order.length + ")" : ui("tourBegin");
      var list = byId("tour-sections");
      list.replaceChildren();
      bySection(order, model.concepts, state.visited).forEach(function (r) {
        var s = r.section ? model.sections.get(r.section) : null;
        var item = el("li", null, r.seen === r.total ? "done" : "");
        item.appendChild(el("span", s ? words.section(s) : ui("noSection")));
        item.appendChild(el("span", r.seen + "/" + r.total, "meta"));
        list.appendChild(item);
      });
    }

    return function render(changed) {
      if (changed.mode && state.mode !== "map" && touring) { touring = false; card.hidden = true; }
      if (changed.visited) {
        var visited = Array.from(state.visited);
        var at = touring && state.selected ? state.selected : null;
        if (!changed.reset) {
          progress.update(function (r) {
            var all = new Set(r.visited);
            visited.forEach(function (id) { all.add(id); });
            r.visited = Array.from(all).sort();
            if (at) { r.tourAt = at; }
          });
        }
      }
      if (changed.selection || changed.language || changed.visited || changed.mode) { renderProgress(); }
      if (touring && (changed.selection || changed.language)) { renderCard(); }
      if (touring && changed.selection) { place(); }
    };
  }

  return { bySection: bySection, mount: mount };
}());
