/* Loa: the browser side of src/loa/core/normalize.py. Same rules, checked on tests/fixtures/normalize.json. */
(function (root) {
  "use strict";

  var LOOKALIKES = { "Ð": "Đ", "Ɖ": "Đ", "ð": "đ", "ɖ": "đ" };
  var TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  var MARKS = /[\u0300-\u036f]/g;
  var OPEN_DIPHTHONG = new RegExp(
    "^((?:[bcdđghklmnprstvx]|ch|gh|gi|kh|ng|ngh|nh|ph|th|tr)?)(o)([ae])$|" +
    "^((?:[bcdđghklmnprstvx]|ch|gh|kh|ng|ngh|nh|ph|th|tr)?)(u)(y)$");

  function nfc(text) {
    return String(text).normalize("NFC").replace(/[ÐƉðɖ]/g, function (c) { return LOOKALIKES[c]; });
  }

  function moveTone(word) {
    var decomposed = word.normalize("NFD");
    var tones = decomposed.match(TONES) || [];
    if (tones.length !== 1) return word;
    var bare = decomposed.replace(TONES, "").normalize("NFC");
    var shape = OPEN_DIPHTHONG.exec(bare.toLowerCase());
    if (!shape) return word;
    var vowel = (shape[1] !== undefined ? shape[1] : shape[4]).length;
    var letters = Array.from(bare);
    letters[vowel] = (letters[vowel] + tones[0]).normalize("NFC");
    return letters.join("");
  }

  function canonicalTones(text) {
    return nfc(text).replace(/[\p{L}\p{M}]+/gu, function (word) {
      return /\p{N}/u.test(word) ? word : moveTone(word);
    });
  }

  function fold(text) {
    var lowered = nfc(text).toLowerCase().replace(/đ/g, "d");
    return lowered.normalize("NFD").replace(MARKS, "").normalize("NFC");
  }

  function searchKey(text) {
    return fold(canonicalTones(text));
  }

  function numberKey(text) {
    var parts = fold(text).match(/\d+|[\p{L}\p{M}]+/gu) || [];
    var digits = parts.filter(function (p) { return /^\d+$/.test(p); }).join("");
    var letters = parts.filter(function (p) { return !/^\d+$/.test(p); }).join("");
    return digits + letters;
  }

  // Runs of letters and digits, cut every 40 characters (MAX_TOKEN in normalize.py).
  function tokens(text) {
    return fold(text).match(/[\p{L}\p{N}]{1,40}/gu) || [];
  }

  root.LoaNormalize = {
    nfc: nfc, canonicalTones: canonicalTones, fold: fold, searchKey: searchKey, numberKey: numberKey,
    tokens: tokens
  };
})(typeof window !== "undefined" ? window : globalThis);
