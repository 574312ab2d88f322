/* What a student has done, kept in localStorage: one versioned record per vocabulary, under
   "kamgraph.study.v1:<vocabulary>" (page data ``vocabulary``: the same for every language,
   topic view and focused page of one vocabulary, so none of them overwrites another's):
     {version: 1, visited: [concept id, …], tourAt: concept id | null,
      step: answers given, cards: {question id: [Leitner box 1–5, step last answered, times right]}}
   Every change re-reads the record and writes it back at once, so two pages open side by
   side merge instead of overwriting. The tour's older list ("kamgraph.visited:<title>") is
   read once into ``visited``. Without localStorage progress lives for one visit. */
kamgraph.progress = (function () {
  var VERSION = 1;
  var PREFIX = "kamgraph.study.v" + VERSION + ":";
  var LEGACY_PREFIX = "kamgraph.visited:";

  function empty() { return { version: VERSION, visited: [], tourAt: null, step: 0, cards: {} }; }

  /* A stored value made safe to use: wrong shapes and other versions read as empty. Pure. */
  function normalise(value) {
    var record = empty();
    if (!value || typeof value !== "object" || value.version !== VERSION) { return record; }
    if (Array.isArray(value.visited)) { record.visited = value.visited.filter(function (id) { return typeof id === "string"; }); }
    if (typeof value.tourAt === "string") { record.tourAt = value.tourAt; }
    if (typeof value.step === "number" && value.step >= 0) { record.step = Math.floor(value.step); }
    if (value.cards && typeof value.cards === "object") {
      Object.keys(value.cards).forEach(function (id) {
        var card = value.cards[id];
        if (Array.isArray(card) && card.length === 3 && card.every(function (n) { return typeof n === "number"; })) {
          record.cards[id] = [Math.max(1, Math.min(5, card[0])), card[1], card[2]];
        }
      });
    }
    return record;
  }

  function open(model) {
    var storage = kamgraph.dom.storage();
    var key = PREFIX + (model.data.vocabulary || "kamgraph");
    var memory = empty();  // used when the browser blocks storage

    function read() {
      if (!storage) { return memory; }
      try { return normalise(JSON.parse(storage.getItem(key) || "null")); } catch (error) { return empty(); }
    }

    /* Re-read, let ``change`` edit the record, write it back. */
    function update(change) {
      var record = read();
      change(record);
      if (!storage) { memory = record; return record; }
      try { storage.setItem(key, JSON.stringify(record)); } catch (error) { memory = record; }
      return record;
    }

    /* The tour's list from before this record existed (under the title in some language). */
    function legacyVisited() {
      if (!storage) { return []; }
      var found = [];
      Object.keys(model.data.title || {}).forEach(function (lang) {
        try {
          var list = JSON.parse(storage.getItem(LEGACY_PREFIX + model.data.title[lang]) || "[]");
          if (Array.isArray(list)) { found = found.concat(list); }
        } catch (error) { /* unreadable: ignore */ }
      });
      return found;
    }

    return { key: key, read: read, update: update, legacyVisited: legacyVisited, persistent: Boolean(storage) };
  }

  return { VERSION: VERSION, PREFIX: PREFIX, normalise: normalise, empty: empty, open: open };
}());
