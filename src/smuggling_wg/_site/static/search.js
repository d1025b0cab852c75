/* In-page search of the smuggling_wg site: the library's search (smuggling_wg.search) in the browser.
   Written for this project; MIT licence, like the library.

   The index (assets/search-index.js, window.SWG_INDEX) is made at build time, in Python: where
   each of the library's stems stands in every text, the stems' document frequencies and mean
   lengths over the library's whole index, and what the library's Snowball stemmers make of the words that can match:
   for each stem of the texts, the endings after which the stemmer gives that stem back
   (stem_endings, endings), and the words of the texts not covered so (words). So this file
   does not stem: it folds a query word as smuggling_wg._fold.fold does and looks its stem
   up. A word found neither way keeps its folded form, which is the stem of no text: the
   term finds nothing (and search() reports the word as unknown).

   Query rules and ranking are the library's: every term required; "a phrase" matches stems
   in sequence; a leading - excludes; bare stop words (stop_words, and the second word of
   stop_phrases) are left out of a query that has other words; a text is also found under the
   other names of the organizations it names (shipped as more positions of the text). BM25F
   (same k1, b, heading weight, half weight of a speaker's remarks) over all the library's
   texts; one hit per record (its best language); ties by kind order, then citation. */
(function () {
  "use strict";
  var I = window.SWG_INDEX;
  var PLAIN = /^[a-z0-9а-я\s\-.,()]*$/;
  var WORD = /[\p{L}\p{N}_]+/gu;
  var MARK = /\p{M}/u;
  var words = new Map(Object.entries(I.words));
  var stemEndings = new Map(Object.entries(I.stem_endings));
  var endings = I.endings.map(function (list) { return new Set(list); });
  var stemIds = new Map(I.stems.map(function (s, i) { return [s, i]; }));
  var kindOrder = new Map(I.kinds.map(function (k, i) { return [k, i]; }));
  var stopWords = new Set(I.stop_words), stopPhrases = new Set(I.stop_phrases);
  var cache = new Map();

  function fold(text) {
    var s = text.toLowerCase().replace(/ß/g, "ss").replace(/ё/g, "е");
    if (PLAIN.test(s)) return s;
    var d = s.normalize("NFD"), out = "";
    for (var i = 0; i < d.length; i++) {
      var c = d[i];
      if (MARK.test(c) && !(c === "\u0306" && d[i - 1] === "и")) continue;
      out += c;
    }
    return out.normalize("NFC");
  }

  /* The library's stem of a folded word, or null for a word that can match no text. */
  function stemOf(word) {
    if (words.has(word)) return words.get(word);
    for (var k = word.length; k > 0; k--) {
      var stem = word.slice(0, k);
      if (stemEndings.has(stem) && endings[stemEndings.get(stem)].has(word.slice(k))) return stem;
    }
    return null;
  }

  function parse(query) {
    var term = /(-?)"([^"]*)"?|(-?)(\S+)/g, terms = [], previous = "", m;
    while ((m = term.exec(query)) !== null) {
      var bare = m[4], text = m[2] !== undefined ? m[2] : bare;
      var found = text.match(WORD) || [];
      if (!found.length) continue;
      var unknown = [];
      var stems = found.map(function (w) {
        var s = stemOf(fold(w));
        if (s === null) { unknown.push(w); return fold(w); }
        return s;
      });
      var plain = bare !== undefined ? fold(bare).match(WORD) || [] : [];
      var stop = plain.length > 0 && plain.every(function (w) { return stopWords.has(w); });
      if (!stop && stopPhrases.has(previous + " " + plain.join(" "))) stop = true;
      previous = stop ? plain.join(" ") : "";
      terms.push({ stems: stems, negated: Boolean(m[1] || m[3]), stop: stop, unknown: unknown });
    }
    if (terms.some(function (t) { return !t.negated && !t.stop; })) {
      terms = terms.filter(function (t) { return !t.stop; });
    }
    if (!terms.some(function (t) { return !t.negated; })) {
      throw new Error("the query has no word to look for (it needs one word not excluded with -)");
    }
    return { terms: terms, unknown: [].concat.apply([], terms.map(function (t) { return t.unknown; })) };
  }

  /* Stem number -> positions in text i: its words, and the other names of organizations it names. */
  function positions(i) {
    if (!cache.has(i)) {
      cache.set(i, new Map(I.docs[i].p.map(function (entry) { return [entry[0], entry.slice(1)]; })));
    }
    return cache.get(i);
  }

  /* BM25's length normalisation of one field (the heading and the rest each by its own mean). */
  function norm(length, average) {
    return average ? 1 - I.b + I.b * length / average : 1;
  }

  function occurs(where, term) {
    var ids = term.stems.map(function (s) { return stemIds.has(s) ? stemIds.get(s) : -1; });
    var first = where.get(ids[0]) || [];
    return first.some(function (p) {
      return ids.slice(1).every(function (id, k) { return (where.get(id) || []).indexOf(p + k + 1) >= 0; });
    });
  }

  function compare(a, b) {
    if (a.score !== b.score) return b.score - a.score;
    var ka = kindOrder.get(a.kind), kb = kindOrder.get(b.kind);
    if (ka !== kb) return ka - kb;
    for (var i = 0; i < Math.min(a.source.length, b.source.length); i++) {
      if (a.source[i] !== b.source[i]) return a.source[i] - b.source[i];
    }
    return a.source.length - b.source.length;
  }

  /* Ranked hits for query among records of the given kinds: {hits: [{kind, key, source, lang, score}], unknown}. */
  function search(query, kinds) {
    var q = parse(query), best = new Map();
    var positive = q.terms.filter(function (t) { return !t.negated; });
    I.docs.forEach(function (doc, i) {
      if (kinds && kinds.indexOf(doc.kind) < 0) return;
      var where = positions(i);
      var ok = q.terms.every(function (t) { return occurs(where, t) !== t.negated; });
      if (!ok) return;
      var score = 0, body = doc.kind === "speaker" ? I.remarks : 1;
      positive.forEach(function (t) {
        t.stems.forEach(function (s) {
          var id = stemIds.get(s), df = I.df[id], at = where.get(id);
          var inHead = at.filter(function (p) { return p < doc.h; }).length;
          var tf = I.head * inHead / norm(doc.h, I.avg_head) +
            body * (at.length - inHead) / norm(doc.n - doc.h, I.avg_body);
          var idf = Math.log(1 + (I.total - df + 0.5) / (df + 0.5));
          score += idf * tf * (I.k1 + 1) / (tf + I.k1);
        });
      });
      score = Math.round(score * 1e6) / 1e6;
      var key = doc.kind + " " + doc.key;
      if (!best.has(key) || score > best.get(key).score) {
        best.set(key, { kind: doc.kind, key: doc.key, source: doc.source, lang: doc.lang, score: score });
      }
    });
    return { hits: Array.from(best.values()).sort(compare), unknown: q.unknown };
  }

  /* Words of the texts that begin like word (to suggest for a word the texts do not have). */
  function similar(word, limit) {
    var f = fold(word), out = [];
    for (var n = f.length; n >= 3 && !out.length; n--) {
      var prefix = f.slice(0, n);
      words.forEach(function (_, w) { if (out.length < limit && w.lastIndexOf(prefix, 0) === 0) out.push(w); });
      stemEndings.forEach(function (e, s) {
        if (out.length < limit && s.lastIndexOf(prefix, 0) === 0) out.push(s + Array.from(endings[e])[0]);
      });
    }
    return out;
  }

  window.SWG = { fold: fold, stem: stemOf, parse: parse, search: search, similar: similar };
})();
