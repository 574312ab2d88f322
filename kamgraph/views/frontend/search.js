/* Search: every label and synonym in every language, case and accents ignored, ranked;
   shown as an ARIA combobox with a listbox popup. */
kamgraph.search = (function () {
  var LIMIT = 15;

  /* Search key: decomposed, combining marks removed, lower case ("Één" -> "een"). Pure. */
  function fold(text) { return String(text).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase(); }

  /* One entry per concept, in the given (reading) order: its labels and synonyms with their keys. Pure. */
  function buildIndex(concepts) {
    return concepts.map(function (c) {
      var terms = [];
      Object.keys(c.labels || {}).forEach(function (l) { terms.push({ text: c.labels[l], lang: l, pref: true }); });
      Object.keys(c.altLabels || {}).forEach(function (l) {
        c.altLabels[l].forEach(function (t) { terms.push({ text: t, lang: l, pref: false }); });
      });
      terms.forEach(function (t) { t.key = fold(t.text); });
      return { id: c.id, terms: terms };
    });
  }

  /* The best matches for ``query``: [{id, rank, term, position}], best first, at most 15. Pure.
     Rank, lower is better: where the match starts (the start of the term, of a word, inside
     a word) before whether it is a label or a synonym, before whether it is in ``lang``;
     ties keep the index's order. */
  function rank(index, query, lang) {
    var key = fold(query).trim();
    if (!key) { return []; }
    var found = [];
    index.forEach(function (entry, position) {
      var best = null;
      entry.terms.forEach(function (t) {
        var at = t.key.indexOf(key);
        if (at < 0) { return; }
        var score = (at === 0 ? 0 : /\s|-/.test(t.key.charAt(at - 1)) ? 1 : 2) * 4 + (t.pref ? 0 : 2) + (t.lang === lang ? 0 : 1);
        if (!best || score < best.rank) { best = { rank: score, term: t }; }
      });
      if (best) { found.push({ id: entry.id, rank: best.rank, term: best.term, position: position }); }
    });
    found.sort(function (a, b) { return a.rank - b.rank || a.position - b.position; });
    return found.slice(0, LIMIT);
  }

  function mount(app) {
    var model = app.model, state = app.state, store = app.store, words = app.words;
    var el = kamgraph.dom.el;
    var index = buildIndex(model.data.concepts);
    var input = document.getElementById("search");
    var list = document.getElementById("search-results");

    function find() { return rank(index, input.value, state.lang); }

    function renderResults() {
      var results = state.search.results, active = state.search.active;
      list.replaceChildren();
      results.forEach(function (r, position) {
        var c = model.concepts.get(r.id);
        var option = el("li", null, "result");
        option.id = "search-option-" + position;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", String(position === active));
        option.appendChild(el("span", words.concept(c)));
        if (r.term.text !== words.concept(c)) {
          option.appendChild(kamgraph.dom.withLanguage(el("span", " — " + r.term.text, "meta"), r.term.lang, state.lang));
        }
        option.appendChild(el("span", " · " + words.category(c.category), "meta"));
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { choose(position); });
        list.appendChild(option);
      });
      if (input.value.trim() && !results.length && state.search.open) {
        var none = el("li", app.ui("noResults"), "meta");
        none.setAttribute("role", "option");
        none.setAttribute("aria-disabled", "true");
        list.appendChild(none);
      }
      var open = list.children.length > 0;
      list.hidden = !open;
      input.setAttribute("aria-expanded", String(open));
      if (active >= 0) {
        input.setAttribute("aria-activedescendant", "search-option-" + active);
        list.children[active].scrollIntoView({ block: "nearest" });
      } else { input.removeAttribute("aria-activedescendant"); }
    }

    function close() { store.setSearch([], -1, false); }

    function choose(position) {
      var r = state.search.results[position];
      if (!r) { return; }
      input.value = words.concept(model.concepts.get(r.id));
      close();
      store.select(r.id, { focus: true, history: "push" });
    }

    input.addEventListener("input", function () { store.setSearch(find(), -1); });
    input.addEventListener("keydown", function (event) {
      var results = state.search.results, active = state.search.active;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!results.length) { results = find(); }
        if (!results.length) { return; }
        event.preventDefault();
        var step = event.key === "ArrowDown" ? 1 : -1;
        store.setSearch(results, (active + step + results.length + (active < 0 && step < 0 ? 1 : 0)) % results.length);
      } else if (event.key === "Enter") {
        if (results.length) { event.preventDefault(); choose(active >= 0 ? active : 0); }
      } else if (event.key === "Escape") {
        if (!list.hidden) { event.preventDefault(); close(); } else { input.value = ""; }
      }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 0); });

    return function render(changed) {
      if (changed.language) { input.placeholder = app.ui("searchLabel") + "…"; }
      if (changed.search || (changed.language && state.search.results.length)) { renderResults(); }
    };
  }

  return { fold: fold, buildIndex: buildIndex, rank: rank, mount: mount };
}());
