"""Feed guids and calendar UIDs: the keys posting tools and calendars use to post or add each item once.

They must be the same from build to build (pinned here as literal values: a changed formula would post every
item again), distinct per document and per amendment item, and the derived ones UUID5 (RFC 4122)."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from pathlib import Path

from loa.core.loading.catalog import Layout, load_catalog
from loa.core.model.deadlines import parse_deadline
from loa.core.model.document import TIMEZONE, Document, PartialDate
from loa.core.model.tasks import Task, task_uid
from loa.core.outputs.amendments import Amendment, amendment_item, find_amendments
from loa.core.outputs.feeds import guid_of
from tests.conftest import plan_text

SITE = "https://loa.example/"
ID = "urn:uuid:5b0c1d2e-3f40-4a51-8b62-7c83d94ea5f6"


def _plan(path: str = "plans/2022/a.md", **fields: object) -> Document:
    values: dict[str, object] = {
        "title": "thử nghiệm",
        "number": "12-KH/TU",
        "issuer": "thi-uy-sa-pa",
        "date": PartialDate(2022, 3, 15),
        "publish_at": dt.datetime(2022, 3, 16, 8, tzinfo=TIMEZONE),
    } | fields
    return Document(path=path, src_uri=path, kind="plan", body="", **values)  # type: ignore[arg-type]


def _task(key: str = "hoi-nghi", quote: str = "Tổ chức hội nghị") -> Task:
    return Task(
        key=key,
        quote=quote,
        lead=("thi-uy-sa-pa",),
        cooperate=(),
        deadline=parse_deadline("2022-04"),
        targets=(),
        line=1,
    )


def _uuid5(guid: str) -> uuid.UUID:
    assert guid.startswith("urn:uuid:"), guid
    value = uuid.UUID(guid.removeprefix("urn:uuid:"))
    assert (value.version, value.variant) == (5, uuid.RFC_4122), guid
    return value


def test_the_permanent_id_is_the_guid_whatever_else_changes():
    for changed in (
        {},
        {"number": "13-KH/TU"},
        {"issuer": "ban-tuyen-giao-thi-uy-sa-pa"},
        {"date": None},
        {"title": "tên mới"},
    ):
        assert guid_of(_plan(**({"id": ID} | changed)), SITE) == ID
    assert guid_of(_plan("plans/2023/doi-ten.md", id=ID), "https://khac.example/") == ID


def test_without_an_id_the_number_gives_a_tag_uri_that_survives_renames():
    assert guid_of(_plan(), SITE) == "tag:loa.example,2022:thi-uy-sa-pa/12-KH/TU"
    assert guid_of(_plan("plans/2022/doi-ten.md", title="tên mới"), SITE) == guid_of(_plan(), SITE)
    # Undated: the year of the path form (a tag URI needs a real year; it was 0 before)
    assert guid_of(_plan(date=None), SITE) == "tag:loa.example,2020:thi-uy-sa-pa/12-KH/TU"
    assert guid_of(_plan(), "loa.example") == "tag:loa,2022:thi-uy-sa-pa/12-KH/TU"  # no host in the site URL


def test_without_id_or_number_the_path_is_the_guid():
    assert guid_of(_plan(number=None), SITE) == "tag:loa.example,2020:plans/2022/a.md"
    assert guid_of(_plan(issuer=None), SITE) == "tag:loa.example,2020:plans/2022/a.md"


TAG_URI = re.compile(r"tag:[a-z0-9.-]+,\d{4}(?:-\d{2}(?:-\d{2})?)?:\S+")  # RFC 4151: a 4-digit year


def test_fallback_guids_of_dated_documents_are_rfc_4151_tag_uris():
    for document in (_plan(), _plan(number=None), _plan(date=PartialDate(2022))):
        assert TAG_URI.fullmatch(guid_of(document, SITE)), guid_of(document, SITE)


def test_an_undated_numbered_plan_still_gets_a_tag_uri():
    assert TAG_URI.fullmatch(guid_of(_plan(date=None), SITE))


def test_guids_are_distinct_per_document():
    documents = [
        _plan(id=ID),
        _plan(id="urn:uuid:0e9d8c7b-6a59-4847-9362-51f4e3d2c1b0"),
        _plan(),
        _plan(number="13-KH/TU"),
        _plan(issuer="ban-tuyen-giao-thi-uy-sa-pa"),
        _plan(date=PartialDate(2027)),  # party numbers restart each term: the year tells them apart
        _plan("plans/2022/b.md", number=None),
        _plan("plans/2022/c.md", number=None),
    ]
    guids = [guid_of(d, SITE) for d in documents]
    assert len(set(guids)) == len(guids), guids


def test_an_amendment_item_has_a_uuid5_guid_of_both_documents_pinned():
    target, source = (
        _plan(id=ID),
        _plan(
            "plans/2022/b.md",
            number="20-KH/TU",
            date=PartialDate(2022, 6, 1),
            publish_at=dt.datetime(2022, 6, 2, 8, tzinfo=TIMEZONE),
        ),
    )
    item = amendment_item(Amendment(source, target, "amends"), SITE)
    assert item is not None
    assert _uuid5(item.guid) == uuid.uuid5(
        uuid.NAMESPACE_URL, f"{ID} tag:loa.example,2022:thi-uy-sa-pa/20-KH/TU"
    )
    assert item.guid == "urn:uuid:56f155bd-4b20-53a1-98cf-387e93df91f7"
    assert item.guid not in (guid_of(target, SITE), guid_of(source, SITE))
    assert amendment_item(Amendment(source, target, "amends"), SITE) == item  # same sources, same item


def test_amendment_items_are_distinct_per_pair_and_direction():
    a, b, c = (_plan(f"plans/2022/{n}.md", id=f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, n)}") for n in "abc")
    pairs = [(a, b), (b, a), (a, c), (c, b)]
    guids = [amendment_item(Amendment(s, t, "amends"), SITE).guid for s, t in pairs]  # type: ignore[union-attr]
    assert len(set(guids)) == len(guids)
    for guid in guids:
        _uuid5(guid)


def test_an_amendment_without_a_date_has_no_item():
    source = _plan("plans/2022/b.md", publish_at=None, date=None)
    assert amendment_item(Amendment(source, _plan(), "replaces"), SITE) is None


def test_one_feed_never_carries_two_items_with_one_guid(project):
    amending = plan_text(
        number="13-KH/TU",
        date="2022-05-01",
        publish_at="2022-05-02T08:00:00+07:00",
        amends=["plans/a.md", "plans/a.md"],
        replaces=["plans/a.md"],
    )
    root: Path = project({"plans/a.md": plan_text(), "plans/b.md": amending})
    catalog = load_catalog(Layout(root, root / "content", root / "plans", root / "data"))
    repeated = [(d.code, d.field) for d in catalog.diagnostics if d.path == "plans/b.md"]
    assert repeated == [("meta.amends", "amends.0"), ("meta.amends", "amends.1")], (
        repeated
    )  # replaces.0 came first
    items = [amendment_item(a, SITE) for a in find_amendments(catalog.documents)]
    guids = [item.guid for item in items if item is not None]
    assert len(set(guids)) == len(guids), guids


def test_a_task_uid_is_a_uuid5_of_its_document_and_key_pinned():
    uid = uuid.UUID(task_uid(ID, _task()))
    assert (uid.version, uid.variant) == (5, uuid.RFC_4122)
    assert str(uid) == "d0765fca-5141-5ec4-b476-b3c1a4b8bd51"
    assert task_uid(ID, _task(quote="Lời khác, cùng mã")) == str(
        uid
    )  # the key, not the wording, is the identity


def test_task_uids_are_distinct_per_task_and_per_document():
    uids = {
        task_uid(document, _task(key))
        for document in (ID, "plans/2022/a.md", "plans/2022/b.md")
        for key in ("hoi-nghi", "bao-cao", "hoi-nghi-2")
    }
    assert len(uids) == 9
    # The separator keeps a document and a key apart: ("a", "bc") is not ("ab", "c").
    assert task_uid("a", _task("bc")) != task_uid("ab", _task("c"))
