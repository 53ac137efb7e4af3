/* Loa: search in the browser, over the index `loa` builds under search/ (see src/loa/core/search.py).
 *
 * Index files are scripts calling loaSearchData(name, data), loaded with <script> tags: the same files work over
 * http:// and from file://, where browsers refuse fetch(). Only the shards a query needs are loaded.
 * Words are compared as LoaNormalize.tokens gives them (folded: no diacritics, đ→d), like the index. */
(function (root) {
  "use strict";

  var N = root.LoaNormalize;
  var PAGE = 10;
  var PREFIX_FACTOR = 0.6;        // a word being typed matches longer words, below exact matches
  var PREFIX_BYTES = 400000;      // what a prefix may load; beyond that it matches whole words only
  var PREFIX_TERMS = 60;          // longer words a prefix stands for, the most frequent first
  var NUMBER_EXACT = 1e7;         // the document whose number the query spells comes first
  var NUMBER_PREFIX = 1e6;
  var WHOLE_WORD = 1e5;           // the word being typed, matched whole, ranks above longer words it starts
  var QUOTES = /["\u201c\u201d\u201e\u00ab\u00bb]/;

  /* ---- loading ---------------------------------------------------------------------------------------- */

  var store = Object.create(null);
  var waiting = Object.create(null);

  root.loaSearchData = function (name, data) {
    store[name] = data;
    var callbacks = waiting[name] || [];
    delete waiting[name];
    callbacks.forEach(function (callback) { callback.resolve(data); });
  };

  function load(base, name) {
    if (name in store) return Promise.resolve(store[name]);
    return new Promise(function (resolve, reject) {
      if (waiting[name]) { waiting[name].push({ resolve: resolve, reject: reject }); return; }
      waiting[name] = [{ resolve: resolve, reject: reject }];
      var script = document.createElement("script");
      script.src = base + name + ".js";
      script.async = true;
      function fail() {
        var callbacks = waiting[name] || [];
        delete waiting[name];
        callbacks.forEach(function (callback) { callback.reject(new Error("loa-search: " + name)); });
      }
      script.onerror = fail;
      script.onload = function () { script.remove(); if (waiting[name]) fail(); };
      document.head.appendChild(script);
    });
  }

  /* ---- queries ---------------------------------------------------------------------------------------- */

  // A query: words (all must match), word pairs (quoted ones must match, the others rank higher), the word
  // being typed (it also matches longer words), and the document numbers it may spell.
  function parse(text) {
    text = N.nfc(text || "");
    var all = N.tokens(text);
    var typing = /[\p{L}\p{M}\p{N}]$/u.test(text) && all.length > 0;
    var parts = text.split(QUOTES);
    var words = [];
    var pairs = [];
    parts.forEach(function (part, index) {
      var tokens = N.tokens(part);
      var quoted = index % 2 === 1;
      tokens.forEach(function (token) { if (words.indexOf(token) < 0) words.push(token); });
      for (var i = 1; i < tokens.length; i++) {
        var unfinished = typing && index === parts.length - 1 && i === tokens.length - 1;
        pairs.push({ term: tokens[i - 1] + " " + tokens[i], required: quoted && !unfinished });
      }
    });
    return { text: text, words: words, pairs: pairs, prefix: typing ? all[all.length - 1] : null,
             numbers: numberWindows(all, typing) };
  }

  // Runs of query words that contain digits: "KH/TU 85" and "85 - KH/TU" both spell number key "85khtu".
  function numberWindows(words, typing) {
    var found = [];
    for (var start = 0; start < words.length; start++) {
      for (var end = start + 1; end <= Math.min(words.length, start + 6); end++) {
        var run = words.slice(start, end);
        if (!run.some(function (w) { return /^\d+$/.test(w); })) continue;
        found.push({ key: N.numberKey(run.join(" ")), size: run.length, last: end === words.length && typing,
                     digitsOnly: run.every(function (w) { return /^\d+$/.test(w); }) });
      }
    }
    return found;
  }

  /* ---- the index -------------------------------------------------------------------------------------- */

  function Index(base) {
    this.base = base;
    this.manifest = null;
    this.ready = null;
  }

  Index.prototype.open = function () {
    var self = this;
    if (!this.ready) {
      this.ready = load(this.base, "index").then(function (manifest) {
        self.manifest = manifest;
        self.dir = self.base + manifest.dir + "/";
        self.keys = Object.create(null);
        self.longest = 0;
        manifest.keys.forEach(function (key, number) {
          self.keys[key] = number;
          self.longest = Math.max(self.longest, key.length);
        });
        return load(self.dir, "facets");
      }).then(function (facets) { self.facets = facets; return self; });
    }
    return this.ready;
  };

  Index.prototype.shardOf = function (term) {
    for (var length = Math.min(term.length, this.longest); length >= 0; length--) {
      var number = this.keys[term.slice(0, length)];
      if (number !== undefined) return number;
    }
    return 0;
  };

  // Every shard that may hold a term starting with the prefix, or null when they are too many bytes.
  Index.prototype.shardsFrom = function (prefix) {
    var manifest = this.manifest;
    var found = [this.shardOf(prefix)];
    var bytes = manifest.sizes[found[0]];
    for (var number = 0; number < manifest.keys.length; number++) {
      var key = manifest.keys[number];
      if (key.length > prefix.length && key.lastIndexOf(prefix, 0) === 0 && found.indexOf(number) < 0 &&
          key.indexOf(" ") < 0) {
        found.push(number);
        bytes += manifest.sizes[number];
      }
    }
    return bytes <= PREFIX_BYTES ? found : null;
  };

  Index.prototype.shard = function (number) { return load(this.dir, "t/" + number); };
  Index.prototype.record = function (id) { return load(this.dir, "d/" + id); };
  Index.prototype.text = function (id) { return load(this.dir, "x/" + id); };

  function postings(encoded) {
    var map = new Map();
    var id = 0;
    for (var i = 0; i < encoded.length; i += 2) {
      id += encoded[i];
      map.set(id, encoded[i + 1]);
    }
    return map;
  }

  // Ranked document ids for a parsed query, before filters and phrase checks.
  Index.prototype.match = function (query) {
    var self = this;
    var wanted = {};
    query.words.forEach(function (word) { wanted[self.shardOf(word)] = true; });
    query.pairs.forEach(function (pair) { wanted[self.shardOf(pair.term)] = true; });
    var prefixShards = null;
    if (query.prefix && query.prefix.length >= 2) {
      prefixShards = this.shardsFrom(query.prefix);
      (prefixShards || []).forEach(function (number) { wanted[number] = true; });
    }
    query.numbers.forEach(function (number) {
      if (number.digitsOnly || number.last) {
        (self.shardsFrom("#" + number.key) || [self.shardOf("#" + number.key)]).forEach(function (n) {
          wanted[n] = true;
        });
      } else {
        wanted[self.shardOf("#" + number.key)] = true;
      }
    });
    var numbers = Object.keys(wanted).map(Number);
    return Promise.all(numbers.map(function (n) { return self.shard(n); })).then(function (shards) {
      var terms = Object.create(null);
      shards.forEach(function (shard) { for (var term in shard) terms[term] = shard[term]; });
      return self.rank(query, terms, prefixShards !== null);
    });
  };

  Index.prototype.rank = function (query, terms, expand) {
    var groups = query.words.map(function (word) {
      var scores = new Map();
      var typed = word === query.prefix && expand;
      if (terms[word]) {
        postings(terms[word]).forEach(function (weight, id) { scores.set(id, weight + (typed ? WHOLE_WORD : 0)); });
      }
      if (typed) {
        var longer = Object.keys(terms).filter(function (term) {
          return term.length > word.length && term.lastIndexOf(word, 0) === 0 && term.charAt(0) !== "#" &&
            term.indexOf(" ") < 0;
        });
        longer.sort(function (a, b) { return terms[b].length - terms[a].length || (a < b ? -1 : 1); });
        longer.slice(0, PREFIX_TERMS).forEach(function (term) {
          postings(terms[term]).forEach(function (weight, id) {
            var score = weight * PREFIX_FACTOR;
            if (!(scores.get(id) >= score)) scores.set(id, score);
          });
        });
      }
      return scores;
    });
    var bonus = new Map();
    query.pairs.forEach(function (pair) {
      var found = terms[pair.term] ? postings(terms[pair.term]) : new Map();
      if (pair.required) groups.push(found);
      else found.forEach(function (weight, id) { bonus.set(id, (bonus.get(id) || 0) + weight); });
    });
    var numberScores = new Map();
    query.numbers.forEach(function (number) {
      var exact = "#" + number.key;
      Object.keys(terms).forEach(function (term) {
        var bonus = 0;
        if (term === exact && !number.digitsOnly) bonus = NUMBER_EXACT * number.size;
        else if ((number.digitsOnly || number.last) && term.lastIndexOf(exact, 0) === 0 &&
                 !(number.digitsOnly && /\d/.test(term.charAt(exact.length)))) bonus = NUMBER_PREFIX * number.size;
        if (!bonus) return;
        postings(terms[term]).forEach(function (_, id) {
          numberScores.set(id, Math.max(numberScores.get(id) || 0, bonus));
        });
      });
    });
    var scores = new Map();
    var partial = false;
    if (groups.length) {
      groups.slice().sort(function (a, b) { return a.size - b.size; }).forEach(function (group, index) {
        if (index === 0) { group.forEach(function (weight, id) { scores.set(id, weight); }); return; }
        scores.forEach(function (score, id) {
          if (group.has(id)) scores.set(id, score + group.get(id)); else scores.delete(id);
        });
      });
      var quoted = query.pairs.some(function (pair) { return pair.required; });
      if (!scores.size && !numberScores.size && groups.length > 1 && !quoted) {
        // No page has every word: rank the pages by the words they have, and say so.
        partial = true;
        groups.forEach(function (group) {
          group.forEach(function (weight, id) { scores.set(id, (scores.get(id) || 0) + weight); });
        });
      }
    }
    bonus.forEach(function (weight, id) { if (scores.has(id)) scores.set(id, scores.get(id) + weight); });
    numberScores.forEach(function (weight, id) { scores.set(id, (scores.get(id) || 0) + weight); });
    var ids = Array.from(scores.keys());
    ids.sort(function (a, b) { return scores.get(b) - scores.get(a) || a - b; });
    return { ids: ids, partial: partial };
  };

  /* ---- filters ---------------------------------------------------------------------------------------- */

  var FACETS = ["loai", "nam", "coquan", "chude"];

  function facetValue(facets, name, value) {
    var values = facets[name].values;
    for (var i = 0; i < values.length; i++) if (values[i][0] === value) return i;
    return -2;
  }

  function passes(facets, id, chosen, except) {
    return FACETS.every(function (name) {
      if (name === except || chosen[name] === undefined) return true;
      return facets[name].docs[id].indexOf(chosen[name]) >= 0;
    });
  }

  /* ---- the search page -------------------------------------------------------------------------------- */

  function Page(form) {
    this.form = form;
    this.input = form.querySelector("input[name=q]");
    this.selects = FACETS.map(function (name) { return form.querySelector("select[name=" + name + "]"); });
    this.status = document.getElementById("loa-search-status");
    this.list = document.getElementById("loa-search-results");
    this.more = document.getElementById("loa-search-more");
    this.root = (form.getAttribute("data-root") || ".").replace(/\/?$/, "/");  // ".." names a folder too
    this.index = new Index(form.getAttribute("data-index"));
    this.serial = 0;
    this.timer = null;
    var self = this;
    form.addEventListener("submit", function (event) { event.preventDefault(); self.run(true); });
    this.input.addEventListener("input", function () {
      clearTimeout(self.timer);
      self.timer = setTimeout(function () { self.run(false); }, 80);
    });
    this.selects.forEach(function (select) { select.addEventListener("change", function () { self.run(true); }); });
    this.more.addEventListener("click", function () { self.showMore(); });
    var params = new URLSearchParams(location.search);
    this.input.value = params.get("q") || "";
    this.initial = {};
    FACETS.forEach(function (name) { if (params.get(name)) self.initial[name] = params.get(name); });
    this.run(true);
  }

  Page.prototype.say = function (text) { this.status.textContent = text; };

  Page.prototype.run = function (commit) {
    var self = this;
    var serial = ++this.serial;
    var query = parse(this.input.value);
    this.remember(commit);
    if (!this.index.manifest) this.say("Đang tải chỉ mục tìm kiếm…");
    this.index.open().then(function (index) {
      if (serial !== self.serial) return null;
      self.fillFilters(index.facets);
      var chosen = self.chosen(index.facets);
      var anyFilter = Object.keys(chosen).length > 0;
      if (!query.words.length && !query.numbers.length) {
        if (!anyFilter) { self.clear(); self.say(""); return null; }
        var all = [];
        for (var id = 0; id < index.manifest.docs; id++) all.push(id);
        return { query: query, chosen: chosen, ranked: { ids: all, partial: false } };
      }
      return index.match(query).then(function (ranked) {
        return { query: query, chosen: chosen, ranked: ranked };
      });
    }).then(function (found) {
      if (!found || serial !== self.serial) return;
      self.show(found, serial);
    }).catch(function () {
      if (serial === self.serial) self.say("Không tải được chỉ mục tìm kiếm. Hãy tải lại trang.");
    });
  };

  Page.prototype.remember = function (commit) {
    var params = new URLSearchParams();
    if (this.input.value) params.set("q", this.input.value);
    this.selects.forEach(function (select) { if (select.value) params.set(select.name, select.value); });
    var search = params.toString();
    var url = location.pathname + (search ? "?" + search : "");
    if (url !== location.pathname + location.search) history.replaceState(null, "", url);
    if (commit) document.title = (this.input.value ? this.input.value + " - " : "") + this.baseTitle();
  };

  Page.prototype.baseTitle = function () {
    if (!this.title) this.title = document.title;
    return this.title;
  };

  Page.prototype.chosen = function (facets) {
    var chosen = {};
    this.selects.forEach(function (select) {
      if (!select.value) return;
      var value = facetValue(facets, select.name, select.value);
      chosen[select.name] = value;
    });
    return chosen;
  };

  Page.prototype.fillFilters = function (facets) {
    var self = this;
    if (this.filled) return;
    this.filled = true;
    this.selects.forEach(function (select) {
      facets[select.name].values.forEach(function (value) {
        var option = document.createElement("option");
        option.value = value[0];
        option.textContent = value[1];
        option.setAttribute("data-label", value[1]);
        select.appendChild(option);
      });
      if (self.initial[select.name]) select.value = self.initial[select.name];
      select.parentNode.hidden = facets[select.name].values.length < 2;
    });
  };

  Page.prototype.countFilters = function (facets, ids, chosen) {
    this.selects.forEach(function (select) {
      var counts = new Array(facets[select.name].values.length).fill(0);
      ids.forEach(function (id) {
        if (!passes(facets, id, chosen, select.name)) return;
        facets[select.name].docs[id].forEach(function (value) { counts[value]++; });
      });
      Array.prototype.forEach.call(select.options, function (option, number) {
        if (number === 0) return;
        option.textContent = option.getAttribute("data-label") + " (" + counts[number - 1] + ")";
      });
    });
  };

  Page.prototype.clear = function () {
    this.form.setAttribute("data-shown", "");
    this.list.textContent = "";
    this.more.hidden = true;
    this.results = [];
  };

  Page.prototype.show = function (found, serial) {
    var facets = this.index.facets;
    this.countFilters(facets, found.ranked.ids, found.chosen);
    this.results = found.ranked.ids.filter(function (id) { return passes(facets, id, found.chosen); });
    this.query = found.query;
    this.form.setAttribute("data-shown", found.query.text);
    this.shown = 0;
    this.list.textContent = "";
    var count = this.results.length;
    if (!count) {
      this.more.hidden = true;
      this.say("Không tìm thấy văn bản nào" + (found.query.text.trim() ? " cho “" + found.query.text.trim() + "”" : "") +
               ". Hãy thử ít từ hơn, bỏ bớt bộ lọc hoặc gõ không dấu.");
      return;
    }
    var text = "Tìm thấy " + count + " kết quả.";
    if (found.ranked.partial) text = "Không có văn bản nào chứa đủ mọi từ đã gõ; " + count +
      " văn bản chứa một phần, xếp theo mức phù hợp.";
    this.say(text);
    this.showMore(serial);
  };

  Page.prototype.showMore = function (serial) {
    var self = this;
    serial = serial || this.serial;
    var batch = this.results.slice(this.shown, this.shown + PAGE);
    this.shown += batch.length;
    this.more.hidden = this.shown >= this.results.length;
    var items = batch.map(function (id) {
      var item = document.createElement("li");
      item.className = "loa-result";
      item.setAttribute("aria-busy", "true");
      self.list.appendChild(item);
      return item;
    });
    batch.forEach(function (id, n) {
      var record = null;
      self.index.record(id).then(function (loaded) {
        if (serial !== self.serial) return null;
        record = loaded;
        self.fill(items[n], record);
        return self.index.text(id);
      }).then(function (text) {
        if (text === null || text === undefined || serial !== self.serial) return;
        var excerpt = self.excerpt(text, self.query, record);
        if (excerpt) items[n].appendChild(excerpt);
        items[n].removeAttribute("aria-busy");
      }).catch(function () { items[n].removeAttribute("aria-busy"); });
    });
  };

  Page.prototype.href = function (url) {
    var href = this.root + url;
    if (location.protocol === "file:" && /\/$/.test(href)) href += "index.html";
    return href;
  };

  Page.prototype.fill = function (item, record) {
    var link = document.createElement("a");
    link.className = "loa-result__title";
    link.href = this.href(record.u);
    highlight(link, record.t, this.query);
    item.appendChild(link);
    var meta = document.createElement("div");
    meta.className = "loa-result__meta";
    [record.l, record.n ? "Số " + record.n : null, record.i, record.d].forEach(function (part) {
      if (!part) return;
      var span = document.createElement("span");
      span.textContent = part;
      meta.appendChild(span);
    });
    if (record.m) {
      var sample = document.createElement("span");
      sample.className = "loa-result__sample";
      sample.textContent = "Bài mẫu, không phải tin thật";
      meta.appendChild(sample);
    }
    item.appendChild(meta);
    item.setAttribute("data-url", record.u);
  };

  // A few lines of the text around the first place the query matches, matched words marked.
  Page.prototype.excerpt = function (text, query, record) {
    var words = [];
    var pattern = /[\p{L}\p{M}\p{N}]+/gu;
    var match;
    while ((match = pattern.exec(text)) !== null) words.push({ at: match.index, end: pattern.lastIndex, word: match[0] });
    var at = -1;
    for (var i = 0; i < words.length && at < 0; i++) if (matches(N.fold(words[i].word), query)) at = i;
    var paragraph = document.createElement("p");
    paragraph.className = "loa-result__excerpt";
    if (at < 0) {
      if (!record.s) return null;
      paragraph.textContent = record.s;
      return paragraph;
    }
    var first = Math.max(0, at - 12);
    var last = Math.min(words.length - 1, at + 30);
    var start = words[first].at;
    var end = words[last].end;
    if (first > 0) paragraph.appendChild(document.createTextNode("… "));
    highlight(paragraph, text.slice(start, end).replace(/\s+/g, " "), query);
    if (last < words.length - 1) paragraph.appendChild(document.createTextNode(" …"));
    return paragraph;
  };

  function matches(folded, query) {
    for (var i = 0; i < query.words.length; i++) {
      var word = query.words[i];
      if (folded === word || (word === query.prefix && folded.lastIndexOf(word, 0) === 0)) return true;
    }
    return false;
  }

  // Append the text to the element, the words of the query inside <mark>. Never parses HTML.
  function highlight(element, text, query) {
    var pattern = /[\p{L}\p{M}\p{N}]+/gu;
    var last = 0;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      var folded = N.fold(match[0]);
      var tokens = N.tokens(folded);
      if (tokens.length === 1 && matches(tokens[0], query)) {
        if (match.index > last) element.appendChild(document.createTextNode(text.slice(last, match.index)));
        var mark = document.createElement("mark");
        mark.textContent = match[0];
        element.appendChild(mark);
        last = pattern.lastIndex;
      }
    }
    if (last < text.length) element.appendChild(document.createTextNode(text.slice(last)));
  }

  function start() {
    var form = document.getElementById("loa-search");
    if (form) root.loaSearchPage = new Page(form);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(window);
