/* The one state of the page, and the only functions that change it. Every view renders
   from this object; none keeps its own copy of what is visible, selected or translated.
   A transition changes the state, then calls every subscriber with what changed
   (``changed``: selection, language, mode, visibility, focus, outline, visited, reset,
   search) and how it was asked for (``how``: focus — centre the concept; history —
   "push", "replace" or "none" for the address; fit — "category" or "bubbles"). */
kamgraph.store = (function () {
  function create(model, start) {
    var state = {
      lang: start.lang,
      mode: start.mode || "map",
      selected: null,            // concept id or null
      depth: 0,                  // focus: 0 (off) to 3 steps
      outlineMode: "section",    // or "category"
      hiddenCategories: new Set(),
      hiddenRelations: new Set(),
      overview: Boolean(model.overview),
      open: new Set(),           // overview maps: the categories unfolded into their concepts
      visited: new Set(),        // concepts seen (the tour's progress)
      search: { results: [], active: -1, open: false }
    };
    var subscribers = [];

    function emit(changed, how) { subscribers.forEach(function (render) { render(changed, how || {}); }); }

    /* Select a concept (or null). Its category is shown, and unfolded on an overview map. */
    function select(id, how) {
      if (id !== null && !model.concepts.has(id)) { return; }
      var changed = { selection: true };
      state.selected = id;
      if (id) {
        var category = model.concepts.get(id).category;
        if (state.hiddenCategories.has(category)) { state.hiddenCategories.delete(category); changed.visibility = true; }
        if (state.overview && !state.open.has(category)) { state.open.add(category); changed.visibility = true; }
        state.visited.add(id);
        changed.visited = true;
      }
      emit(changed, how);
    }

    function setLanguage(lang, how) {
      if (model.languages.indexOf(lang) < 0) { return; }
      state.lang = lang;
      emit({ language: true }, how);
    }

    function setMode(mode, how) {
      if (kamgraph.routing.MODES.indexOf(mode) < 0) { mode = "map"; }
      if (mode === state.mode) { return; }
      state.mode = mode;
      emit({ mode: true }, how);
    }

    function toggleCategory(id) {
      if (state.hiddenCategories.has(id)) { state.hiddenCategories.delete(id); } else { state.hiddenCategories.add(id); }
      emit({ visibility: true });
    }

    function showRelation(id, shown) {
      if (shown) { state.hiddenRelations.delete(id); } else { state.hiddenRelations.add(id); }
      emit({ visibility: true });
    }

    function showAll() {
      state.hiddenCategories.clear();
      state.hiddenRelations.clear();
      emit({ visibility: true });
    }

    function setDepth(depth) {
      state.depth = Math.max(0, Math.min(3, Number(depth) || 0));
      emit({ focus: true });
    }

    function setOutlineMode(mode) {
      state.outlineMode = mode === "category" ? "category" : "section";
      emit({ outline: true });
    }

    /* Overview maps: unfold one category's bubble into its concepts, or fold them all back. */
    function unfold(category) {
      if (!state.overview || state.open.has(category)) { return; }
      state.open.add(category);
      emit({ visibility: true }, { fit: "category", category: category });
    }

    function foldAll() {
      if (!state.overview) { return; }
      state.open.clear();
      emit({ visibility: true }, { fit: "bubbles" });
    }

    /* The tour's progress: concepts seen before (read from storage at start-up), and a fresh start. */
    function restoreVisited(ids) { ids.forEach(function (id) { if (model.concepts.has(id)) { state.visited.add(id); } }); }

    function resetVisited() {
      state.visited.clear();
      if (state.selected) { state.visited.add(state.selected); }
      emit({ visited: true, reset: true });
    }

    /* The search popup: its results, the highlighted one (-1: none), and whether it is open. */
    function setSearch(results, active, open) {
      state.search = { results: results, active: active, open: open !== false };
      emit({ search: true });
    }

    return {
      state: state,
      subscribe: function (render) { subscribers.push(render); },
      emit: emit,
      select: select, setLanguage: setLanguage, setMode: setMode,
      toggleCategory: toggleCategory, showRelation: showRelation, showAll: showAll, setDepth: setDepth,
      setOutlineMode: setOutlineMode, unfold: unfold, foldAll: foldAll,
      restoreVisited: restoreVisited, resetVisited: resetVisited, setSearch: setSearch
    };
  }

  return { create: create };
}());
