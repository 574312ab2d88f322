/* The relations as a graph (pure): who links to whom, and who is near whom. */
kamgraph.graph = (function () {
  /* {outgoing, incoming}: concept id -> its edges, in the order given. */
  function adjacency(edges) {
    var outgoing = new Map(), incoming = new Map();
    edges.forEach(function (e) {
      (outgoing.get(e.from) || outgoing.set(e.from, []).get(e.from)).push(e);
      (incoming.get(e.to) || incoming.set(e.to, []).get(e.to)).push(e);
    });
    return { outgoing: outgoing, incoming: incoming };
  }

  /* Concepts within ``depth`` steps of ``id``, either direction, over edges ``allowed(edge)`` accepts. */
  function neighbourhood(links, id, depth, allowed) {
    var near = new Set([id]), frontier = [id];
    for (var step = 0; step < depth; step++) {
      var next = [];
      frontier.forEach(function (current) {
        (links.outgoing.get(current) || []).concat(links.incoming.get(current) || []).forEach(function (e) {
          if (allowed && !allowed(e)) { return; }
          var other = e.from === current ? e.to : e.from;
          if (!near.has(other)) { near.add(other); next.push(other); }
        });
      });
      frontier = next;
    }
    return near;
  }

  return { adjacency: adjacency, neighbourhood: neighbourhood };
}());
