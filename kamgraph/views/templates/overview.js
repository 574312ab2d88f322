/* kamgraph overview for large maps (page data has an "overview" field when the map has more
   concepts than can be drawn smoothly). The concepts arrive hidden; one bubble per category,
   sized by its count, stands at the centre of its concepts. Clicking a bubble shows that
   category's concepts (with the relations among what is shown); "Overview" folds them back.
   Kept apart from map.js: it only uses the network and data sets map.js exposes. */
(function () {
  "use strict";
  var api = window.kamgraph;
  var overview = api && api.data.overview;
  if (!overview) { return; }
  var network = window.network;
  var nodes = api.nodes;
  var languages = api.data.languages.length ? api.data.languages : ["en"];
  var open = new Set();

  function pick(values, fallback) {
    values = values || {};
    var order = [document.documentElement.lang].concat(languages, [""]);
    for (var i = 0; i < order.length; i++) {
      if (typeof values[order[i]] === "string" && values[order[i]].trim()) { return values[order[i]]; }
    }
    return fallback;
  }

  function bubbleId(group) { return "overview:" + group.id; }

  function bubble(group) {
    return { id: bubbleId(group), label: pick(group.labels, group.id) + "\n(" + group.count + ")",
             x: group.x, y: group.y, shape: "dot", size: group.size, color: group.colour,
             widthConstraint: { maximum: group.font * 12 }, font: { size: group.font, strokeWidth: Math.round(group.font / 6), strokeColor: "#ffffff" }, title: pick(group.labels, group.id) };
  }

  function members(group) { return overview.members[group.id] || []; }

  function expand(group) {
    open.add(group.id);
    nodes.remove(bubbleId(group));
    nodes.update(members(group).map(function (id) { return { id: id, hidden: false }; }));
    network.fit({ nodes: members(group).slice(0, 2000), animation: false });
    toggle.hidden = false;
  }

  function collapse() {
    var shown = [];
    overview.groups.forEach(function (group) {
      if (open.has(group.id)) { shown = shown.concat(members(group)); }
    });
    nodes.update(shown.map(function (id) { return { id: id, hidden: true }; }));
    open.clear();
    nodes.update(overview.groups.map(bubble));
    fitBubbles();
    toggle.hidden = true;
  }

  var toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "overview-back";
  toggle.textContent = "Overview";
  toggle.hidden = true;
  toggle.addEventListener("click", collapse);
  document.getElementById("languages").parentNode.insertBefore(toggle, document.getElementById("languages"));

  function fitBubbles() { network.fit({ nodes: overview.groups.map(bubbleId), animation: false }); }
  nodes.add(overview.groups.map(bubble));
  network.once("afterDrawing", fitBubbles);
  network.on("click", function (params) {
    if (!params.nodes.length) { return; }
    var id = String(params.nodes[0]);
    overview.groups.forEach(function (group) { if (bubbleId(group) === id) { expand(group); } });
  });
  api.overview = { expand: function (groupId) {
    overview.groups.forEach(function (group) { if (group.id === groupId && !open.has(groupId)) { expand(group); } });
  }, collapse: collapse };
})();
