/* Practise mode: the self-test the build generated (page data ``practise``, see
   kamgraph/views/practise.py) — flashcards both ways and questions from the graph — worded
   here in the current language. Answers go into the student's progress record
   (kamgraph.progress) as Leitner boxes: right moves a question up a box, wrong sends it back
   to box 1, and a question in box b comes back after INTERVALS[b] other answers. Progress is
   shown per section of the source; a reset forgets the answers of this view's questions only. */
kamgraph.practise = (function () {
  var el = kamgraph.dom.el;
  var INTERVALS = [0, 2, 10, 30, 90, 250];  // by box (1–5): answers to wait before asking again
  var KNOWN_BOX = 3;                      // a question in this box or higher counts as known
  var CHOICE_KINDS = { category: true, relation: true, "not-member": true };

  /* A card [box, last step, times right] after an answer at ``step``. Pure. */
  function answer(card, right, step) {
    var box = card ? card[0] : 1, times = card ? card[2] : 0;
    return [right ? Math.min(5, box + 1) : 1, step, times + (right ? 1 : 0)];
  }

  /* The question to ask next at ``step``: a due review (lowest box, then longest waiting) before
     a new one (in the build's order); null when nothing is due. Pure. */
  function next(questions, cards, step, skip) {
    var review = null, fresh = null;
    questions.forEach(function (q) {
      if (q.id === skip) { return; }
      var card = cards[q.id];
      if (!card) { if (!fresh) { fresh = q; } return; }
      if (step - card[1] < INTERVALS[card[0]]) { return; }
      if (!review || card[0] < cards[review.id][0] || (card[0] === cards[review.id][0] && card[1] < cards[review.id][1])) { review = q; }
    });
    return review || fresh;
  }

  /* [{section, total, answered, known}] in the order of ``sections`` (ids; null: no section). Pure. */
  function bySection(questions, cards, sections) {
    var rows = new Map();
    sections.forEach(function (s) { rows.set(s, { section: s, total: 0, answered: 0, known: 0 }); });
    questions.forEach(function (q) {
      var key = rows.has(q.section) ? q.section : null;
      if (!rows.has(key)) { rows.set(key, { section: key, total: 0, answered: 0, known: 0 }); }
      var row = rows.get(key), card = cards[q.id];
      row.total += 1;
      if (card) { row.answered += 1; if (card[0] >= KNOWN_BOX) { row.known += 1; } }
    });
    return Array.from(rows.values()).filter(function (r) { return r.total; });
  }

  /* The questions whose concepts, options and relation are all on this page (a topic view shows part). */
  function usable(model) {
    return (model.data.practise || []).filter(function (q) {
      if (!model.concepts.has(q.concept)) { return false; }
      if (q.kind === "relation" && !model.relations.has(q.relation)) { return false; }
      if (!CHOICE_KINDS[q.kind]) { return q.kind === "card-label" || q.kind === "card-definition"; }
      var known = q.kind === "category" ? model.categories : model.concepts;
      return Array.isArray(q.options) && q.options.length >= 2 && q.options.every(function (o) { return known.has(o); })
        && q.options.indexOf(q.answer) >= 0;
    });
  }

  function mount(app) {
    var model = app.model, state = app.state, words = app.words, ui = app.ui;
    var root = document.getElementById("practise");
    var progress = app.progress;
    var all = usable(model);
    var scope = "";          // "" (every section) or a section id
    var current = null;      // the question shown
    var outcome = null;      // null (unanswered), "revealed" (a card turned), or {picked, right}
    var asked = 0;           // questions answered this visit

    function pool() { return scope ? all.filter(function (q) { return q.section === scope; }) : all; }
    function concept(id) { return model.concepts.get(id); }
    function definitionOf(c) {
      return words.pick(c.definitions, null) || words.pick(c.standardDefinitions, null) ||
        words.pick(c.explanations, null) || ui("noDefinition");
    }
    function optionText(q, id) { return q.kind === "category" ? words.category(id) : words.concept(concept(id)); }

    function choose(skip) {
      var record = progress.read();
      current = next(pool(), record.cards, record.step, skip);
      outcome = null;
    }

    function record(right) {
      progress.update(function (r) {
        r.cards[current.id] = answer(r.cards[current.id], right, r.step);
        r.step += 1;
      });
      asked += 1;
    }

    function prompt(q) {
      var c = concept(q.concept), box = el("div", null, "question");
      box.dataset.kind = q.kind;
      box.dataset.question = q.id;
      var asks = { "card-label": "askLabel", "card-definition": "askDefinition", category: "askCategory",
                   relation: "askRelation", "not-member": "askNotMember" };
      box.appendChild(el("p", ui(asks[q.kind]), "ask"));
      if (q.kind === "card-definition") { box.appendChild(el("p", definitionOf(c), "front definition")); }
      else if (q.kind === "relation") {
        var r = model.relations.get(q.relation);
        box.appendChild(el("p", words.concept(c) + " — " + words.pick(r.labels, q.relation) + " → …", "front"));
      } else if (q.kind === "not-member") {
        box.appendChild(el("p", ui("notMemberOf") + ": " + words.concept(c), "front"));
      } else { box.appendChild(el("p", words.concept(c), "front")); }
      if (q.beyond) { box.appendChild(el("p", ui("beyondQuestion"), "beyond-note")); }
      return box;
    }

    function button(text, cls, action) {
      var b = el("button", text, cls);
      b.type = "button";
      b.addEventListener("click", action);
      return b;
    }

    function renderCard(box) {
      var q = current, c = concept(q.concept), actions = el("div", null, "practise-actions");
      if (outcome === null) {
        actions.appendChild(button(ui("showAnswer"), "primary", function () { outcome = "revealed"; render({ practise: true }); focusFirst(); }));
      } else {
        box.appendChild(el("p", q.kind === "card-label" ? definitionOf(c) : words.concept(c), "back"));
        actions.appendChild(button(ui("knewIt"), "primary right", function () { grade(true); }));
        actions.appendChild(button(ui("notYet"), "wrong", function () { grade(false); }));
      }
      box.appendChild(actions);
    }

    function grade(right) { record(right); choose(current.id); render({ practise: true }); focusFirst(); }

    function renderChoice(box) {
      var q = current, list = el("div", null, "options");
      q.options.forEach(function (id) {
        var b = button(optionText(q, id), "option", function () {
          if (outcome) { return; }
          outcome = { picked: id, right: id === q.answer };
          record(outcome.right);
          render({ practise: true });
          focusFirst();
        });
        b.dataset.option = id;
        if (outcome) {
          b.disabled = true;
          if (id === q.answer) { b.classList.add("right"); }
          else if (id === outcome.picked) { b.classList.add("wrong"); }
        }
        list.appendChild(b);
      });
      box.appendChild(list);
      if (outcome) {
        var feedback = el("p", outcome.right ? ui("right") : ui("wrong") + " " + optionText(q, q.answer), "feedback " + (outcome.right ? "right" : "wrong"));
        feedback.setAttribute("role", "status");
        box.appendChild(feedback);
        var about = concept(q.kind === "not-member" ? q.answer : q.concept);
        box.appendChild(el("p", words.concept(about) + ": " + definitionOf(about), "meta"));
        var actions = el("div", null, "practise-actions");
        actions.appendChild(button(ui("nextQuestion"), "primary", function () { choose(current.id); render({ practise: true }); focusFirst(); }));
        box.appendChild(actions);
      }
    }

    function focusFirst() {
      var target = root.querySelector(".practise-actions .primary:not([disabled]), .options .option:not([disabled])");
      if (target) { target.focus({ preventScroll: true }); }
    }

    function renderScope() {
      var line = el("p", null, "practise-scope");
      var label = el("label", ui("practiseScope") + " ");
      var select = el("select");
      select.id = "practise-scope";
      label.htmlFor = "practise-scope";
      var every = el("option", ui("allSections")); every.value = ""; select.appendChild(every);
      model.data.sections.forEach(function (s) {
        if (!all.some(function (q) { return q.section === s.id; })) { return; }
        var option = el("option", words.section(s)); option.value = s.id; select.appendChild(option);
      });
      select.value = scope;
      select.addEventListener("change", function () { scope = select.value; choose(null); render({ practise: true }); });
      line.appendChild(label);
      line.appendChild(select);
      return line;
    }

    function renderProgress(record) {
      var rows = bySection(all, record.cards, model.data.sections.map(function (s) { return s.id; }));
      var box = el("details", null, "practise-progress");
      box.id = "practise-progress";
      var answered = rows.reduce(function (n, r) { return n + r.answered; }, 0);
      var known = rows.reduce(function (n, r) { return n + r.known; }, 0);
      var summary = el("summary", ui("sectionProgress") + ": " + answered + " " + ui("of") + " " + all.length + " " + ui("answered") + ", " + known + " " + ui("known"));
      summary.id = "practise-summary";
      box.appendChild(summary);
      var list = el("ul");
      rows.forEach(function (r) {
        var s = r.section ? model.sections.get(r.section) : null;
        var item = el("li");
        item.dataset.section = r.section || "";
        item.appendChild(el("span", s ? words.section(s) : ui("noSection")));
        var bar = el("progress"); bar.max = r.total; bar.value = r.known;
        bar.setAttribute("aria-label", (s ? words.section(s) : ui("noSection")) + ": " + r.known + " " + ui("known"));
        item.appendChild(bar);
        item.appendChild(el("span", r.answered + "/" + r.total + " " + ui("answered") + " · " + r.known + " " + ui("known"), "meta"));
        list.appendChild(item);
      });
      box.appendChild(list);
      return box;
    }

    function reset() {
      var ids = new Set(all.map(function (q) { return q.id; }));
      progress.update(function (r) { Object.keys(r.cards).forEach(function (id) { if (ids.has(id)) { delete r.cards[id]; } }); });
      choose(null);
      render({ practise: true });
    }

    function renderAll() {
      var open = root.querySelector("#practise-progress");
      var wasOpen = Boolean(open && open.open);
      root.replaceChildren();
      root.appendChild(el("h2", ui("modePractise") + ": " + words.pick(model.data.title, "")));
      root.appendChild(el("p", ui("practiseIntro"), "meta"));
      if (!all.length) { root.appendChild(el("p", ui("noQuestions"))); return; }
      var scopeLine = renderScope();
      if (scopeLine.querySelectorAll("option").length > 1) { root.appendChild(scopeLine); }  // sections to choose from
      var record = progress.read();
      if (current === null && outcome === null) { choose(null); }
      var box;
      if (!current) { box = el("p", ui("practiseDone"), "question done"); }
      else {
        box = prompt(current);
        if (CHOICE_KINDS[current.kind]) { renderChoice(box); } else { renderCard(box); }
        var card = record.cards[current.id];
        box.appendChild(el("p", ui("box") + " " + (card ? card[0] : 1) + " · " + ui("question") + " " + (asked + 1), "meta counter"));
      }
      root.appendChild(box);
      var details = renderProgress(progress.read());
      details.open = wasOpen;
      root.appendChild(details);
      root.appendChild(button(ui("practiseReset"), "link-button practise-reset", reset));
    }

    function render(changed) {
      if (state.mode !== "practise") { return; }
      if (changed.mode || changed.language || changed.practise) { renderAll(); }
    }
    return render;
  }

  return { INTERVALS: INTERVALS, KNOWN_BOX: KNOWN_BOX, answer: answer, next: next, bySection: bySection,
           usable: usable, mount: mount };
}());
