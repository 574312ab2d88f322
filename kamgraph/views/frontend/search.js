/* Search: every label and synonym in every language, then definitions and notes; case and
   accents ignored, typos forgiven, ranked (labels first); shown as an ARIA combobox with a
   listbox popup. */
kamgraph.search = (function () {
  var LIMIT = 15;
  var TEXT_FIELDS = ["definitions", "scopeNotes", "standardDefinitions", "editorialNotes"];

  /* Search key: decomposed, combining marks removed, lower case ("Één" -> "een"). Pure. */
  function fold(text) { return String(text).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase(); }

  /* How many typos a query of this length forgives: none up to 3 letters, one up to 7, then two; a
     word matches with typos only from its first letter. Pure. */
  function allowance(length) { return length < 4 ? 0 : length < 8 ? 1 : 2; }

  /* The fewest edits (insert, delete, replace, swap two neighbours) that turn ``query`` into the start
     of ``word`` ("prijszeting" -> "prijszettingsmethode": 1), giving up above ``limit``. Pure. */
  function prefixDistance(query, word, limit) {
    var m = query.length, n = Math.min(word.length, m + limit);
    var before = null, previous = [], row, i, j;
    for (j = 0; j <= n; j++) { previous.push(j); }
    for (i = 1; i <= m; i++) {
      row = [i];
      var smallest = i;
      for (j = 1; j <= n; j++) {
        var cost = query.charAt(i - 1) === word.charAt(j - 1) ? 0 : 1;
        var value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
        if (before && i > 1 && j > 1 && query.charAt(i - 1) === word.charAt(j - 2) && query.charAt(i - 2) === word.charAt(j - 1)) {
          value = Math.min(value, before[j - 2] + 1);
        }
        row.push(value);
        if (value < smallest) { smallest = value; }
      }
      if (smallest > limit) { return limit + 1; }
      before = previous;
      previous = row;
    }
    return Math.min.apply(null, previous.slice(Math.max(0, m - limit)));
  }

  /* One entry per concept, in the given (reading) order: its labels and synonyms, then its
     definitions and notes, each with its search key and words. Pure. */
  function buildIndex(concepts) {
    return concepts.map(function (c) {
      var terms = [];
      Object.keys(c.labels || {}).forEach(function (l) { terms.push({ text: c.labels[l], lang: l, pref: true, kind: "label" }); });
      Object.keys(c.altLabels || {}).forEach(function (l) {
        c.altLabels[l].forEach(function (t) { terms.push({ text: t, lang: l, pref: false, kind: "label" }); });
      });
      TEXT_FIELDS.forEach(function (field) {
        var values = c[field] || {};
        Object.keys(values).forEach(function (l) {
          [].concat(values[l]).forEach(function (t) { if (t) { terms.push({ text: t, lang: l, pref: false, kind: "text" }); } });
        });
      });
      terms.forEach(function (t) {
        t.key = fold(t.text);
        t.words = t.key.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      });
      return { id: c.id, terms: terms };
    });
  }

  /* A piece of ``text`` around where ``key`` matched it, for the result list. Pure. */
  function snippet(text, at, length) {
    var start = Math.max(0, at - 30), end = Math.min(text.length, at + length + 50);
    return (start ? "…" : "") + text.slice(start, end).trim() + (end < text.length ? "…" : "");
  }

  /* How well one term matches: [score, shown text] or null. Lower is better: labels before
     definitions and notes; within each, an exact substring (at the start of the term, of a
     word, inside a word) before a match with typos; preferred before alternative labels,
     the current language before others. Pure. */
  function termScore(t, key, lang) {
    var tier = t.kind === "label" ? 0 : 40;
    var at = t.key.indexOf(key), score = null;
    if (at >= 0) { score = (at === 0 ? 0 : /[^\p{L}\p{N}]/u.test(t.key.charAt(at - 1)) ? 1 : 2) * 4; }
    else {
      var limit = allowance(key.length);
      if (!limit || /[\s\d]/.test(key)) { return null; }  // numbers and phrases are meant as typed
      var typos = limit + 1;
      for (var w = 0; w < t.words.length && typos > 0; w++) {
        if (t.words[w].charAt(0) !== key.charAt(0)) { continue; }  // a typo seldom hits the first letter
        typos = Math.min(typos, prefixDistance(key, t.words[w], limit));
      }
      if (typos > limit) { return null; }
      score = 12 + typos * 4;
    }
    score += tier + (t.pref ? 0 : 2) + (t.lang === lang ? 0 : 1);
    return [score, t.kind === "text" ? snippet(t.text, Math.max(0, at), key.length) : t.text];
  }

  /* The best matches for ``query``: [{id, rank, term, position}], best first, at most 15;
     ``term`` is {text, lang, kind} of the matching label or a snippet of the matching text.
     Ties keep the index's order. Pure. */
  function rank(index, query, lang) {
    var key = fold(query).trim();
    if (!key) { return []; }
    var found = [];
    index.forEach(function (entry, position) {
      var best = null;
      entry.terms.forEach(function (t) {
        var scored = termScore(t, key, lang);
        if (scored && (!best || scored[0] < best.rank)) {
          best = { rank: scored[0], term: { text: scored[1], lang: t.lang, kind: t.kind } };
        }
      });
      if (best) { found.push({ id: entry.id, rank: best.rank, term: best.term, position: position }); }
    });
    found.sort(function (a, b) { return a.rank - b.rank || a.position - b.position; });
    return found.slice(0, LIMIT);
  }

  function mount(app) {
    var model = app.model, state = app.state, store = app.store, words = app.words;
    var el = kamgraph.dom.el;
    var index = null;  // built on the first query: a page opened to be read, not searched, never pays for it
    var input = document.getElementById("search");
    var list = document.getElementById("search-results");

    function find() {
      if (!index) { index = buildIndex(model.data.concepts); }
      return rank(index, input.value, state.lang);
    }

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
          var shown = r.term.kind === "text" ? " — " + app.ui("inSearch") + ": " + r.term.text : " — " + r.term.text;
          option.appendChild(kamgraph.dom.withLanguage(el("span", shown, "meta"), r.term.lang, state.lang));
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

  return { fold: fold, prefixDistance: prefixDistance, buildIndex: buildIndex, rank: rank, mount: mount };
}());
