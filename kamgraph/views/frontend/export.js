/* "Save as PNG": the map's canvas as drawn now (the whole map's regions named, labels at a
   readable size), on white, with the page's title and a legend of the categories drawn, downloaded as
   kamgraph-<selected concept>.png (kamgraph-map.png with nothing selected). */
kamgraph.export = (function () {
  function fileName(c) { return "kamgraph-" + (c ? c.localName.replace(/[^A-Za-z0-9_-]/g, "_") : "map") + ".png"; }

  function mount(app) {
    var state = app.state;
    /* The picture: the page's title above the view as drawn now, and below it a legend of the
       categories drawn (colour and name) and of the line styles, all at the canvas's own resolution. */
    function compose() {
      var source = app.map.container.querySelector("canvas");
      var ratio = source.width / Math.max(1, source.clientWidth);
      var font = 15 * ratio, row = font * 1.6, pad = 12 * ratio;
      var drawnCategories = app.model.data.categories.filter(function (cat) {
        return (app.model.members.get(cat.id) || []).some(app.map.drawn);
      });
      var measure = document.createElement("canvas").getContext("2d");
      measure.font = font + "px system-ui, sans-serif";
      var items = drawnCategories.map(function (cat) {
        var text = app.words.category(cat.id);
        return { colour: cat.colour, text: text, width: measure.measureText(text).width + font * 2.2 };
      });
      var rows = [], line = [], used = 0;
      items.forEach(function (item) {
        if (line.length && used + item.width > source.width - 2 * pad) { rows.push(line); line = []; used = 0; }
        line.push(item); used += item.width;
      });
      if (line.length) { rows.push(line); }
      var top = row * 1.4 + pad, bottom = rows.length * row + 2 * pad;
      var picture = document.createElement("canvas");
      picture.width = source.width;
      picture.height = source.height + top + bottom;
      var context = picture.getContext("2d");
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, picture.width, picture.height);
      context.fillStyle = "#1b1b1b";
      context.textBaseline = "middle";
      context.font = "600 " + (font * 1.25) + "px system-ui, sans-serif";
      context.fillText(document.title, pad, pad + row * 0.6);
      context.drawImage(source, 0, top);
      context.font = font + "px system-ui, sans-serif";
      rows.forEach(function (items, r) {
        var x = pad, y = source.height + top + pad + r * row + row / 2;
        items.forEach(function (item) {
          context.fillStyle = kamgraph.dom.safeColour(item.colour);
          context.fillRect(x, y - font / 2, font, font);
          context.fillStyle = "#1b1b1b";
          context.fillText(item.text, x + font * 1.4, y);
          x += item.width;
        });
      });
      return { canvas: picture, legend: items.map(function (item) { return item.text; }), title: document.title };
    }

    function save() {
      var picture = compose().canvas;
      picture.toBlob(function (blob) {
        var url = URL.createObjectURL(blob);
        var link = document.createElement("a");
        link.href = url;
        link.download = fileName(state.selected ? app.model.concepts.get(state.selected) : null);
        document.body.appendChild(link);
        link.click();
        link.remove();
        window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
        document.getElementById("status").textContent = app.ui("exported");
      }, "image/png");
    }
    document.getElementById("export").addEventListener("click", save);
    app.picture = compose;  // what the saved picture holds (tests)
  }

  return { fileName: fileName, mount: mount };
}());
