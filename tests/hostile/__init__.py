"""Hostile corpus for issue 17 (classes 1-9 and 13), written from the specification (README.md, HUONG-DAN.md,
issue 17), not from the implementation.

Cases are data (tests/hostile/cases/), each with an id, a class, the files it writes into a throwaway project
and its outcome:

- REFUSED: `loa build --at …` exits non-zero, stderr is Vietnamese and names the file and the line of the
  offending input; `loa check --format json` fails too and lists an error with that path and line; the good
  site previously in the same --site-dir is byte-identical afterwards (test_refused.py).
- NEUTRALISED: batched into one build per batch (text, body, withheld, history); every output file (HTML, RSS,
  Atom, JSON Feed, gzip copies, search index scripts, .ics, single-file copies, SVG, .nginx includes, the
  offline bundle) is scanned for live markup carrying the case's token, and canaries of withheld documents must
  appear nowhere, by name, bytes, base64 or inside gzip (test_neutralised.py); Chromium loads every page that
  carries a payload over plain HTTP and behind the shipped nginx (test_browser.py).
- EITHER: refused as above, or built with the payload inert (for inputs the issue lets Loa refuse or clean:
  SVG, stripped elements, file names, bypass switches).

class                                         REFUSED NEUTRALISED EITHER   all
 1 feed and page HTML from text fields              0          21      2    23
 2 URLs from data and front matter                 17           0      0    17
 3 active attachments, theme paths                 20           0      3    23
 4 attachments follow publication                   0          11      0    11
 5 bodies                                           5          35      7    47
 6 invisible characters                            17           0      0    17
 7 bounded parsing                                 28           0      0    28
 8 file names                                       3           0      9    12
 9 never-public revisions                           0          10      0    10
13 safe without Loa                                 0           0      7     7
total                                              90          77     28   195

Run: `python -m pytest -q tests/hostile -p no:cacheprovider` (HOSTILE_JOBS builds at a time, default 2).
"""
