/* Topic views: the whole map's page shows one category's focused map at #topic=<name>,
   its concepts and their direct neighbours (either direction), the relations among them,
   laid out on their own at build time (the topic's ``positions``). The page data is
   narrowed once at start-up, before any view reads it, so every view (legend counts,
   relation types, outline, tour, search) sees just the topic, as on a page of its own. */
kamgraph.topics = (function () {
  /* The topic of ``data`` called ``name``, or null. Pure. */
  function find(data, name) {
    return (data.topics || []).find(function (t) { return t.name === name; }) || null;
  }

  /* ``data`` narrowed to the topic ``name`` (``data`` itself when there is no such topic). Pure. */
  function scope(data, name) {
    var topic = name ? find(data, name) : null;
    if (!topic) { return data; }
    var members = new Set(data.concepts.filter(function (c) { return c.category === topic.category; })
      .map(function (c) { return c.id; }));
    var kept = new Set(members);
    data.edges.forEach(function (e) {
      if (members.has(e.from)) { kept.add(e.to); }
      if (members.has(e.to)) { kept.add(e.from); }
    });
    var concepts = data.concepts.filter(function (c) { return kept.has(c.id); }).map(function (c) {
      var at = topic.positions[c.id];
      return Object.assign({}, c, { x: at[0], y: at[1] });
    });
    var edges = data.edges.filter(function (e) { return kept.has(e.from) && kept.has(e.to); });
    var counts = new Map();
    concepts.forEach(function (c) { counts.set(c.category, (counts.get(c.category) || 0) + 1); });
    var used = new Set(edges.map(function (e) { return e.relation; }));
    return Object.assign({}, data, {
      scope: topic.category,
      concepts: concepts,
      edges: edges,
      categories: data.categories.filter(function (c) { return counts.has(c.id); }).map(function (c) {
        return Object.assign({}, c, { count: counts.get(c.id) });
      }),
      relationTypes: data.relationTypes.filter(function (r) { return used.has(r.id); }),
      practise: (data.practise || []).filter(function (q) {  // as kamgraph.views.practise.shown_questions
        var options = q.options || [];
        return kept.has(q.concept) && (q.relation === undefined || used.has(q.relation)) &&
          options.every(function (o) { return q.kind === "category" ? counts.has(o) : kept.has(o); });
      })
    });
  }

  return { find: find, scope: scope };
}());
