/* The map's structure as labelled regions: behind the concepts of each category a tinted
   disc (the build lays each category out in a disc of its own), and, whenever the zoom makes
   concept labels smaller than READABLE_PX ("Whole map" on a laptop or phone), the category's
   name over its region at a fixed screen size, so the whole map reads as its categories
   instead of as unreadable boxes. On a topic view only the topic's category is a region
   (its neighbours stand on a ring around it); on an overview map, the opened categories are. */
kamgraph.regions = (function () {
  var READABLE_PX = 12;  // the smallest label size a student can read at first sight
  var LABEL_PX = window.matchMedia("(max-width: 700px)").matches ? 13 : 16;  // region names on screen, at any zoom
  /* Where a region name may go when another is in the way: [across, down] in its own width and height. */
  var OFFSETS = [];
  [0, -1, 1, -2, 2, -3, 3, -4, 4].forEach(function (down) {
    [0, -0.6, 0.6].forEach(function (across) { OFFSETS.push([across, down]); });
  });

  /* [{category, x, y, r}] for the categories with drawn concepts: middle and reach (canvas units). Pure. */
  function discs(concepts, categories, drawn, scope) {
    var groups = new Map();
    concepts.forEach(function (c) {
      if (!drawn(c.id) || (scope && c.category !== scope)) { return; }
      (groups.get(c.category) || groups.set(c.category, []).get(c.category)).push(c);
    });
    var found = [];
    categories.forEach(function (cat) {
      var members = groups.get(cat.id);
      if (!members) { return; }
      var x = 0, y = 0;
      members.forEach(function (c) { x += c.x; y += c.y; });
      x /= members.length; y /= members.length;
      var r = 0;
      members.forEach(function (c) { r = Math.max(r, Math.hypot(c.x - x, c.y - y)); });
      found.push({ category: cat.id, colour: cat.colour, count: members.length, x: x, y: y, r: r + 70 });
    });
    return found;
  }

  function mount(app) {
    var model = app.model, words = app.words;
    var network = app.map.network;
    var fontSize = ((model.data.network.nodes || {}).font || {}).size || 14;
    var shown = [];  // the region labels drawn last, in DOM pixels (what tests read)
    var cache = null;

    function current() {
      if (!cache) { cache = discs(model.data.concepts, model.data.categories, app.map.drawn, model.data.scope); }
      return cache;
    }
    function labelsReadable() { return network.getScale() * fontSize >= READABLE_PX; }

    network.on("beforeDrawing", function (ctx) {
      current().forEach(function (d) {
        ctx.beginPath();
        ctx.arc(d.x, d.y, d.r, 0, 2 * Math.PI);
        ctx.globalAlpha = 0.10;
        ctx.fillStyle = kamgraph.dom.safeColour(d.colour);
        ctx.fill();
        ctx.globalAlpha = 0.45;
        ctx.lineWidth = 2 / network.getScale();
        ctx.strokeStyle = kamgraph.dom.safeColour(d.colour);
        ctx.stroke();
        ctx.globalAlpha = 1;
      });
    });

    /* Region names where concept labels are too small to read; moved down while they would cover another. */
    network.on("afterDrawing", function (ctx) {
      shown = [];
      if (labelsReadable()) { return; }
      var scale = network.getScale();
      var size = LABEL_PX / scale, placed = [];
      ctx.font = "600 " + size + "px system-ui, sans-serif";
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      current().slice().sort(function (a, b) { return b.count - a.count || (a.category < b.category ? -1 : 1); })
        .forEach(function (d) {
          var text = words.category(d.category);
          var width = ctx.measureText(text).width + size * 0.6, height = size * 1.4;
          // kept inside the visible map, and off the names placed before it where one of OFFSETS allows
          var view = { left: network.DOMtoCanvas({ x: 0, y: 0 }), right: network.DOMtoCanvas({ x: app.map.container.clientWidth, y: 0 }) };
          function inside(x) { return Math.min(Math.max(x, view.left.x + width / 2), view.right.x - width / 2); }
          var box = null, x = inside(d.x);
          for (var i = 0; i < OFFSETS.length; i++) {
            x = inside(d.x + OFFSETS[i][0] * width);
            box = { x: x - width / 2, y: d.y - height / 2 + OFFSETS[i][1] * height, w: width, h: height };
            if (!placed.some(function (p) { return overlaps(p, box); })) { break; }
          }
          placed.push(box);
          ctx.lineJoin = "round";
          ctx.lineWidth = size * 0.35;
          ctx.strokeStyle = "rgba(255,255,255,0.92)";
          ctx.strokeText(text, x, box.y + height / 2);
          ctx.fillStyle = "#1b1b1b";
          ctx.fillText(text, x, box.y + height / 2);
          var topLeft = network.canvasToDOM({ x: box.x, y: box.y });
          shown.push({ category: d.category, text: text, x: topLeft.x, y: topLeft.y, width: width * scale,
                       height: height * scale, px: size * scale });
        });
    });

    function overlaps(a, b) { return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h; }

    return {
      labels: function () { return shown.slice(); },
      readable: labelsReadable,
      render: function (changed) { if (changed.visibility || changed.language) { cache = null; } }
    };
  }

  return { READABLE_PX: READABLE_PX, discs: discs, mount: mount };
}());
