/* The site's list pages: filters and in-page search over the elements of a [data-list].
   Written for this project; MIT licence. Without JavaScript every record is simply shown. */
(function () {
  "use strict";
  var list = document.querySelector("[data-list]");
  if (!list || !window.SWG) return;
  var kind = list.getAttribute("data-kind");
  var items = Array.prototype.slice.call(list.querySelectorAll(":scope > [data-key]"));
  var input = document.querySelector('input[type="search"]');
  var selects = Array.prototype.slice.call(document.querySelectorAll("form.filters select"));
  var status = document.getElementById("status");
  var said = status.dataset;

  function passes(el) {
    return selects.every(function (s) {
      return !s.value || (el.getAttribute("data-" + s.name) || "").split(" ").indexOf(s.value) >= 0;
    });
  }

  function update() {
    var query = input.value.trim(), rank = null, note = "", refused = false;
    if (query) {
      rank = new Map();
      try {
        var found = window.SWG.search(query, [kind]);
        found.hits.forEach(function (h, i) { rank.set(String(h.key), i); });
        if (found.explanation.unknown.length) {
          var hints = found.explanation.unknown.map(function (u) {
            return u.word + (u.suggestions.length ? " (" + said.try + " " + u.suggestions.join(", ") + ")" : "");
          });
          note = " " + said.unknown + " " + hints.join("; ");
        }
      } catch (e) {  /* a query past a limit, or of exclusions only: refused, with why */
        note = " " + window.SWG.refusal(e, said);
        refused = true;
      }
    }
    if (rank) list.setAttribute("data-searching", ""); else list.removeAttribute("data-searching");
    var ordered = items.slice();
    if (rank) {
      ordered.sort(function (a, b) {
        var ra = rank.has(a.dataset.key) ? rank.get(a.dataset.key) : Infinity;
        var rb = rank.has(b.dataset.key) ? rank.get(b.dataset.key) : Infinity;
        return ra === rb ? 0 : ra < rb ? -1 : 1;
      });
    }
    var shown = 0;
    ordered.forEach(function (el) {
      var ok = (!rank || rank.has(el.dataset.key)) && passes(el);
      el.hidden = !ok;
      if (ok) shown += 1;
      list.appendChild(el);
    });
    status.textContent = said.shown + ": " + shown + " " + said.of + " " + items.length + "." + note;
    if (rank && !shown && !refused && said.everywhere) {  /* nothing here: the site-wide search may find it elsewhere */
      var link = document.createElement("a");
      link.href = "search.html?q=" + encodeURIComponent(query);
      link.id = "search-everywhere";
      link.textContent = said.everywhere;
      status.appendChild(document.createTextNode(" "));
      status.appendChild(link);
    }
  }

  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) input.value = params.get("q");
  selects.forEach(function (s) {
    if (params.get(s.name)) s.value = params.get(s.name);
    s.addEventListener("change", update);
  });
  input.addEventListener("input", update);
  if (input.value || selects.some(function (s) { return s.value; })) update();
})();
