/* The page data (the JSON island, in its wire form: decoded here), read once and narrowed to the
   address's topic, with the indexes every view looks things up in. Nothing here changes after start-up. */
kamgraph.model = (function () {
  function create(wire, topicName) {
    var whole = kamgraph.wire.decode(wire);
    var data = kamgraph.topics.scope(whole, topicName);
    var topic = data === whole ? null : kamgraph.topics.find(whole, topicName);
    var concepts = new Map(data.concepts.map(function (c) { return [c.id, c]; }));
    var byLocalName = new Map();
    data.concepts.forEach(function (c) { if (!byLocalName.has(c.localName)) { byLocalName.set(c.localName, c.id); } });
    var members = new Map();  // category id -> its concepts' ids, sorted
    data.concepts.forEach(function (c) { (members.get(c.category) || members.set(c.category, []).get(c.category)).push(c.id); });
    members.forEach(function (ids) { ids.sort(); });
    var relationCounts = new Map();
    data.edges.forEach(function (e) { relationCounts.set(e.relation, (relationCounts.get(e.relation) || 0) + 1); });

    return {
      data: data,
      whole: whole,                          // the page data as the build wrote it (every topic)
      topic: topic ? topic.name : null,      // the topic shown, or null: the whole map
      languages: data.languages.length ? data.languages : ["en"],
      concepts: concepts,
      categories: new Map(data.categories.map(function (c) { return [c.id, c]; })),
      relations: new Map(data.relationTypes.map(function (r) { return [r.id, r]; })),
      sections: new Map(data.sections.map(function (s) { return [s.id, s]; })),
      order: data.concepts.map(function (c) { return c.id; }),  // the summary's reading order
      links: kamgraph.graph.adjacency(data.edges),
      members: members,
      relationCounts: relationCounts,
      overview: data.overview || null,
      /* A concept named in an address: its local name, or its id where the local name is shared. */
      resolve: function (name) { return byLocalName.get(name) || (concepts.has(name) ? name : null); },
      routeName: function (id) { var c = concepts.get(id); return byLocalName.get(c.localName) === id ? c.localName : id; }
    };
  }

  return { create: create };
}());
