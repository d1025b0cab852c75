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

   Query rules and ranking are the library's (SearchIndex.explained): every plain word optional,
   BM25F (same k1, b, heading weight, half weight of a speaker's remarks) over all the library's
   texts times coverage ** (the share of the query's known words a text holds); "a phrase" and
   +word required, -word excluded, each checked against the whole record (both languages); stop
   words, and in a question the words that frame it, left out and reported; a question naming a
   kind of record gets that kind first; a word also finds its equivalent terms (editorial, shipped
   with their forms' stems); a Russian query answered from the Russian texts, an English one from
   the English; a text is also found under the other names of the organizations it names (shipped
   as more positions of the text); one hit per record (its best language); ties by kind order,
   then citation. search() returns the library's Results.explanation as plain fields.

   A query past the library's limits (window.SWG_LIMITS, written from smuggling_wg._loader when the
   site is built: characters, and words split where Python's str.split splits) is refused before
   any work, as ds.search refuses it: search() throws an error whose `limit` says which limit. A
   word beginning with one of the index's minus_signs (U+2212, the dashes) is the exclusion -word. */
(function () {
  "use strict";
  var I = window.SWG_INDEX, L = window.SWG_LIMITS;
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

  /* The inside of a character class holding each character of text (all are in the BMP). */
  function classOf(text) {
    return Array.from(text).map(function (c) { return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4); }).join("");
  }
  var SIGN = "([+" + classOf(I.minus_signs) + "]?)";
  var TOKENS = SIGN + '"([^"]*)"?|' + SIGN + "(\\S+)";
  var SPACES = new RegExp("[" + classOf(L.spaces) + "]+");

  /* The limit query is past, as the library's _loader.check_query counts (characters, then words),
     or null: {what: "chars" or "words", count, limit}. */
  function overLimit(query) {
    var chars = Array.from(query).length;
    if (chars > L.query_chars) return { what: "chars", count: chars, limit: L.query_chars };
    var words = query.split(SPACES).filter(Boolean).length;
    if (words > L.query_words) return { what: "words", count: words, limit: L.query_words };
    return null;
  }

  /* What a page says of a refused query, in its language (said: its status element's data). */
  function refusal(error, said) {
    var over = error.limit, lang = document.documentElement.lang;
    if (!over) return said.noquery;
    return said["query" + over.what].replace("{n}", over.count.toLocaleString(lang))
      .replace("{limit}", over.limit.toLocaleString(lang));
  }

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

  var questionWords = new Set(I.question_words), openers = new Set(I.question_openers);
  var kindWords = new Map(I.kind_words);
  var EDGES = /^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu;
  var CYRILLIC = /[а-яё]/, LATIN = /[a-z]/;
  var forms = [];
  I.equivalents.forEach(function (e) { e.forms.forEach(function (f) { forms.push({ form: f, e: e }); }); });
  forms.sort(function (a, b) { return b.form.length - a.form.length; });  /* stable: the library's order */

  function stemsOf(text) {
    return (text.match(WORD) || []).map(function (w) { var f = fold(w), s = stemOf(f); return s === null ? f : s; });
  }

  function same(a, b) { return a.length === b.length && a.every(function (x, i) { return x === b[i]; }); }

  /* The texts a query is answered from (the library's _languages). */
  function languages(words) {
    var cyrillic = words.some(function (w) { return CYRILLIC.test(fold(w)); });
    var latin = words.some(function (w) {
      var upper = w === w.toUpperCase() && w !== w.toLowerCase();
      return LATIN.test(fold(w)) && !(upper || /\p{Nd}/u.test(w));
    });
    if (cyrillic && !latin) return ["ru"];
    if (latin && !cyrillic) return ["en"];
    return I.langs.slice();
  }

  /* Runs of optional words that are a form of an equivalence become one term with its alternatives. */
  function grouped(terms) {
    var out = [], i = 0;
    while (i < terms.length) {
      var term = terms[i], done = false;
      if (!term.operator) {
        for (var f = 0; f < forms.length && !done; f++) {
          var form = forms[f].form, run = [], j = i;
          while (j < terms.length && !terms[j].operator && run.length < form.length) { run = run.concat(terms[j].stems); j++; }
          if (same(run, form)) {
            var alternatives = [form];
            forms[f].e.forms.forEach(function (g) {
              if (!same(g, form) && !alternatives.some(function (a) { return same(a, g); })) alternatives.push(g);
            });
            var typed = terms.slice(i, j).map(function (t) { return t.typed; }).join(" ");
            out.push({ stems: form, negated: false, required: false, phrase: false, operator: false,
                       typed: typed, group: forms[f].e.id, alternatives: alternatives });
            i = j; done = true;
          }
        }
      }
      if (!done) { term.alternatives = [term.stems]; out.push(term); i++; }
    }
    return out;
  }

  /* The library's _parse: terms, words left out, languages, the kind a question names. */
  function parse(query) {
    var folded = (query.match(WORD) || []).map(fold);
    var question = /\?\s*$/.test(query) || (folded.length > 0 && openers.has(folded[0]));
    var tokens = new RegExp(TOKENS, "g"), raw = [], previous = "", m;
    while ((m = tokens.exec(query)) !== null) {
      var phrase = m[2], bare = m[4], given = m[1] || m[3] || "";
      var sign = given && I.minus_signs.indexOf(given) >= 0 ? "-" : given;  /* "−word", "–word": -word */
      var stems = stemsOf(phrase !== undefined ? phrase : bare);
      if (!stems.length) continue;
      if (phrase !== undefined) {
        raw.push({ term: { stems: stems, negated: sign === "-", required: sign !== "-", phrase: true,
                           operator: true, typed: sign + m[0].slice(given.length), group: "" }, role: "" });
        previous = "";
        continue;
      }
      var words = fold(bare).match(WORD) || [], role = "";
      if (!sign) {
        var joined = words.join(" ");
        if (words.every(function (w) { return stopWords.has(w); }) || stopPhrases.has(previous + " " + joined)) role = "stop";
        else if (question && kindWords.has(joined)) role = "kind:" + kindWords.get(joined);
        else if (question && words.every(function (w) { return questionWords.has(w); })) role = "question";
        previous = role === "stop" ? joined : "";
      }
      raw.push({ term: { stems: stems, negated: sign === "-", required: sign === "+", phrase: false,
                         operator: sign !== "", typed: sign + bare.replace(EDGES, ""), group: "" }, role: role });
    }
    [3, 2].forEach(function (size) {
      for (var i = 0; i + size <= raw.length; i++) {
        var run = raw.slice(i, i + size);
        if (question && run.every(function (r) { return r.role === "" || r.role === "question"; })) {
          var joined = run.map(function (r) { return fold(r.term.typed); }).join(" ");
          if (kindWords.has(joined)) run.forEach(function (r) { r.role = "kind:" + kindWords.get(joined); });
        }
      }
    });
    if (!raw.some(function (r) { return !r.term.negated && !r.role; })) raw.forEach(function (r) { r.role = ""; });
    var terms = grouped(raw.filter(function (r) { return !r.role; }).map(function (r) { return r.term; }));
    if (!terms.some(function (t) { return !t.negated; })) {
      throw new Error("the query has no word to look for (it needs one word not excluded with -)");
    }
    var kinds = raw.filter(function (r) { return r.role.indexOf("kind:") === 0; });
    return {
      terms: terms,
      ignored: raw.filter(function (r) { return r.role; }).map(function (r) { return r.term.typed; }),
      languages: languages(terms.map(function (t) { return t.typed; })),
      preferred: kinds.length ? kinds[0].role.slice(5) : null
    };
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

  /* Start positions of stems in sequence in a text (where: stem number -> positions). */
  function phraseAt(where, stems) {
    var ids = stems.map(function (s) { return stemIds.has(s) ? stemIds.get(s) : -1; });
    var first = where.get(ids[0]) || [];
    return first.filter(function (p) {
      return ids.slice(1).every(function (id, k) { return (where.get(id) || []).indexOf(p + k + 1) >= 0; });
    });
  }

  function occurs(where, term) {
    return term.alternatives.some(function (alt) { return phraseAt(where, alt).length > 0; });
  }

  /* BM25F of stems in text i (the heading and the rest each by its own mean). */
  function bm25(i, where, stems) {
    var doc = I.docs[i], score = 0, body = doc.kind === "speaker" ? I.remarks : 1;
    stems.forEach(function (s) {
      var id = stemIds.get(s), df = I.df[id], at = where.get(id) || [];
      var inHead = at.filter(function (p) { return p < doc.h; }).length;
      var tf = I.head * inHead / norm(doc.h, I.avg_head) + body * (at.length - inHead) / norm(doc.n - doc.h, I.avg_body);
      var idf = Math.log(1 + (I.total - df + 0.5) / (df + 0.5));
      score += idf * tf * (I.k1 + 1) / (tf + I.k1);
    });
    return score;
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

  var records = new Map();  /* "kind key" -> its texts (one per language) */
  I.docs.forEach(function (doc, i) {
    var key = doc.kind + " " + doc.key;
    if (!records.has(key)) records.set(key, []);
    records.get(key).push(i);
  });

  /* Ranked hits for query among records of the given kinds (null: all), as ds.search ranks them,
     and its explanation: {hits: [{kind, key, source, lang, score, via}], unknown: [words], explanation}. */
  function search(query, kinds, lang) {
    var over = overLimit(query);
    if (over) {
      var refused = new Error("the query is past a limit");
      refused.limit = over;
      throw refused;
    }
    var q = parse(query), langs = lang ? [lang] : q.languages;
    var scoring = q.terms.filter(function (t) { return !t.negated; });
    var known = scoring.filter(function (t) {
      return t.alternatives.some(function (a) { return stemIds.has(a[0]); });
    });
    var firsts = new Set();
    scoring.forEach(function (t) { t.alternatives.forEach(function (a) { if (stemIds.has(a[0])) firsts.add(stemIds.get(a[0])); }); });
    var found = new Map();
    I.docs.forEach(function (doc, i) {
      if (langs.indexOf(doc.lang) < 0 || (kinds && kinds.indexOf(doc.kind) < 0)) return;
      var where = positions(i), hasAny = false;
      firsts.forEach(function (id) { if (where.has(id)) hasAny = true; });
      if (!hasAny) return;
      var key = doc.kind + " " + doc.key;
      if (!found.has(key)) found.set(key, []);
      found.get(key).push(i);
    });
    var removed = new Map(), best = new Map();
    q.terms.forEach(function (t) { if (t.operator) removed.set(t.typed, []); });
    found.forEach(function (indexes, key) {
      var whole = records.get(key);
      var blocker = q.terms.find(function (t) {
        if (!t.operator) return false;
        var present = whole.some(function (i) { return occurs(positions(i), t); });
        return t.negated ? present : !present;
      });
      if (blocker) { removed.get(blocker.typed).push([I.docs[whole[0]].kind, I.docs[whole[0]].key]); return; }
      indexes.forEach(function (i) {
        var doc = I.docs[i], where = positions(i), score = 0, held = 0, via = [];
        scoring.forEach(function (t) {
          var top = null;
          t.alternatives.forEach(function (alt, n) {
            if (!phraseAt(where, alt).length) return;
            var w = bm25(i, where, alt) * (n ? I.equivalent : 1);
            if (top === null || w > top[0] || (w === top[0] && n > top[1])) top = [w, n];
          });
          if (top === null) return;
          held += 1; score += top[0];
          if (top[1] && via.indexOf(t.group) < 0) via.push(t.group);
        });
        if (!held) return;
        score *= Math.pow(I.coverage, held / Math.max(1, known.length));
        score = Math.round(score * 1e6) / 1e6;
        if (!best.has(key) || score > best.get(key).score) {
          best.set(key, { kind: doc.kind, key: doc.key, source: doc.source, lang: doc.lang, score: score, via: via });
        }
      });
    });
    var hits = Array.from(best.values()).sort(function (a, b) {
      var pa = a.kind !== q.preferred, pb = b.kind !== q.preferred;
      return pa !== pb ? (pa ? 1 : -1) : compare(a, b);
    });
    var unknown = scoring.filter(function (t) { return known.indexOf(t) < 0 && !t.phrase; });
    var explanation = {
      languages: langs,
      ignored: q.ignored,
      unknown: unknown.map(function (t) { return { word: t.typed, suggestions: similar(t.typed, 5) }; }),
      removed_by: Array.from(removed.entries()).filter(function (e) { return e[1].length; })
        .map(function (e) { return { operator: e[0], records: e[1] }; }),
      expanded_via: q.terms.filter(function (t) { return t.group; }).map(function (t) {
        var e = I.equivalents.find(function (x) { return x.id === t.group; });
        return { term: t.typed, via: t.group, rationale: e.rationale,
                 equivalents: e.labels.filter(function (_, k) { return !same(e.forms[k], t.stems); }) };
      }),
      preferred_kind: q.preferred
    };
    return { hits: hits, unknown: unknown.map(function (t) { return t.typed; }), explanation: explanation };
  }

  /* Levenshtein distance of a and b, or limit + 1 once it must exceed limit (the library's _distance). */
  function distance(a, b, limit) {
    var previous = [], i, j;
    for (j = 0; j <= b.length; j++) previous.push(j);
    for (i = 1; i <= a.length; i++) {
      var current = [i];
      for (j = 1; j <= b.length; j++) {
        current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] !== b[j - 1] ? 1 : 0)));
      }
      if (Math.min.apply(null, current) > limit) return limit + 1;
      previous = current;
    }
    return previous[b.length];
  }

  /* Words of the texts spelt like word (at most I.edits edits away, the nearest first), as the
     library's SearchIndex.suggestions: a word longer than I.longest gets none, so a huge word costs nothing. */
  function similar(word, limit) {
    var f = fold(word);
    if (f.length > I.longest || !new RegExp("^[\\p{L}\\p{N}_]+$", "u").test(f)) return [];
    var script = CYRILLIC.test(f), close = [];
    I.vocabulary.forEach(function (w) {
      if (CYRILLIC.test(w) === script && Math.abs(w.length - f.length) <= I.edits) {
        var d = distance(f, w, I.edits);
        if (d <= I.edits) close.push([d, w]);
      }
    });
    close.sort(function (a, b) { return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0); });
    return close.slice(0, limit).map(function (c) { return c[1]; });
  }

  window.SWG = { fold: fold, stem: stemOf, parse: parse, search: search, similar: similar, refusal: refusal };
})();
