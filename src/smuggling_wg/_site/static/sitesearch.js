/* The site-wide search page: every kind of record (recommendations, paragraphs, panellists,
   agenda items, themes), ranked as ds.search ranks them (search.js) and explained the same way.
   Written for this project; MIT licence. Without JavaScript every record is simply listed. */
(function () {
  "use strict";
  var list = document.querySelector("[data-sitewide]");
  if (!list || !window.SWG) return;
  var items = Array.prototype.slice.call(list.children);
  var byKey = new Map(items.map(function (el) { return [el.dataset.kind + " " + el.dataset.key, el]; }));
  var input = document.getElementById("q");
  var status = document.getElementById("status"), said = status.dataset;
  var explanation = document.getElementById("explanation");

  function lines(e) {
    var out = [];
    if (e.ignored.length) out.push(said.ignored + " " + e.ignored.join(", "));
    if (e.preferred_kind) out.push(said.first + " " + document.querySelector('[data-kind="' + e.preferred_kind + '"] small').textContent);
    e.unknown.forEach(function (u) {
      out.push(said.unknown + " " + u.word + (u.suggestions.length ? " (" + said.try + " " + u.suggestions.join(", ") + ")" : ""));
    });
    e.removed_by.forEach(function (r) {
      out.push(said.removed + " " + r.operator + ": " + r.records.map(function (k) { return k.join(" "); }).join(", "));
    });
    e.expanded_via.forEach(function (x) { out.push(x.term + " — " + said.expanded + " " + x.equivalents.join(", ")); });
    return out;
  }

  function update() {
    var query = input.value.trim();
    explanation.textContent = "";
    if (!query) {
      items.forEach(function (el) { el.hidden = false; list.appendChild(el); });
      status.textContent = "";
      return;
    }
    var found;
    try {
      found = window.SWG.search(query, null);
    } catch (e) {
      items.forEach(function (el) { el.hidden = true; });
      status.textContent = window.SWG.refusal(e, said);  /* past a limit, or exclusions only */
      return;
    }
    items.forEach(function (el) { el.hidden = true; });
    found.hits.forEach(function (h) {
      var el = byKey.get(h.kind + " " + h.key);
      if (el) { el.hidden = false; list.appendChild(el); }
    });
    status.textContent = said.found + ": " + found.hits.length + ".";
    lines(found.explanation).forEach(function (line) {
      var li = document.createElement("li");
      li.textContent = line;
      explanation.appendChild(li);
    });
  }

  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) input.value = params.get("q");
  input.addEventListener("input", update);
  update();
})();
