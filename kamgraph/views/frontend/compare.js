/* Compare mode: a concept's members side by side — label, explanation, notes, source lines,
   relations. The members are its narrower concepts (relation types of kind broader or
   narrower, as the ontology declares them); where they, or the concept itself, lie on a
   sequence (a relation type the ontology marks kamo:SequenceProperty, ``sequence`` in the
   page data), they are shown in its order as a timeline. A concept with neither compares
   the members of its broader concept, itself among them. */
kamgraph.compare = (function () {
  var el = kamgraph.dom.el;

  var kindsOf = new WeakMap();  // model -> relation type id -> relation type row (built once per model)
  function relationKinds(model) {
    if (!kindsOf.has(model)) {
      var kinds = new Map();
      model.data.relationTypes.forEach(function (r) { kinds.set(r.id, r); });
      kindsOf.set(model, kinds);
    }
    return kindsOf.get(model);
  }

  /* Narrower concepts of ``id`` (ids, in reading order). Pure over the model. */
  function narrower(model, id) {
    var kinds = relationKinds(model), found = new Set();
    (model.links.incoming.get(id) || []).forEach(function (e) {
      var r = kinds.get(e.relation);
      if (r && r.kind === "broader") { found.add(e.from); }
    });
    (model.links.outgoing.get(id) || []).forEach(function (e) {
      var r = kinds.get(e.relation);
      if (r && r.kind === "narrower") { found.add(e.to); }
    });
    return inReadingOrder(model, Array.from(found));
  }

  var positionsOf = new WeakMap();  // model -> concept id -> its place in the reading order
  function inReadingOrder(model, ids) {
    if (!positionsOf.has(model)) { positionsOf.set(model, new Map(model.order.map(function (id, i) { return [id, i]; }))); }
    var at = positionsOf.get(model);
    return ids.filter(function (id) { return at.has(id); }).sort(function (a, b) { return at.get(a) - at.get(b); });
  }

  function broader(model, id) {
    var kinds = relationKinds(model), found = [];
    (model.links.outgoing.get(id) || []).forEach(function (e) {
      var r = kinds.get(e.relation);
      if (r && r.kind === "broader") { found.push(e.to); }
    });
    (model.links.incoming.get(id) || []).forEach(function (e) {
      var r = kinds.get(e.relation);
      if (r && r.kind === "narrower") { found.push(e.from); }
    });
    return found.filter(function (c) { return model.concepts.has(c); });
  }

  function isSequenceEdge(model, e) { var r = relationKinds(model).get(e.relation); return Boolean(r && r.sequence); }

  /* The whole sequence ``id`` lies on (ids, first to last), or [id] alone. Pure over the model. */
  function chain(model, id) {
    function step(current, forward) {
      var list = forward ? model.links.outgoing.get(current) : model.links.incoming.get(current);
      var e = (list || []).find(function (x) { return isSequenceEdge(model, x) && model.concepts.has(forward ? x.to : x.from); });
      return e ? (forward ? e.to : e.from) : null;
    }
    var seen = new Set([id]), start = id, back;
    while ((back = step(start, false)) && !seen.has(back)) { seen.add(back); start = back; }
    var ordered = [start], next, at = start, walked = new Set([start]);
    while ((next = step(at, true)) && !walked.has(next)) { walked.add(next); ordered.push(next); at = next; }
    return ordered;
  }

  /* ``members`` put in sequence order where they form one sequence; null otherwise. */
  function asSequence(model, members) {
    if (members.length < 2) { return null; }
    var line = chain(model, members[0]);
    var all = members.every(function (m) { return line.indexOf(m) >= 0; });
    return all && line.length === members.length ? line : null;
  }

  /* What Compare shows for ``id``: {kind: "group" | "timeline", about, members, focus}, or null. Pure over the model. */
  function comparison(model, id) {
    if (!id || !model.concepts.has(id)) { return null; }
    var members = narrower(model, id);
    if (members.length >= 2) {
      var ordered = asSequence(model, members);
      return { kind: ordered ? "timeline" : "group", about: id, members: ordered || members, focus: null };
    }
    var line = chain(model, id);
    if (line.length >= 2) {  // under the broader concept all its steps share, if any
      var shared = broader(model, line[0]).filter(function (p) {
        return line.every(function (m) { return broader(model, m).indexOf(p) >= 0; });
      });
      return { kind: "timeline", about: shared[0] || null, members: line, focus: id };
    }
    var parent = broader(model, id).find(function (p) { return narrower(model, p).length >= 2; });
    if (parent) {
      var siblings = narrower(model, parent);
      return { kind: asSequence(model, siblings) ? "timeline" : "group", about: parent,
               members: asSequence(model, siblings) || siblings, focus: id };
    }
    return null;
  }

  /* Every concept worth comparing: with two or more narrower concepts, or starting a sequence. */
  function candidates(model) {
    var sequences = model.data.relationTypes.some(function (r) { return r.sequence; });
    return model.order.filter(function (id) {
      if (narrower(model, id).length >= 2) { return true; }
      if (!sequences) { return false; }
      var line = chain(model, id);
      return line[0] === id && line.length >= 2;
    });
  }

  function mount(app) {
    var model = app.model, state = app.state, words = app.words, ui = app.ui;
    var root = document.getElementById("compare");

    function withLanguage(node, language) { return kamgraph.dom.withLanguage(node, language, state.lang); }

    function relationLine(c, e, outgoing, hidden) {
      var other = outgoing ? e.to : e.from;
      if (hidden.has(other) || !model.concepts.has(other)) { return null; }
      var r = model.relations.get(e.relation);
      var reading = r ? words.pick(outgoing ? r.labels : r.inverseLabels, words.pick(r.labels, e.relation)) : e.relation;
      var item = el("li", reading + " ");
      item.appendChild(kamgraph.modes.link(app, words.concept(model.concepts.get(other)), "compare", other));
      if (e.status) { item.dataset.status = e.status; }
      return item;
    }

    function card(id, shown) {
      var c = model.concepts.get(id);
      var box = el("article", null, "compare-card");
      box.dataset.concept = id;
      if (id === shown.focus) { box.classList.add("focus"); }
      var heading = el("h3");
      var swatch = el("span", null, "swatch");
      swatch.style.backgroundColor = kamgraph.dom.safeColour(c.colour);
      heading.appendChild(swatch);
      var label = words.pickWithLanguage(c.labels);
      heading.appendChild(withLanguage(kamgraph.modes.link(app, label[0] === null ? c.localName : label[0], "map", id), label[1]));
      box.appendChild(heading);
      box.appendChild(el("p", ui("category") + ": " + words.category(c.category), "meta"));
      var definition = words.pickWithLanguage(c.definitions);
      var explanation = words.pickWithLanguage(c.explanations);
      if (definition[0]) { box.appendChild(withLanguage(el("p", definition[0], "definition"), definition[1])); }
      else if (!explanation[0]) { box.appendChild(el("p", ui("noDefinition"), "meta")); }
      if (explanation[0]) {  // the editors' explanation, marked as such (as in the details panel)
        var note = el("div", null, "explanation editorial");
        note.appendChild(el("p", ui("explanation"), "meta editorial-mark"));
        note.appendChild(withLanguage(el("p", explanation[0]), explanation[1]));
        box.appendChild(note);
      }
      [["scopeNotes", "scope"], ["editorialNotes", "editorial"]].forEach(function (pair) {
        var notes = words.pickWithLanguage(c[pair[0]]);
        (notes[0] || []).forEach(function (n) { box.appendChild(withLanguage(el("p", ui(pair[1]) + ": " + n, "note"), notes[1])); });
      });
      var standard = words.pickWithLanguage(c.standardDefinitions);
      if (standard[0]) { box.appendChild(withLanguage(el("p", ui("standard") + ": " + standard[0], "note beyond"), standard[1])); }
      var origin = c.origin === "beyond-source" ? ui("beyond") : ui("fromSource");
      var ranges = kamgraph.panel.lineRanges(c.sourceLines);
      var lines = ranges.length ? " · " + kamgraph.panel.lineText(ranges, ui) : "";
      var source = el("p", origin + lines, "meta source-line");
      if (kamgraph.read.hasText(model, c)) {
        source.appendChild(document.createTextNode(" · "));
        source.appendChild(kamgraph.modes.link(app, ui("readInText"), "read", id));
      }
      box.appendChild(source);
      var hidden = new Set(shown.members.concat(shown.about ? [shown.about] : []));
      var list = el("ul", null, "compare-relations");
      (model.links.outgoing.get(id) || []).forEach(function (e) { var i = relationLine(c, e, true, hidden); if (i) { list.appendChild(i); } });
      (model.links.incoming.get(id) || []).forEach(function (e) { var i = relationLine(c, e, false, hidden); if (i) { list.appendChild(i); } });
      if (list.children.length) { box.appendChild(el("h4", ui("relations"))); box.appendChild(list); }
      return box;
    }

    function renderPicker(intro) {
      if (intro) { root.appendChild(el("p", intro, "meta")); }
      root.appendChild(el("p", ui("comparePick")));
      var list = el("ul", null, "compare-picker");
      candidates(model).forEach(function (id) {
        var item = el("li");
        item.appendChild(kamgraph.modes.link(app, words.concept(model.concepts.get(id)), "compare", id));
        list.appendChild(item);
      });
      root.appendChild(list);
    }

    function renderComparison() {
      root.replaceChildren();
      var shown = comparison(model, state.selected);
      if (!shown) {
        root.appendChild(el("h2", ui("modeCompare")));
        renderPicker(state.selected ? ui("compareNothing") : null);
        return;
      }
      var title = shown.kind === "timeline" ? ui("compareTimeline") : ui("compareGroup");
      var first = words.concept(model.concepts.get(shown.members[0]));
      var last = words.concept(model.concepts.get(shown.members[shown.members.length - 1]));
      var about = shown.about ? words.concept(model.concepts.get(shown.about)) : null;
      var heading = el("h2", title + ": " + (shown.kind === "timeline" ? (about ? about + ", " : "") + first + " → " + last : about));
      root.appendChild(heading);
      var row = el("ol", null, "compare-row " + shown.kind);
      row.style.setProperty("--columns", String(shown.members.length));
      shown.members.forEach(function (id, index) {
        var item = el("li");
        item.appendChild(card(id, shown));
        var next = shown.members[index + 1];
        var link = next && shown.kind === "timeline" ? (model.links.outgoing.get(id) || []).find(function (e) {
          return e.to === next && isSequenceEdge(model, e);
        }) : null;
        if (link) {  // the sequence relation's own reading, e.g. "wordt gevolgd door"
          var r = model.relations.get(link.relation);
          item.appendChild(el("span", "→ " + words.pick(r.labels, link.relation), "timeline-step"));
        }
        row.appendChild(item);
      });
      root.appendChild(row);
    }

    return function render(changed) {
      if (state.mode !== "compare") { return; }
      if (changed.selection || changed.mode || changed.language) { renderComparison(); }
    };
  }

  return { narrower: narrower, chain: chain, comparison: comparison, candidates: candidates, mount: mount };
}());
