/* ybtext review report: draws the documents embedded as JSON, in chunks, with DOM calls only
   (text goes in through textContent, never as markup). No network, no libraries. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("ybtext-data").textContent);
  var STEPS = DATA.steps, DOCS = DATA.docs;
  var KNOWN = { script: 1, boilerplate: 1, layout: 1, punctuation: 1, spin: 1, ocr: 1 };
  var CHUNK_CHARS = 24000;  // characters drawn per chunk; more are drawn as the reader scrolls
  var E_STEP = 0, E_O1 = 1, E_O2 = 2, E_C1 = 3, E_C2 = 4, E_BEFORE = 5, E_AFTER = 6, E_RULE = 7,
      E_CONF = 8, E_NOTE = 9, E_PN = 10, E_TIER = 11;
  var main = document.getElementById("doc"), tip = document.getElementById("tip");
  var state = null, observer = null, pinned = false;

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = String(text);
    return n;
  }
  function stepClass(i) { var s = STEPS[i]; return "s-" + (KNOWN[s] ? s : "other"); }
  function colour(i) { var s = STEPS[i]; return "var(--c-" + (KNOWN[s] ? s : "other") + ")"; }
  function pct(x) { return (100 * x).toFixed(x > 0 && x < 0.01 ? 2 : 1) + "%"; }
  function num(x) { return Number(x).toLocaleString("en-US"); }

  /* ---- legend and toggles ---- */
  function legend(counts) {
    var box = document.getElementById("legend");
    box.textContent = "";
    STEPS.forEach(function (s, i) {
      var c = el("span", "chip");
      c.style.setProperty("--c", colour(i));
      c.appendChild(document.createTextNode(s + " "));
      c.appendChild(el("b", null, counts ? num(counts[s] || 0) : ""));
      box.appendChild(c);
    });
  }
  function toggle(id, cls) {
    var box = document.getElementById(id);
    box.addEventListener("change", function () { document.body.classList.toggle(cls, box.checked); });
  }
  toggle("only-clean", "only-clean");
  toggle("hide-pn", "hide-pn");

  /* ---- marks: which edits touch which part of a row ---- */
  function sweep(doc, a, b) {
    var order = doc.edits.map(function (_, i) { return i; });
    order.sort(function (x, y) { return doc.edits[x][a] - doc.edits[y][a] || doc.edits[x][b] - doc.edits[y][b] || x - y; });
    return { a: a, b: b, order: order, p: 0, active: [] };
  }
  // Edits overlapping [lo, hi) on one side; a zero-width edit belongs to the row where it starts
  // (or to an empty cell at its position, or to the end of the text).
  function collect(doc, sw, lo, hi, len) {
    var E = doc.edits, o = sw.order;
    while (sw.p < o.length) {
      var e = E[o[sw.p]], s = e[sw.a], t = e[sw.b];
      if (s < hi || (s === hi && t === hi && (lo === hi || hi === len))) { sw.active.push(o[sw.p]); sw.p++; }
      else break;
    }
    var here = sw.active.filter(function (i) {
      var e = E[i], s = e[sw.a], t = e[sw.b];
      return s === t ? (s >= lo && s <= hi) : (s < hi && t > lo);
    });
    sw.active = sw.active.filter(function (i) { return E[i][sw.b] > hi; });
    return here;
  }
  function textWithBreaks(parent, s, marked) {
    if (!marked || s.indexOf("\n") < 0) { parent.appendChild(document.createTextNode(s)); return; }
    s.split("\n").forEach(function (part, k) {
      if (k > 0) { parent.appendChild(el("span", "nl", "↵")); parent.appendChild(document.createTextNode("\n")); }
      if (part) parent.appendChild(document.createTextNode(part));
    });
  }
  function side(doc, text, lo, hi, ids, a, b) {
    var E = doc.edits, frag = document.createDocumentFragment();
    var pts = [lo, hi];
    ids.forEach(function (i) { pts.push(Math.max(lo, E[i][a]), Math.min(hi, E[i][b])); });
    pts = pts.filter(function (v, k, arr) { return arr.indexOf(v) === k; }).sort(function (x, y) { return x - y; });
    for (var k = 0; k < pts.length; k++) {
      var x = pts[k];
      ids.forEach(function (i) {
        if (E[i][a] === x && E[i][b] === x) frag.appendChild(mark([i], true));
      });
      if (k + 1 >= pts.length) break;
      var y = pts[k + 1], cover = ids.filter(function (i) { return E[i][a] <= x && E[i][b] >= y && E[i][a] < E[i][b]; });
      var s = text.slice(x, y);
      if (!cover.length) { frag.appendChild(document.createTextNode(s)); continue; }
      var m = mark(cover, false);
      textWithBreaks(m, s, true);
      frag.appendChild(m);
    }
    return frag;
  }
  function mark(ids, zero) {
    var E = state.doc.edits, top = ids[ids.length - 1];
    ids.forEach(function (i) { if (i > top) top = i; });
    var n = el("span", "m " + stepClass(E[top][E_STEP]) + (zero ? " z" : ""));
    if (ids.every(function (i) { return E[i][E_PN]; })) n.classList.add("pn");
    n.setAttribute("data-e", ids.join(" "));
    return n;
  }

  // An empty cleaned cell: one pill per step that removed the text, carrying its edits.
  function removed(doc, ids) {
    var frag = document.createDocumentFragment(), by = {};
    ids.forEach(function (i) { var st = doc.edits[i][E_STEP]; (by[st] = by[st] || []).push(i); });
    Object.keys(by).forEach(function (st) {
      var m = mark(by[st], false);
      m.classList.add("pill");
      m.textContent = "removed by " + STEPS[st] + (by[st].length > 1 ? " · " + by[st].length + " edits" : "");
      frag.appendChild(m);
    });
    if (!ids.length) frag.appendChild(el("span", null, "removed"));
    return frag;
  }

  /* ---- one document ---- */
  function show(i) {
    if (i < 0 || i >= DOCS.length) i = 0;
    var doc = DOCS[i];
    state = { i: i, doc: doc, row: 0, so: sweep(doc, E_O1, E_O2), sc: sweep(doc, E_C1, E_C2) };
    legend(doc.triage.edits);
    hideTip(true);
    main.textContent = "";
    main.appendChild(header(doc));
    var cols = el("div", "cols");
    cols.appendChild(el("div", "colhead o", "Original"));
    cols.appendChild(el("div", "colhead c", "Cleaned"));
    main.appendChild(cols);
    state.rows = el("div", "rows");
    state.rows.id = "rows";
    main.appendChild(state.rows);
    state.more = el("div", "more");
    main.appendChild(state.more);
    var nav = document.getElementById("nav");
    nav.hidden = DOCS.length < 2;
    document.getElementById("pos").textContent = (i + 1) + " / " + DOCS.length;
    var trs = document.querySelectorAll("#index tbody tr");
    for (var k = 0; k < trs.length; k++) trs[k].classList.toggle("cur", +trs[k].getAttribute("data-i") === i);
    chunk();
    if (observer) observer.disconnect();
    if (window.IntersectionObserver) {
      observer = new IntersectionObserver(function (entries) {
        if (entries.some(function (en) { return en.isIntersecting; })) chunk();
      }, { rootMargin: "1600px 0px" });
      observer.observe(state.more);
    }
  }
  function header(doc) {
    var t = doc.triage, sp = t.spin, h = el("section", "dochead");
    h.appendChild(el("h2", null, doc.name));
    var st = el("div", "stats");
    function stat(label, value, extra) {
      var s = el("span", null, label + " ");
      s.appendChild(el("strong", null, value));
      if (extra) s.appendChild(extra);
      st.appendChild(s);
    }
    stat("characters", num(t.chars) + " → " + num(t.cleaned_chars));
    stat("edits", num(doc.edits.length));
    var meter = el("span", "meter"), fill = el("i");
    fill.style.width = (100 * Math.max(0, Math.min(1, sp.score))) + "%";
    meter.appendChild(fill);
    stat("spin score", sp.score.toFixed(2), meter);
    var v = el("span", "verdict" + (sp.spun ? " spun" : ""), sp.spun ? "spun" + (sp.family ? " · " + sp.family : "") : "not spun");
    st.appendChild(v);
    stat("boilerplate", pct(t.boilerplate_share));
    st.lastChild.title = "share of the original's characters removed by the boilerplate step";
    stat("changed", pct(t.damage));
    st.lastChild.title = "share of the original's characters changed or removed by any step (the damage estimate)";
    h.appendChild(st);
    // Spin pairs read before → after, like the edits: spun → original. Pairs that produced an
    // edit here come first; evidence the detector counted but no edit used is listed apart.
    var applied = sp.pairs.filter(function (p) { return p.applied > 0; });
    var unused = sp.pairs.filter(function (p) { return !(p.applied > 0); });
    function pill(p, cls) {
      var c = el("span", cls, p.spun + " → " + p.original + " ");
      c.title = p.spun + " appears " + p.spun_count + "×, " + p.original + " " + p.original_count + "× (weight " + Number(p.weight).toFixed(2) + ")"
        + (p.applied > 0 ? "; restored " + p.applied + "× in this document" : "; no edit used this pair here");
      c.appendChild(el("small", null, p.applied > 0 ? p.applied + " restored" : p.spun_count + " seen · " + p.original_count + " kept"));
      return c;
    }
    if (applied.length) {
      var pairs = el("div", "pairs applied");
      pairs.appendChild(el("span", "lab", "Spin reversals in this document:"));
      applied.slice(0, 10).forEach(function (p) { pairs.appendChild(pill(p, "pair")); });
      if (applied.length > 10) pairs.appendChild(el("small", "lab", "+ " + (applied.length - 10) + " more pairs"));
      h.appendChild(pairs);
    }
    if (unused.length) {
      var ev = el("details", "pairs evidence");
      ev.appendChild(el("summary", null, unused.length + " evidence pair" + (unused.length > 1 ? "s" : "") + " not applied (no edit here)"));
      unused.slice(0, 20).forEach(function (p) { ev.appendChild(pill(p, "pair ev")); });
      h.appendChild(ev);
    }
    if (doc.notices.length) {
      var d = el("details", "notices"), ul = el("ul");
      d.appendChild(el("summary", null, doc.notices.length + " notice" + (doc.notices.length > 1 ? "s" : "") + " (not changed)"));
      doc.notices.forEach(function (n) { ul.appendChild(el("li", null, n[2] + ": " + n[4] + " — " + n[5] + " (" + n[3] + ")")); });
      d.appendChild(ul);
      h.appendChild(d);
    }
    return h;
  }
  function chunk() {
    var doc = state.doc, R = doc.rows, nrows = R.length / 4, drawn = 0, frag = document.createDocumentFragment();
    while (state.row < nrows && drawn < CHUNK_CHARS) {
      var k = 4 * state.row, o1 = R[k], o2 = R[k + 1], c1 = R[k + 2], c2 = R[k + 3];
      var row = el("div", "row" + (c1 === c2 && o1 !== o2 ? " gone" : ""));
      var co = el("div", "cell o"), cc = el("div", "cell c");
      co.appendChild(side(doc, doc.orig, o1, o2, collect(doc, state.so, o1, o2, doc.orig.length), E_O1, E_O2));
      var ci = collect(doc, state.sc, c1, c2, doc.clean.length);
      if (c1 === c2 && o1 !== o2) {
        cc.classList.add("empty");
        cc.appendChild(removed(doc, ci));
        var lines = doc.orig.slice(o1, o2).split("\n").length;
        if (lines > 4) {
          row.classList.add("fold");
          var more = el("button", "unfold", "show all " + lines + " lines");
          more.type = "button";
          more.addEventListener("click", function (r, b) {
            return function () { r.classList.toggle("open"); b.textContent = r.classList.contains("open") ? "fold" : b.getAttribute("data-l"); };
          }(row, more));
          more.setAttribute("data-l", more.textContent);
          cc.appendChild(more);
        }
      } else {
        cc.appendChild(side(doc, doc.clean, c1, c2, ci, E_C1, E_C2));
      }
      notices(doc, co, o1, o2);
      row.appendChild(co);
      row.appendChild(cc);
      frag.appendChild(row);
      drawn += (o2 - o1) + (c2 - c1) + 40;
      state.row++;
    }
    state.rows.appendChild(frag);
    state.more.textContent = "";
    if (state.row < nrows) {
      state.more.appendChild(el("span", null, "Showing " + num(state.row) + " of " + num(nrows) + " rows"));
      var b = el("button", null, "Show more");
      b.type = "button";
      b.addEventListener("click", chunk);
      state.more.appendChild(b);
    }
  }
  // Notices (noticed, not changed): a badge at the start of the row's original cell.
  function notices(doc, cell, lo, hi) {
    var here = doc.notices.filter(function (n) { return n[0] < hi && n[1] > lo || (n[0] === n[1] && n[0] === lo); });
    if (!here.length) return;
    var b = el("span", "ntb", "!");
    b.title = here.map(function (n) { return n[2] + " notice: " + n[4] + " — " + n[5] + " (" + n[3] + ")"; }).join("\n");
    cell.insertBefore(b, cell.firstChild);
  }

  /* ---- tooltip ---- */
  function evidence(e) {
    var pairs = state.doc.triage.spin.pairs;
    for (var k = 0; k < pairs.length; k++) {
      if (pairs[k].spun === e[E_BEFORE] && pairs[k].original === e[E_AFTER]) return pairs[k];
    }
    return null;
  }
  function visible(s) { return s === "" ? "∅" : s.replace(/\n/g, "↵\n"); }
  function fillTip(ids) {
    tip.textContent = "";
    ids.slice(-4).forEach(function (i) {
      var e = state.doc.edits[i], box = el("div", "ed"), chip = el("span", "st", STEPS[e[E_STEP]]);
      chip.style.setProperty("--c", colour(e[E_STEP]));
      box.appendChild(chip);
      var ba = el("div", "ba");
      ba.appendChild(el("del", null, visible(e[E_BEFORE])));
      ba.appendChild(document.createTextNode("  →  "));
      ba.appendChild(el("ins", null, visible(e[E_AFTER])));
      box.appendChild(ba);
      var dl = el("dl");
      function row(k, v) { dl.appendChild(el("dt", null, k)); dl.appendChild(el("dd", null, v)); }
      row("rule", e[E_RULE]);
      if (e[E_TIER]) row("tier", e[E_TIER]);
      row("confidence", e[E_CONF] === null ? "–" : Number(e[E_CONF]).toFixed(2));
      if (e[E_NOTE]) row("note", e[E_NOTE]);
      var ev = STEPS[e[E_STEP]] === "spin" ? evidence(e) : null;
      if (ev) row("evidence", "this document: " + ev.spun + " ×" + ev.spun_count + ", " + ev.original + " ×" + ev.original_count + " (weight " + Number(ev.weight).toFixed(2) + ")");
      box.appendChild(dl);
      tip.appendChild(box);
    });
    if (ids.length > 4) tip.appendChild(el("div", "ed", "… and " + (ids.length - 4) + " earlier edits here"));
  }
  function place(ev) {
    var r = tip.getBoundingClientRect(), x = ev.clientX + 14, y = ev.clientY + 16;
    if (x + r.width > window.innerWidth - 8) x = Math.max(8, window.innerWidth - r.width - 8);
    if (y + r.height > window.innerHeight - 8) y = Math.max(8, ev.clientY - r.height - 12);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  var lit = [];
  function light(ids) {
    lit.forEach(function (n) { n.classList.remove("hl"); });
    lit = [];
    ids.forEach(function (i) {
      var ns = main.querySelectorAll('.m[data-e~="' + i + '"]');
      for (var k = 0; k < ns.length; k++) { ns[k].classList.add("hl"); lit.push(ns[k]); }
    });
  }
  function hideTip(force) {
    if (pinned && !force) return;
    pinned = false;
    tip.hidden = true;
    tip.classList.remove("pinned");
    light([]);
  }
  function target(ev) {
    var m = ev.target.closest ? ev.target.closest(".m") : null;
    if (!m || (document.body.classList.contains("hide-pn") && m.classList.contains("pn"))) return null;
    return m;
  }
  main.addEventListener("mouseover", function (ev) {
    if (pinned) return;
    var m = target(ev);
    if (!m) { hideTip(false); return; }
    var ids = m.getAttribute("data-e").split(" ").map(Number);
    fillTip(ids);
    tip.hidden = false;
    place(ev);
    light(ids);
  });
  main.addEventListener("mousemove", function (ev) { if (!pinned && !tip.hidden) place(ev); });
  main.addEventListener("click", function (ev) {
    var m = target(ev);
    if (!m) { hideTip(true); return; }
    var ids = m.getAttribute("data-e").split(" ").map(Number);
    fillTip(ids);
    tip.hidden = false;
    pinned = true;
    tip.classList.add("pinned");
    place(ev);
    light(ids);
  });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") hideTip(true); });

  /* ---- batch index: sorting and navigation ---- */
  var index = document.getElementById("index");
  if (index) {
    var ths = index.querySelectorAll("th");
    Array.prototype.forEach.call(ths, function (th, col) {
      th.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending", numeric = th.getAttribute("data-t") === "n";
        Array.prototype.forEach.call(ths, function (o) { o.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = index.tBodies[0], rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].textContent, y = b.cells[col].textContent;
          var d = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y, "zh-Hans-CN");
          return (asc ? d : -d) || (+a.getAttribute("data-i") - +b.getAttribute("data-i"));
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
    index.tBodies[0].addEventListener("click", function (ev) {
      var tr = ev.target.closest("tr");
      if (!tr) return;
      ev.preventDefault();
      location.hash = "#d" + tr.getAttribute("data-i");
    });
  }
  function fromHash() {
    var m = /^#d(\d+)$/.exec(location.hash);
    return m ? +m[1] : 0;
  }
  document.getElementById("prev").addEventListener("click", function () { location.hash = "#d" + ((state.i + DOCS.length - 1) % DOCS.length); });
  document.getElementById("next").addEventListener("click", function () { location.hash = "#d" + ((state.i + 1) % DOCS.length); });
  window.addEventListener("hashchange", function () { show(fromHash()); });
  if (DOCS.length) show(fromHash());
  else main.appendChild(el("p", null, "No documents."));
  window.ybtextReport = { show: show, more: chunk, state: function () { return state; } };
})();
