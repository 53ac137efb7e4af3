"""Running the corpus: the good site, one small project per refused case, one build per batch, bypass builds.
Builds run a few at a time (HOSTILE_JOBS, default 2: the reference machine has two cores)."""

from __future__ import annotations

import json
import os
import re
import shutil
import unicodedata
import zipfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from tests.conftest import BUILD_TIME, MINIMAL_MKDOCS, REPO, write_files
from tests.hostile.cases import Case
from tests.hostile.cases.base import BASE_FILES
from tests.hostile.cases.c08_names import title_marker
from tests.hostile.harness import Run, build, check_json, git, hash_tree, make_project, run_cli
from tests.hostile.inspect_output import Finding, scan_site

JOBS = int(os.environ.get("HOSTILE_JOBS", "2"))


class Corpus:
    """Every build of the corpus, submitted at once to one pool so the two cores stay busy; results on demand."""

    def __init__(self, work: Path, cases: list[Case]) -> None:
        self.pool = ThreadPoolExecutor(max_workers=JOBS)
        self.good: Future[Built] = self.pool.submit(good_site, work / "good")
        names = sorted({case.batch for case in cases if case.batch})
        members = {name: [case for case in cases if case.batch == name] for name in names}
        self.batches = {
            name: self.pool.submit(build_batch, name, members[name], work / "batch") for name in names
        }
        self.bundle = self.pool.submit(build_bundle, members.get("text", []), work / "bundle")
        self.bypass = {
            case.id: self.pool.submit(run_bypass, case, work / "bypass") for case in cases if case.command
        }
        self.separate = {
            case.id: self.pool.submit(lambda c: run_separate(c, work / "separate", self.good.result()), case)
            for case in cases
            if case.outcome in ("REFUSED", "EITHER") and not case.command
        }

    def close(self) -> None:
        for future in [*self.batches.values(), self.bundle, *self.bypass.values(), *self.separate.values()]:
            future.cancel()
        self.pool.shutdown(wait=True)


@dataclass
class Built:
    """A site built (or not) from a project."""

    root: Path
    site: Path
    run: Run
    check: Run | None = None
    before: dict[str, str] = field(default_factory=dict)  # hashes of the good site put there first
    after: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def diagnostics(self) -> list[dict[str, object]]:
        try:
            return list(json.loads(self.check.stdout).get("diagnostics", [])) if self.check else []
        except ValueError:
            return []


def theme_assets(site: Path) -> dict[str, str]:
    def one(pattern: str) -> str:
        found = sorted(site.glob(pattern))
        return found[0].name if found else "missing"

    return {
        "{BUNDLE}": one("assets/javascripts/bundle.*.min.js"),
        "{MAIN_CSS}": one("assets/stylesheets/main.*.min.css"),
    }


def _resolve(name: str, assets: dict[str, str]) -> str:
    for marker, value in assets.items():
        name = name.replace(marker, value)
    return name


def case_project(root: Path, cases: list[Case], assets: dict[str, str]) -> Path:
    files: dict[str, str | bytes] = dict(BASE_FILES)
    appends: dict[str, str] = {}
    for case in cases:
        files.update({_resolve(k, assets): v for k, v in case.files.items()})
        for name, text in case.appends.items():
            appends[name] = appends.get(name, "") + text
    mkdocs = next((case.mkdocs for case in cases if case.mkdocs), MINIMAL_MKDOCS)
    return make_project(root, files, appends, mkdocs)


def good_site(work: Path) -> Built:
    root = case_project(work / "project", [], {})
    site = work / "site"
    run = build(root, site)
    assert run.returncode == 0, f"the base project must build: {run.stderr}"
    return Built(root, site, run, findings=scan_site(site))


def run_separate(case: Case, work: Path, good: Built) -> Built:
    """Good site first; then `loa check --format json`; then the hostile build into the same --site-dir."""
    assets = theme_assets(good.site)
    root = case_project(work / case.id / "project", [case], assets)
    site = root / "site"
    shutil.copytree(good.site, site, symlinks=True)
    before = hash_tree(site)
    limit = 3 * case.max_seconds if case.max_seconds else 60  # a hang is a failure; do not wait for it
    memory = 2_000_000_000 if case.max_seconds else 0  # bounded memory too: 2 GB of address space
    check = check_json(root, timeout=limit, memory=memory)
    run = build(root, site, timeout=limit, memory=memory)
    after = hash_tree(site) if site.exists() else {}
    built = Built(root, site, run, check, before, after)
    if run.returncode == 0:
        built.findings = scan_site(site)
    return built


