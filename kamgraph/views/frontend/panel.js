/* The details panel of the selected concept: labels in every language, category,
   definitions, origin and reference, the source passage with the concept's own lines
   marked, and its relations as sentences both ways, each a link. Also the status line
   that announces the selection to screen readers. */
kamgraph.panel = (function () {
  var el = kamgraph.dom.el;

  /* "L4–L7, L38" -> [[4, 7], [38, 38]] (pure) */
  function lineRanges(text) {
    var ranges = [];
    String(text || "").split(",").forEach(function (part) {
      var found = part.match(/L?(\d+)(?:\s*[–-]\s*L?(\d+))?/);
      if (found) { ranges.push([Number(found[1]), Number(found[2] || found[1])]); }
    });
    return ranges;
  }
  function inRanges(line, ranges) { return ranges.some(function (r) { return line >= r[0] && line <= r[1]; }); }

  /* [[57, 63]] -> "regels 57–63", [[58, 58]] -> "regel 58", [[31, 31], [46, 46]] -> "regels 31, 46" (pure);
     ``ui`` gives the words "line" and "lines" in the page's language. */
  function lineText(ranges, ui) {
    if (!ranges.length) { return ""; }
    var one = ranges.length === 1 && ranges[0][0] === ranges[0][1];
    return (one ? ui("line") : ui("lines")) + " " + ranges.map(function (r) {
      return r[0] === r[1] ? String(r[0]) : r[0] + "–" + r[1];
    }).join(", ");
  }

  function mount(app) {
    var model = app.model, state = app.state, store = app.store, words = app.words, ui = app.ui;
    var title = document.getElementById("details-title");
    var body = document.getElementById("details-body");
    var status = document.getElementById("status");

    function withLanguage(node, language) { return kamgraph.dom.withLanguage(node, language, state.lang); }

    function conceptLink(c) {
      var link = el("a", words.concept(c));
      link.href = app.hashFor(c.id);
      link.addEventListener("click", function (event) { event.preventDefault(); store.select(c.id, { focus: true, history: "push" }); });
      return link;
    }

    function sentence(c, e, isOutgoing) {
      var r = model.relations.get(e.relation);
      var reading = r ? words.pick(isOutgoing ? r.labels : r.inverseLabels, words.pick(r.labels, e.relation)) : e.relation;
      var other = model.concepts.get(isOutgoing ? e.to : e.from);
      var item = el("li");
      var text = el("span", words.concept(c) + " — " + reading + " → ", "sentence");
      text.appendChild(conceptLink(other));
      item.appendChild(text);
      if (e.status) { item.dataset.status = e.status; }
      var key = kamgraph.relationStatus.textKey(e.status);
      if (key) { item.appendChild(el("span", ui(key), "status status-" + e.status)); }
      var evidence = words.pickWithLanguage(e.evidence);
      var lines = lineRanges(e.lines);
      if (evidence[0] || lines.length) {
        var more = el("details", null, "evidence");
        more.appendChild(el("summary", ui("evidence")));
        if (evidence[0]) { more.appendChild(withLanguage(el("q", evidence[0]), evidence[1])); }
        if (lines.length) { more.appendChild(el("span", " (" + lineText(lines, ui) + ")", "meta")); }
        item.appendChild(more);
      }
      return item;
    }

    /* The sections that hold the concept's lines (its own section first), each with those lines marked. */
    function passage(c) {
      var ranges = lineRanges(c.sourceLines);
      var shown = [];
      var own = c.section ? model.sections.get(c.section) : null;
      if (own) { shown.push(own); }
      model.data.sections.forEach(function (s) {
        if (shown.indexOf(s) < 0 && s.firstLine && ranges.some(function (r) { return r[0] <= s.lastLine && r[1] >= s.firstLine; })) {
          shown.push(s);
        }
      });
      var box = el("div", null, "passages");
      shown.forEach(function (s) {
        var figure = el("figure", null, "passage");
        var caption = el("figcaption", words.section(s));
        if (s.firstLine) { caption.appendChild(el("span", " (" + lineText([[s.firstLine, s.lastLine]], ui) + ")", "meta")); }
        figure.appendChild(caption);
        figure.id = "passage-" + (model.data.sections.indexOf(s) + 1);
        figure.dataset.section = s.id;
        figure.tabIndex = -1;
        if (s.text) {
          var quote = el("blockquote");
          var lines = s.text.split("\n");
          var numbered = s.firstLine && lines.length === s.lastLine - s.firstLine + 1;
          lines.forEach(function (line, index) {
            var number = numbered ? s.firstLine + index : null;
            var row = el(number !== null && inRanges(number, ranges) ? "mark" : "span", line, "line");
            if (number !== null) { row.dataset.line = String(number); }
            quote.appendChild(row);
          });
          figure.appendChild(quote);
        }
        box.appendChild(figure);
      });
      return shown.length ? box : null;
    }

    /* Origin (only where the vocabulary says: kamo:origin), the reference, and the concept's lines. The reference
       links to its passage in this page when it is a section of the source; any other link is marked as leaving it. */
    function originLine(c, source) {
      var origin = el("p", null, "origin");
      if (c.origin) {
        origin.appendChild(el("strong", ui("origin") + ": "));
        origin.appendChild(document.createTextNode(c.origin === "beyond-source" ? ui("beyond") : ui("fromSource")));
      }
      var reference = words.pick(c.sourceLabels, c.citation);
      if (reference) {
        origin.appendChild(document.createTextNode((c.origin ? " — " : "") + ui("reference") + ": "));
        var target = c.sourceSection && source ? source.querySelector("[data-section='" + CSS.escape(c.sourceSection) + "']") : null;
        if (target) {
          var inside = el("a", reference, "passage-link");
          inside.href = "#" + target.id;
          inside.addEventListener("click", function (event) {
            event.preventDefault();
            target.scrollIntoView({ block: "start" });
            target.focus({ preventScroll: true });
          });
          origin.appendChild(inside);
        } else if (c.source) {
          var link = el("a", reference, "external");
          link.href = c.source;  // only http(s): checked at build time
          link.rel = "noopener noreferrer external";
          link.target = "_blank";
          link.appendChild(el("span", " ↗ " + ui("outside"), "meta"));
          origin.appendChild(link);
        } else { origin.appendChild(document.createTextNode(reference)); }
        if (c.citation && c.citation !== reference) { origin.appendChild(el("span", " (" + c.citation + ")", "meta")); }
      }
      var ranges = lineRanges(c.sourceLines);
      if (ranges.length) { origin.appendChild(el("span", " · " + lineText(ranges, ui), "meta")); }
      return origin;
    }

    function renderDetails() {
      body.replaceChildren();
      if (!state.selected) { title.textContent = ui("concept"); title.removeAttribute("lang"); body.appendChild(el("p", ui("pick"), "meta")); return; }
      var c = model.concepts.get(state.selected);
      var label = words.pickWithLanguage(c.labels);
      title.textContent = label[0] === null ? c.localName : label[0];
      withLanguage(title, label[1]);
      if (!label[1] || label[1] === state.lang) { title.removeAttribute("lang"); }

      model.languages.filter(function (l) { return l !== state.lang && c.labels[l]; }).forEach(function (l) {
        var line = el("p", null, "other-language");
        line.appendChild(el("span", l.toUpperCase() + ": ", "meta"));
        line.appendChild(withLanguage(el("span", c.labels[l]), l));
        body.appendChild(line);
      });
      var alternatives = words.pickWithLanguage(c.altLabels);
      if (alternatives[0]) {
        body.appendChild(withLanguage(el("p", ui("also") + ": " + alternatives[0].join(", "), "meta"), alternatives[1]));
      }

      var categoryLine = el("p", null, "category-line");
      var swatch = el("span", null, "swatch");
      swatch.style.backgroundColor = kamgraph.dom.safeColour(c.colour);
      categoryLine.appendChild(swatch);
      categoryLine.appendChild(el("span", ui("category") + ": " + words.category(c.category)));
      body.appendChild(categoryLine);

      var definition = words.pickWithLanguage(c.definitions);
      if (definition[0]) { body.appendChild(withLanguage(el("p", definition[0], "definition"), definition[1])); }
      var scope = words.pickWithLanguage(c.scopeNotes);
      if (scope[0]) {
        scope[0].forEach(function (s) { body.appendChild(withLanguage(el("p", ui("scope") + ": " + s), scope[1])); });
      }
      var standard = words.pickWithLanguage(c.standardDefinitions);
      if (standard[0]) { body.appendChild(withLanguage(el("p", ui("standard") + ": " + standard[0]), standard[1])); }
      /* Editorial text: always under its own marked heading, never styled or worded as the summary's. */
      var explanation = words.pickWithLanguage(c.explanations);
      if (explanation[0]) {
        var note = el("div", null, "explanation editorial");
        note.appendChild(el("p", ui("explanation"), "meta editorial-mark"));
        note.appendChild(withLanguage(el("p", explanation[0]), explanation[1]));
        body.appendChild(note);
      }
      if (!definition[0] && !standard[0] && !explanation[0]) { body.appendChild(el("p", ui("noDefinition"), "meta")); }
      var notes = words.pickWithLanguage(c.editorialNotes);
      if (notes[0]) {
        notes[0].forEach(function (n) { body.appendChild(withLanguage(el("p", ui("editorial") + ": " + n, "note"), notes[1])); });
      }

      var source = passage(c);
      body.appendChild(originLine(c, source));
      if (source) { body.appendChild(el("h3", ui("passage"))); body.appendChild(source); }

      var list = el("ul", null, "sentences");
      (model.links.outgoing.get(c.id) || []).forEach(function (e) { list.appendChild(sentence(c, e, true)); });
      (model.links.incoming.get(c.id) || []).forEach(function (e) { list.appendChild(sentence(c, e, false)); });
      if (list.children.length) { body.appendChild(el("h3", ui("relations"))); body.appendChild(list); }
      var modeLinks = kamgraph.modes.conceptLinks(app, c);
      if (modeLinks) { body.insertBefore(modeLinks, body.firstChild); }
      var findings = kamgraph.draft.section(app, c);
      if (findings) { body.appendChild(findings); }
    }

    return function render(changed) {
      if (changed.selection || changed.language || changed.mode) { renderDetails(); }
      if (changed.selection) {
        status.textContent = state.selected ? ui("selected") + ": " + words.concept(model.concepts.get(state.selected)) : "";
      }
    };
  }

  return { lineRanges: lineRanges, lineText: lineText, mount: mount };
}());
