/* Label fall-back (pure): a value in the current language, then in the page's other
   languages in order, then untagged, then in any language at all, then the caller's
   fall-back (for a concept: its local name) — never a blank. */
kamgraph.labels = (function () {
  var has = Object.prototype.hasOwnProperty;

  function present(value) { return typeof value === "string" ? value.trim() : (value && value.length); }

  /* [value, its language] or [null, ""]. ``values`` maps language tags to a string or a list. */
  function pickWithLanguage(values, lang, languages) {
    values = values || {};
    var tried = [lang].concat(languages || [], [""]);
    for (var i = 0; i < tried.length; i++) {
      var value = values[tried[i]];
      if (present(value)) { return [value, tried[i]]; }
    }
    for (var key in values) {
      if (has.call(values, key) && values[key] && values[key].length) { return [values[key], key]; }
    }
    return [null, ""];
  }

  function pick(values, lang, languages, fallback) {
    var found = pickWithLanguage(values, lang, languages)[0];
    return found === null ? fallback : found;
  }

  function concept(c, lang, languages) { return pick(c.labels, lang, languages, c.localName); }

  function category(cat, id, lang, languages) { return cat ? pick(cat.labels, lang, languages, cat.localName || id) : id; }

  function section(s, lang, languages) {
    var heading = pick(s.labels, lang, languages, s.id);
    return s.number !== null && s.number !== undefined ? s.number + ". " + heading : heading;
  }

  /* The same functions bound to a state's current language (what the views use). */
  function forState(state, model) {
    var languages = model.languages;
    return {
      pickWithLanguage: function (values) { return pickWithLanguage(values, state.lang, languages); },
      pick: function (values, fallback) { return pick(values, state.lang, languages, fallback); },
      concept: function (c) { return concept(c, state.lang, languages); },
      category: function (id) { return category(model.categories.get(id), id, state.lang, languages); },
      section: function (s) { return section(s, state.lang, languages); }
    };
  }

  return { pickWithLanguage: pickWithLanguage, pick: pick, concept: concept, category: category, section: section,
           forState: forState };
}());
