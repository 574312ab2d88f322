/* What the map draws, decided here and nowhere else: pure functions of the state.
   A concept is drawn when the legend does not hide its category and, on an overview map,
   while its category is unfolded; a category's bubble is drawn while it is folded (and
   not hidden); a relation when its type is not switched off and both ends are drawn. */
kamgraph.visibility = (function () {
  function membersDrawn(state, category) {
    return !state.hiddenCategories.has(category) && (!state.overview || state.open.has(category));
  }

  function bubbleDrawn(state, category) {
    return state.overview && !state.hiddenCategories.has(category) && !state.open.has(category);
  }

  /* A map item: a concept ({category}) or an overview bubble ({bubble: true, category}). */
  function nodeDrawn(state, item) {
    return item.bubble ? bubbleDrawn(state, item.category) : membersDrawn(state, item.category);
  }

  function conceptDrawn(state, concept) { return Boolean(concept) && membersDrawn(state, concept.category); }

  /* ``concepts``: id -> concept row. */
  function edgeDrawn(state, edge, concepts) {
    return !state.hiddenRelations.has(edge.relation) && conceptDrawn(state, concepts.get(edge.from))
      && conceptDrawn(state, concepts.get(edge.to));
  }

  /* Has the reader switched anything off (the "Show all" button is offered then)? */
  function filtered(state) { return state.hiddenCategories.size > 0 || state.hiddenRelations.size > 0; }

  return { membersDrawn: membersDrawn, bubbleDrawn: bubbleDrawn, nodeDrawn: nodeDrawn, conceptDrawn: conceptDrawn,
           edgeDrawn: edgeDrawn, filtered: filtered };
}());