def build_batch(name: str, cases: list[Case], work: Path) -> Built:
    root = case_project(work / name / "project", [case for case in cases if not case.commits], {})
    commits = sorted((c for case in cases for c in case.commits), key=lambda c: c.date)
    if commits:
        git(root, "init", "-q", "-b", "main")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "Khởi tạo bộ thử", date="2024-01-01T08:00:00+07:00")
        for commit in commits:
            write_files(root, commit.files)
            git(root, "add", "-A")
            git(root, "commit", "-q", "-m", commit.message, date=commit.date, author=commit.author)
    site = root / "site"
    run = build(root, site, timeout=300)
    built = Built(root, site, run)
    if run.returncode == 0:
        built.findings = scan_site(site)
    return built


def build_bundle(cases: list[Case], work: Path) -> Built:
    """`loa bundle` of a batch's project, unzipped: the offline copy carries the same documents."""
    root = case_project(work / "project", cases, {})
    out = work / "bundle"
    run = run_cli(
        "bundle",
        "-f",
        str(root / "mkdocs.yml"),
        "-o",
        str(out / "loa.zip"),
        "--at",
        BUILD_TIME,
        cwd=root,
        timeout=300,
    )
    built = Built(root, out / "x", run)
    if run.returncode == 0:
        with zipfile.ZipFile(out / "loa.zip") as archive:
            archive.extractall(out / "x")
        built.findings = scan_site(out / "x")
    return built


def run_bypass(case: Case, work: Path) -> Built:
    root = work / case.id / "project"
    if case.sapa:
        root.mkdir(parents=True)
        for name in ("content", "plans", "data", "theme"):
            shutil.copytree(REPO / name, root / name)
        text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
        assert "  - loa:\n" in text
        (root / "mkdocs.yml").write_text(
            text.replace("  - loa:\n", "  - loa:\n      enabled: false\n"), encoding="utf-8"
        )
    else:
        case_project(root, [case], {})
    site = root / "site"
    if case.command == "mkdocs":
        run = run_cli(
            "build",
            "-f",
            str(root / "mkdocs.yml"),
            "--site-dir",
            str(site),
            cwd=root,
            timeout=120,
            module="mkdocs",
        )
    else:
        run = build(root, site, timeout=120)
    return Built(root, site, run)


SLUG = re.compile(r"^[^\W_][\w.-]*$")  # letters (NFC, lower case), digits, . _ -: no space, #, ?, %


def address_problems(site: Path, token: str) -> list[str]:
    """Problems of the page whose body holds ``token``: its address, its single-file copy, links to it."""
    pages = [p for p in site.rglob("*.html") if token.encode() in p.read_bytes()]
    index = [p for p in pages if p.name == "index.html"]
    problems: list[str] = []
    if len(index) != 1:
        return [f"expected one page holding {token}, found {[str(p.relative_to(site)) for p in index]}"]
    page = index[0]
    for part in page.relative_to(site).parts:
        if unicodedata.normalize("NFC", part) != part:
            problems.append(f"address part in NFD: {part!r}")
        if not SLUG.match(part) or part != part.lower():
            problems.append(f"address part is not a clean slug: {part!r}")
    copies = [
        p for p in page.parent.glob("*.html") if p.name != "index.html" and token.encode() in p.read_bytes()
    ]
    if not copies:
        problems.append(f"no single-file copy next to {page.relative_to(site)}")
    for html in site.rglob("*.html"):
        soup = BeautifulSoup(html.read_bytes(), "html.parser")
        for a in soup.find_all(["a", "img"]):
            ref = a.get("href") or a.get("src") or ""
            split = urlsplit(ref)
            if split.scheme or ref.startswith(("//", "#", "mailto:")) or not split.path:
                continue
            target = (
                (site / split.path.lstrip("/"))
                if split.path.startswith("/")
                else (html.parent / unquote(split.path))
            )
            target = Path(os.path.normpath(target))
            if target.is_dir():
                target = target / "index.html"
            if not target.exists() and (title_marker(token) in a.get_text() or token in ref):
                problems.append(f"broken link {ref!r} in {html.relative_to(site)}")
    return problems
