/* Read mode: the source itself, section by section, verbatim (the section texts of the page
   data), with every mention of a concept (its labels and alternative labels in any language,
   whole words, longest first) a link that opens the concept in the panel, and each section's
   concepts listed under it, so every concept of the text is reachable from it. Coming from a
   concept (#mode=read&concept=…), its own source lines are marked and scrolled into view. */
kamgraph.read = (function () {
  var el = kamgraph.dom.el;
  var MIN_TERM = 3;  // shorter labels ("IT") would link parts of ordinary words' neighbours

  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  /* {pattern, byTerm}: one case-insensitive whole-word pattern over every concept's labels,
     and the concept each lower-cased term opens (the first in reading order). Pure. */
  function matcher(concepts) {
    var byTerm = new Map();
    concepts.forEach(function (c) {
      var terms = [];
      Object.keys(c.labels || {}).forEach(function (l) { terms.push(c.labels[l]); });
      Object.keys(c.altLabels || {}).forEach(function (l) { terms = terms.concat(c.altLabels[l] || []); });
      terms.forEach(function (term) {
        var key = String(term || "").trim().toLowerCase();
        if (key.length >= MIN_TERM && !byTerm.has(key)) { byTerm.set(key, c.id); }
      });
    });
    var keys = Array.from(byTerm.keys()).sort(function (a, b) { return b.length - a.length || (a < b ? -1 : 1); });
    var pattern = keys.length ? new RegExp("(?<![\\p{L}\\p{N}])(?:" + keys.map(escapeRegExp).join("|") + ")(?![\\p{L}\\p{N}])", "giu") : null;
    return { pattern: pattern, byTerm: byTerm };
  }

  /* ``line`` cut into [text, concept id or null] pieces at the mentions ``found`` matches. Pure. */
  function mentions(line, found) {
    var pieces = [], at = 0;
    if (!found.pattern) { return [[line, null]]; }
    found.pattern.lastIndex = 0;
    var match;
    while ((match = found.pattern.exec(line)) !== null) {
      if (match.index > at) { pieces.push([line.slice(at, match.index), null]); }
      pieces.push([match[0], found.byTerm.get(match[0].toLowerCase()) || null]);
      at = match.index + match[0].length;
    }
    if (at < line.length) { pieces.push([line.slice(at), null]); }
    return pieces;
  }

  /* Whether the text of ``c``'s section or lines is on the page. */
  function hasText(model, c) {
    var s = c.section ? model.sections.get(c.section) : null;
    return Boolean((s && s.text) || (c.sourceLines && model.data.sections.some(function (x) { return x.text; })));
  }

  function mount(app) {
    var model = app.model, state = app.state, store = app.store, words = app.words, ui = app.ui;
    var root = document.getElementById("read");
    var found = null;  // the mentions' pattern, made on first use (a vocabulary without source text needs none)
    var rendered = false;
    var phone = window.matchMedia("(max-width: 700px)");

    function open(id, from) {
      app.readReturn = from;
      store.select(id, { focus: false, history: "push", from: "read" });
      if (phone.matches) { document.getElementById("details").scrollIntoView({ block: "start" }); }
    }

    function conceptLink(id, text) {
      var c = model.concepts.get(id);
      var a = el("a", text === undefined ? words.concept(c) : text, "mention");
      a.href = kamgraph.routing.format({ concept: model.routeName(id), lang: state.lang, mode: "read", topic: model.topic });
      a.dataset.concept = id;
      a.addEventListener("click", function (event) { event.preventDefault(); open(id, a); });
      return a;
    }

    function renderText() {
      if (!found) { found = matcher(model.data.sections.some(function (s) { return s.text; }) ? model.data.concepts : []); }
      root.replaceChildren();
      root.appendChild(el("h2", ui("modeRead") + ": " + words.pick(model.data.title, "")));
      root.appendChild(el("p", ui("readIntro"), "meta"));
      if (!model.data.sections.length) { root.appendChild(el("p", ui("noText"))); }
      model.data.sections.forEach(function (s) {
        var article = el("article", null, "read-section");
        article.id = "read-" + String(s.number === null || s.number === undefined ? s.id : s.number).replace(/[^A-Za-z0-9_-]/g, "_");
        var heading = el("h3", words.section(s));
        if (s.firstLine) { heading.appendChild(el("span", " (" + kamgraph.panel.lineText([[s.firstLine, s.lastLine]], ui) + ")", "meta")); }
        article.appendChild(heading);
        var lines = String(s.text || "").split("\n");
        var numbered = s.text && s.firstLine && lines.length === s.lastLine - s.firstLine + 1;
        var text = el("div", null, "read-text");
        if (!s.text) { text.appendChild(el("p", ui("noText"), "meta")); }
        else {
          lines.forEach(function (line, index) {
            var row = el("span", null, "line");
            if (numbered) { row.dataset.line = String(s.firstLine + index); }
            mentions(line, found).forEach(function (piece) {
              if (piece[1] && model.concepts.has(piece[1])) { row.appendChild(conceptLink(piece[1], piece[0])); }
              else { row.appendChild(document.createTextNode(piece[0])); }
            });
            text.appendChild(row);
          });
        }
        article.appendChild(text);
        var own = model.data.concepts.filter(function (c) { return c.section === s.id; });
        if (own.length) {
          var list = el("ul", null, "read-concepts");
          own.forEach(function (c) { var item = el("li"); item.appendChild(conceptLink(c.id)); list.appendChild(item); });
          article.appendChild(list);
        }
        root.appendChild(article);
      });
      rendered = true;
    }

    /* The selected concept's own lines marked (and its mentions current); the first one, or null. */
    function mark() {
      var c = state.selected ? model.concepts.get(state.selected) : null;
      var ranges = c ? kamgraph.panel.lineRanges(c.sourceLines) : [];
      var first = null;
      root.querySelectorAll(".line[data-line]").forEach(function (row) {
        var line = Number(row.dataset.line);
        var on = ranges.some(function (r) { return line >= r[0] && line <= r[1]; });
        row.classList.toggle("own", on);
        if (on && !first) { first = row; }
      });
      root.querySelectorAll("a.mention").forEach(function (a) {
        if (c && a.dataset.concept === c.id) { a.setAttribute("aria-current", "true"); } else { a.removeAttribute("aria-current"); }
      });
      return first;
    }

    return function render(changed, how) {
      if (state.mode !== "read") { return; }
      if (!rendered || changed.language) { renderText(); }
      if (changed.selection || changed.mode || changed.language) {
        var first = mark();
        if (first && how.from !== "read") { first.scrollIntoView({ block: "center" }); }
      }
    };
  }

  return { matcher: matcher, mentions: mentions, hasText: hasText, mount: mount };
}());
