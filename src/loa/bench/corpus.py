"""Deterministic synthetic corpora of Vietnamese Party documents for the build benchmark.

A corpus of size N is drawn from ``random.Random(N)`` alone: the same N gives byte-identical documents in
both layouts, ``loa`` (content/, plans/, data/issuers.yml) and ``plain`` (everything under docs/).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml

from loa.core.text.normalize import slugify

__all__ = ["SITE_NAME", "THEME_DIR", "Layout", "generate_corpus"]

Layout = Literal["loa", "plain"]
SITE_NAME = "Văn bản Đảng bộ thị xã Sa Pa"
THEME_DIR = Path(__file__).resolve().parents[3] / "theme"
"""Loa's theme overrides in the repository (``src/loa/bench`` → repository root); omitted when absent."""


def _parse_table(text: str) -> dict[str, tuple[str, ...]]:
    """Parse ``key: a | b | c`` lines into a mapping; a line indented two spaces continues the one above."""
    rows = (row.partition(": ") for row in text.strip("\n").replace("\n  ", " ").splitlines())
    return {key: tuple(part.strip() for part in rest.split("|")) for key, _, rest in rows}


_FIRST_DAY, _LAST_DAY = dt.date(2019, 1, 1), dt.date(2025, 6, 30)
_TZ = dt.timezone(dt.timedelta(hours=7))
# Type name -> (number abbreviation, URL slug, weight, outline).
_TYPES: dict[str, tuple[str, str, int, str]] = {
    "Kế hoạch": ("KH", "ke-hoach", 34, "plan"),
    "Đề án": ("ĐA", "de-an", 3, "plan"),
    "Hướng dẫn": ("HD", "huong-dan", 8, "guide"),
    "Chương trình": ("CTr", "chuong-trinh", 5, "plan"),
    "Nghị quyết": ("NQ", "nghi-quyet", 5, "resolution"),
    "Chỉ thị": ("CT", "chi-thi", 3, "resolution"),
    "Kết luận": ("KL", "ket-luan", 4, "resolution"),
    "Quy định": ("QĐi", "quy-dinh", 2, "rules"),
    "Quyết định": ("QĐ", "quyet-dinh", 7, "rules"),
    "Thông báo": ("TB", "thong-bao", 7, "letter"),
    "Báo cáo": ("BC", "bao-cao", 10, "report"),
    "Công văn": ("CV", "cong-van", 10, "letter"),
    "Quy chế": ("QC", "quy-che", 2, "rules"),
}
_COMMITTEE_ONLY = ("Nghị quyết", "Chỉ thị", "Kết luận", "Quy định")
# Issuer id: name | short name | level | valid from | valid until | successor | number symbol | kind.
_ISSUER_TABLE = _parse_table("""
huyen-uy-sa-pa: Huyện ủy Sa Pa | Huyện ủy | huyen | 2019-01-01 | 2019-12-31 | thi-uy-sa-pa | HU | committee
thi-uy-sa-pa: Thị ủy Sa Pa | Thị ủy | huyen | 2020-01-01 | 2025-06-30 | | TU | committee
ban-tuyen-giao-thi-uy-sa-pa: Ban Tuyên giáo Thị ủy Sa Pa | Ban Tuyên giáo | huyen | 2020-01-01 | 2025-02-28
  | ban-tuyen-giao-va-dan-van-thi-uy-sa-pa | BTGTU | board
ban-tuyen-giao-va-dan-van-thi-uy-sa-pa: Ban Tuyên giáo và Dân vận Thị ủy Sa Pa | Ban Tuyên giáo và Dân vận
  | huyen | 2025-03-01 | 2025-06-30 | | BTGDVTU | board
dang-uy-phuong-sa-pa: Đảng ủy phường Sa Pa | Đảng ủy phường | xa | 2020-01-01 | 2025-06-30 | | ĐU | grassroots
dang-uy-phuong-cau-may: Đảng ủy phường Cầu Mây | Đảng ủy phường | xa | 2020-01-01 | 2025-06-30 | | ĐU
  | grassroots
dang-uy-phuong-ham-rong: Đảng ủy phường Hàm Rồng | Đảng ủy phường | xa | 2020-01-01 | 2025-06-30 | | ĐU
  | grassroots
dang-uy-xa-ta-van: Đảng ủy xã Tả Van | Đảng ủy xã | xa | 2019-01-01 | 2025-06-30 | | ĐU | grassroots
dang-uy-xa-ban-ho: Đảng ủy xã Bản Hồ | Đảng ủy xã | xa | 2019-01-01 | 2025-06-30 | | ĐU | grassroots
""")
# Topic label: noun phrases about it, used in titles, headings and sentences.
_TOPICS = _parse_table("""
Xây dựng Đảng: công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị | công tác phát triển đảng viên mới
  | việc nâng cao chất lượng sinh hoạt chi bộ
Tuyên truyền: công tác tuyên truyền, giáo dục chính trị tư tưởng | việc nắm bắt, định hướng dư luận xã hội
  | công tác thông tin đối ngoại
Chuyển đổi số: chuyển đổi số trong hoạt động của các cơ quan đảng | xây dựng nền tảng dữ liệu dùng chung
  | việc ứng dụng công nghệ thông tin trong quản lý văn bản, hồ sơ
Du lịch: phát triển du lịch cộng đồng gắn với bảo tồn bản sắc dân tộc | nâng cao chất lượng dịch vụ du lịch
Nông thôn mới: chương trình xây dựng nông thôn mới | phát triển nông nghiệp hàng hóa theo hướng hữu cơ
Giảm nghèo: giảm nghèo bền vững ở các thôn, tổ dân phố | hỗ trợ sinh kế cho hộ đồng bào vùng cao
Văn hóa: bảo tồn và phát huy giá trị di sản văn hóa các dân tộc | xây dựng thôn, tổ dân phố văn hóa
Quốc phòng – an ninh: bảo đảm quốc phòng, an ninh, trật tự an toàn xã hội | xây dựng thế trận lòng dân
Kiểm tra, giám sát: công tác kiểm tra, giám sát và thi hành kỷ luật đảng | việc kê khai tài sản, thu nhập
Dân vận: công tác dân vận của hệ thống chính trị | việc phát huy quyền làm chủ của Nhân dân
Cải cách hành chính: cải cách thủ tục hành chính | việc giải quyết thủ tục hành chính trên môi trường điện tử
Môi trường: bảo vệ rừng và phòng cháy, chữa cháy rừng | xây dựng đô thị du lịch xanh, sạch, đẹp
Giáo dục: nâng cao chất lượng giáo dục ở vùng đồng bào dân tộc thiểu số | đào tạo nghề cho lao động nông thôn
Y tế: chăm sóc sức khỏe ban đầu cho Nhân dân | phòng, chống dịch bệnh trong mùa mưa lũ
Phòng, chống tham nhũng: phòng, chống tham nhũng, lãng phí | kiểm soát quyền lực trong công tác cán bộ
""")
# Phrase lists; {org}, {area} and {local} are filled per document (Huyện ủy before 2020, Thị ủy after).
_WORDS = _parse_table("""
subjects: các cấp ủy, tổ chức đảng | cấp ủy, chính quyền các xã, phường | đội ngũ cán bộ, đảng viên
  | Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội {area} | người đứng đầu cấp ủy các cấp
  | Ban Tuyên giáo {org} | Ủy ban Kiểm tra {org} | các chi bộ thôn, tổ dân phố | Ủy ban nhân dân {area}
  | các cơ quan, đơn vị trên địa bàn | Đoàn Thanh niên và Hội Phụ nữ {area}
verbs: tập trung lãnh đạo, chỉ đạo thực hiện | quán triệt, triển khai nghiêm túc | chủ động phối hợp thực hiện
  | tăng cường kiểm tra, giám sát đối với | đẩy mạnh tuyên truyền, nâng cao nhận thức về
  | rà soát, bổ sung các giải pháp đối với | đổi mới phương thức lãnh đạo đối với | sơ kết, đánh giá kết quả
  | huy động các nguồn lực cho | cụ thể hóa bằng chương trình hành động về | tổ chức thực hiện có hiệu quả
  | nâng cao vai trò, trách nhiệm trong
manner: bảo đảm thiết thực, hiệu quả, tránh hình thức | phù hợp với điều kiện thực tế của từng nơi
  | gắn với trách nhiệm của người đứng đầu | theo đúng lộ trình và tiến độ đã đề ra
  | góp phần thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ {area}
  | tạo sự đồng thuận cao trong cán bộ, đảng viên và Nhân dân | coi đây là nhiệm vụ trọng tâm, thường xuyên
  | kịp thời tháo gỡ khó khăn, vướng mắc phát sinh | lấy sự hài lòng của người dân làm thước đo
  | phân công rõ người, rõ việc, rõ thời gian
events: hội nghị quán triệt | buổi tuyên truyền lưu động | lớp bồi dưỡng nghiệp vụ
  | cuộc kiểm tra, giám sát chuyên đề | buổi đối thoại trực tiếp với Nhân dân
goals: chi bộ thôn, tổ dân phố có đảng viên | hộ gia đình đạt danh hiệu gia đình văn hóa
  | thủ tục hành chính được giải quyết trực tuyến | tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ
  | cán bộ, đảng viên được học tập nghị quyết | thôn có nhà sinh hoạt cộng đồng đạt chuẩn
issues: công tác phối hợp giữa một số cơ quan, đơn vị có lúc chưa chặt chẽ | nguồn lực đầu tư còn hạn chế
  | việc triển khai ở một số chi bộ còn chậm, chưa sát thực tế | chất lượng báo cáo định kỳ ở vài nơi chưa cao
  | nhận thức của một bộ phận người dân còn chưa đầy đủ
units: Ban Tuyên giáo {org} | Văn phòng {org} | Ủy ban Kiểm tra {org} | Ban Tổ chức {org}
  | Ủy ban nhân dân {area} | Ủy ban Mặt trận Tổ quốc Việt Nam {area} | Các chi, đảng bộ trực thuộc
recipients: Ban Thường vụ Tỉnh ủy (để b/c) | Thường trực {org} | Các đồng chí {org} viên
  | Các ban xây dựng Đảng {org} | Các chi, đảng bộ trực thuộc | Ủy ban nhân dân {area}
  | Ủy ban Mặt trận Tổ quốc Việt Nam {area}
recipients_grassroots: Ban Thường vụ {org} (để b/c) | Thường trực Đảng ủy | Các chi bộ trực thuộc
  | Ủy ban Mặt trận Tổ quốc {local} | Các đoàn thể {local}
budget: In ấn tài liệu, tờ gấp tuyên truyền | Tổ chức hội nghị quán triệt, triển khai
  | Bồi dưỡng báo cáo viên, tuyên truyền viên | Làm pa-nô, khẩu hiệu tuyên truyền trực quan
  | Sản xuất tin, bài trên hệ thống truyền thanh | Khen thưởng tập thể, cá nhân tiêu biểu
  | Kiểm tra, giám sát, sơ kết, tổng kết | Chi khác
authorities: Bộ Chính trị | Ban Bí thư Trung ương Đảng | Ban Thường vụ Tỉnh ủy Lào Cai
  | Ban Chấp hành Đảng bộ tỉnh Lào Cai
surnames: Nguyễn | Trần | Lê | Phạm | Hoàng | Vàng | Giàng | Lò | Sùng | Tẩn | Lý | Đỗ | Vũ
middles: Văn | Thị | Minh | Đức | Thanh | Ngọc | Xuân | Hữu | A | Seo | Thị Thu | Quang
given: Hùng | Lan | Sơn | Hà | Dũng | Chứ | Sính | Mai | Tuấn | Hoa | Páo | Cường | Thắng | Phong | Lềnh | Mỷ
""")

_ISSUER_FIELDS = ("name", "short_name", "level", "valid_from", "valid_until", "successor", "code", "kind")
_ISSUERS = tuple({"id": k, **dict(zip(_ISSUER_FIELDS, v, strict=False))} for k, v in _ISSUER_TABLE.items())
_WEIGHTS = {"committee": 10, "board": 4, "grassroots": 2}
# Issuer kind: signature blocks as "authority ; role", one person per position.
_SIGNERS = _parse_table("""
committee: T/M BAN THƯỜNG VỤ ; BÍ THƯ | T/M BAN THƯỜNG VỤ ; PHÓ BÍ THƯ THƯỜNG TRỰC
  | T/M BAN THƯỜNG VỤ ; PHÓ BÍ THƯ
board: T/M {board} ; TRƯỞNG BAN | K/T TRƯỞNG BAN ; PHÓ TRƯỞNG BAN
grassroots: T/M ĐẢNG ỦY ; BÍ THƯ | T/M ĐẢNG ỦY ; PHÓ BÍ THƯ
""")
_OUTLINES = _parse_table("""
plan: MỤC ĐÍCH, YÊU CẦU | NHIỆM VỤ VÀ GIẢI PHÁP | KINH PHÍ THỰC HIỆN | TỔ CHỨC THỰC HIỆN
guide: MỤC ĐÍCH, YÊU CẦU | NỘI DUNG HƯỚNG DẪN | TỔ CHỨC THỰC HIỆN
resolution: TÌNH HÌNH VÀ NGUYÊN NHÂN | MỤC TIÊU | NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU | TỔ CHỨC THỰC HIỆN
report: KẾT QUẢ THỰC HIỆN | HẠN CHẾ, NGUYÊN NHÂN | NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI
rules: NHỮNG QUY ĐỊNH CHUNG | NHỮNG QUY ĐỊNH CỤ THỂ | ĐIỀU KHOẢN THI HÀNH
""")


@dataclass
class _Doc:
    """Metadata of one document, drawn before its text so numbers can follow date order."""

    date: dt.date
    issuer: dict[str, str]
    type: str
    partial_date: bool
    has_number: bool
    number: int = 0


def generate_corpus(dest: Path, n: int, *, layout: Layout) -> None:
    """Write a complete MkDocs project holding ``n`` synthetic documents.

    Arguments:
        dest: Project directory; created if missing, and it must be empty.
        n: Number of documents; also the random seed.
        layout: ``loa`` (content/, plans/, data/issuers.yml, ``plugins: [search, loa]``) or ``plain``
            (docs/ with the documents under docs/plans/, ``plugins: [search]``).

    Raises:
        FileExistsError: If ``dest`` exists and is not empty.
        ValueError: If ``n`` is not positive or ``layout`` is unknown.
    """
    if n < 1 or layout not in ("loa", "plain"):
        raise ValueError(f"invalid corpus request: n={n}, layout={layout!r}")
    if dest.exists() and any(dest.iterdir()):
        raise FileExistsError(f"{dest} is not empty")
    _write_project_files(dest, n, layout)
    plans_dir = dest / "plans" if layout == "loa" else dest / "docs" / "plans"
    rng = random.Random(n)
    people = {
        i["id"]: [
            " ".join(rng.choice(_WORDS[part]) for part in ("surnames", "middles", "given")) for _ in range(3)
        ]
        for i in _ISSUERS
    }
    for doc in _generate_metadata(rng, n):
        path = plans_dir / str(doc.date.year) / f"{_TYPES[doc.type][1]}-{doc.number}-{doc.issuer['id']}.md"
        _write_text(path, _render_document(rng, doc, people[doc.issuer["id"]]))


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(unicodedata.normalize("NFC", text), encoding="utf-8", newline="\n")


def _write_project_files(dest: Path, n: int, layout: Layout) -> None:
    """Write mkdocs.yml, the home page and, for Loa, the registry of issuers."""
    docs_dir = "content" if layout == "loa" else "docs"  # where the documents go
    theme = {"name": "material", "language": "vi"}
    if layout == "loa" and THEME_DIR.is_dir():
        theme["custom_dir"] = str(THEME_DIR)
    # The synthetic citations name documents no registry knows: resolve them all, report them quietly.
    quiet = {"loa": {"xref": {"unresolved": "info", "ambiguous": "info"}}}
    plugins: list[object] = [quiet] if layout == "loa" else ["search"]
    # Loa's documents sit outside MkDocs' docs_dir, which holds only a notice for builds that bypass the plugin.
    config = {
        "site_name": SITE_NAME,
        "theme": theme,
        "docs_dir": "site-root" if layout == "loa" else docs_dir,
        "nav": [{"Trang chủ": "index.md"}],
        "plugins": plugins,
    }
    if layout == "loa":
        config["markdown_extensions"] = ["loa.core.outputs.headings"]  # as the shipped mkdocs.yml
    _write_text(dest / "mkdocs.yml", yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    _write_text(
        dest / docs_dir / "index.md",
        (
            f"---\nkind: index\ntitle: Trang chủ\n---\n\n# {SITE_NAME}\n\nTrang thông tin đăng tải các kế hoạch, "
            f"đề án, hướng dẫn và văn bản chỉ đạo của Đảng bộ thị xã Sa Pa. Bộ dữ liệu thử nghiệm có {n} văn "
            "bản sinh tự động để đo thời gian xây dựng trang.\n\n## Hướng dẫn tra cứu\n\n- Tìm văn bản theo số, "
            "ký hiệu hoặc trích yếu bằng ô tìm kiếm.\n- Duyệt văn bản theo năm và theo cơ quan ban hành.\n"
        ),
    )
    if layout == "loa":
        _write_text(dest / "site-root" / "index.md", "# Trang này cần được dựng bằng Loa\n")
        for topic in _TOPICS:
            _write_text(
                dest / docs_dir / "chuyen-de" / f"{slugify(topic)}.md",
                f"---\nkind: topic\ntitle: {json.dumps(topic, ensure_ascii=False)}\n---\n\nChuyên đề {topic}.\n",
            )
        registry = {
            i["id"]: {
                k: dt.date.fromisoformat(i[k]) if k.startswith("valid_") else i[k] or None
                for k in _ISSUER_FIELDS[:6]
            }
            for i in _ISSUERS
        }
        _write_text(dest / "data/issuers.yml", yaml.safe_dump(registry, allow_unicode=True, sort_keys=False))


def _generate_metadata(rng: random.Random, n: int) -> list[_Doc]:
    """Draw date, issuer and type of each document, then number them per (issuer, type, year) by date."""
    span = (_LAST_DAY - _FIRST_DAY).days
    types, type_weights = list(_TYPES), [spec[2] for spec in _TYPES.values()]
    docs = []
    for _ in range(n):
        date = _FIRST_DAY + dt.timedelta(days=rng.randint(0, span))
        active = [i for i in _ISSUERS if i["valid_from"] <= date.isoformat() <= i["valid_until"]]
        issuer = rng.choices(active, weights=[_WEIGHTS[i["kind"]] for i in active])[0]
        kind = rng.choices(types, weights=type_weights)[0]
        if issuer["kind"] != "committee" and kind in _COMMITTEE_ONLY:
            kind = "Kế hoạch"
        docs.append(_Doc(date, issuer, kind, rng.random() < 0.05, rng.random() >= 0.05))
    counters: dict[tuple[str, str, int], int] = {}
    for doc in sorted(docs, key=lambda d: d.date):
        key = (doc.issuer["id"], doc.type, doc.date.year)
        doc.number = counters[key] = counters.get(key, rng.randint(0, 12)) + rng.randint(1, 3)
    return docs


def _render_document(rng: random.Random, doc: _Doc, people: list[str]) -> str:
    """Return the file text: front matter in the fixed key order, then the body."""
    topics = rng.sample(list(_TOPICS), rng.randint(1, 3))
    title = _generate_title(rng, doc, rng.choice(_TOPICS[topics[0]]))
    authority, role, person = _choose_signer(rng, doc.issuer, people)
    published = dt.datetime.combine(
        doc.date + dt.timedelta(days=rng.randint(0, 9)),
        dt.time(rng.randint(7, 16), rng.choice((0, 15, 30, 45))),
        _TZ,
    )
    lines = ["---", "kind: plan", f"type: {doc.type}"]
    if doc.has_number:
        lines.append(f"number: {doc.number}-{_TYPES[doc.type][0]}/{doc.issuer['code']}")
    place = doc.issuer["name"].removeprefix("Đảng ủy xã ") if " xã " in doc.issuer["name"] else "Sa Pa"
    lines += [
        f"issuer: {doc.issuer['id']}",
        f"place: {place}",
        f"date: {doc.date.isoformat()[:7] if doc.partial_date else doc.date.isoformat()}",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        "signer:",
        f"  authority: {authority}",
        f"  role: {role}",
        f"  name: {person}",
        "recipients:",
    ]
    lines += [f"  - {r}" for r in _choose_recipients(rng, doc)]
    lines += [
        f"topics: {json.dumps([slugify(t) for t in topics], ensure_ascii=False)}",
        "status: published",
        f"publish_at: {published.isoformat()}",
        "access: public",
        "---",
        "",
    ]
    return "\n".join(lines) + "\n" + _fill_places(_render_body(rng, doc, title, topics), doc) + "\n"


def _generate_title(rng: random.Random, doc: _Doc, subject: str) -> str:
    """Return a trích yếu of 8–25 words suited to the document type."""
    lead = {
        "Công văn": "về việc",
        "Báo cáo": "kết quả thực hiện",
        "Nghị quyết": "về",
        "Quyết định": "ban hành quy chế phối hợp thực hiện",
        "Thông báo": "kết luận của Thường trực về",
    }
    while True:
        head = lead.get(doc.type) or rng.choice(("thực hiện", "triển khai", "tổ chức", "về tăng cường"))
        tail = rng.choice(
            (
                "",
                f" năm {doc.date.year}",
                " giai đoạn 2021 - 2025",
                " trên địa bàn {area}",
                f" đến năm {doc.date.year + rng.randint(1, 5)}",
                " trong tình hình mới",
            )
        )
        title = _fill_places(f"{head} {subject.removeprefix('việc ')}{tail}", doc)
        if 8 <= len(title.split()) <= 25:
            return title


def _choose_signer(rng: random.Random, issuer: dict[str, str], people: list[str]) -> tuple[str, str, str]:
    options = _SIGNERS[issuer["kind"]]
    index = rng.choices(range(len(options)), weights=(2, 5, 2)[: len(options)])[0]
    authority, role = options[index].replace("{board}", issuer["short_name"].upper()).split(" ; ")
    return authority, role, people[index]


def _choose_recipients(rng: random.Random, doc: _Doc) -> list[str]:
    kind = doc.issuer["kind"]
    pool = _WORDS["recipients_grassroots" if kind == "grassroots" else "recipients"]
    chosen = sorted(rng.sample(pool, rng.randint(2, len(pool) - 1)), key=pool.index)
    archive = {"committee": "Lưu Văn phòng {org}", "board": "Lưu " + doc.issuer["short_name"]}
    return [_fill_places(r, doc) for r in (*chosen, archive.get(kind, "Lưu Văn phòng Đảng ủy"))]


def _fill_places(text: str, doc: _Doc) -> str:
    town = doc.date.year >= 2020
    local = doc.issuer["name"].removeprefix("Đảng ủy ") if doc.issuer["kind"] == "grassroots" else "thị xã"
    return (
        text.replace("{org}", "Thị ủy" if town else "Huyện ủy")
        .replace("{area}", "thị xã" if town else "huyện")
        .replace("{local}", local)
    )


def _render_body(rng: random.Random, doc: _Doc, title: str, topics: list[str]) -> str:
    """Return a body of 600–3000 words with the heading hierarchy of an official document."""
    objects = [o for t in topics for o in _TOPICS[t]]
    authority, kind = rng.choice(_WORDS["authorities"]), rng.choice(("Nghị quyết", "Kết luận", "Chỉ thị"))
    actor = ("" if doc.issuer["kind"] == "board" else "Ban Thường vụ ") + doc.issuer["short_name"]
    earlier = doc.date - dt.timedelta(days=rng.randint(20, 700))
    basis = (
        f"{kind} số {rng.randint(2, 150)}-{_TYPES[kind][0]}/{'TU' if 'Lào' in authority else 'TW'}, "
        f"ngày {earlier:%d/%m/%Y} của {authority} về {rng.choice(objects)}"
    )
    intro = f"Thực hiện {basis}; căn cứ thực tế, {actor} ban hành {doc.type.lower()} {title} như sau:"
    target = int(rng.triangular(620, 2600, 1050))
    sections = _OUTLINES.get(_TYPES[doc.type][3], ())
    room = max(target // 110 // max(len(sections), 1), 1)
    slots: list[list[str]] = []  # each slot: a heading chunk (or opening text), then the blocks under it
    for index, heading in enumerate(sections):
        if heading == "MỤC ĐÍCH, YÊU CẦU":
            chunks = ["### 1. Mục đích", "### 2. Yêu cầu"]
        elif heading == "KINH PHÍ THỰC HIỆN":
            chunks = [f"{_generate_sentences(rng, objects, 2)}\n\n{_render_budget_table(rng)}"]
        else:
            chunks = _generate_subsections(rng, objects, room, units=heading == "TỔ CHỨC THỰC HIỆN")
        chunks[0] = f"## {('I', 'II', 'III', 'IV')[index]}. {heading}\n\n{chunks[0]}"
        slots += [[chunk] for chunk in chunks]
    slots += [
        [f"**{number}.** {_generate_sentences(rng, objects, rng.randint(2, 4))}"]
        for number in range(1, 1 if sections else rng.randint(4, 7))
    ]
    total, filled = _count_words("\n".join([intro, *(slot[0] for slot in slots)])), 0
    while filled < len(slots) or total < target:
        block = _generate_block(rng, objects)
        (slots[filled] if filled < len(slots) else rng.choice(slots)).append(block)
        total, filled = total + _count_words(block), filled + 1
    closing = (
        "kính báo cáo cấp ủy cấp trên theo dõi, chỉ đạo"
        if doc.type == "Báo cáo"
        else "đề nghị các "
        "cấp ủy, tổ chức đảng và các cơ quan, đơn vị liên quan nghiêm túc triển khai thực hiện"
    )
    body = [intro, *(block for slot in slots for block in slot)]
    return "\n\n".join([*body, f"Trên đây là {doc.type.lower()} của {actor}, {closing}./."])


def _generate_subsections(rng: random.Random, objects: list[str], room: int, *, units: bool) -> list[str]:
    """Return the heading chunks of one section, about ``room`` of them; each will be followed by text."""
    count = min(rng.randint(2, 5), max(room, 2))
    names = (
        rng.sample(_WORDS["units"], count)
        if units
        else [_capitalize(f"{rng.choice(_WORDS['verbs'])} {rng.choice(objects)}") for _ in range(count)]
    )
    spare, chunks = room - count, []
    for number, name in enumerate(names, start=1):
        leaves = min(rng.randint(2, 4), spare + 1) if not units and rng.random() < 0.5 else 0
        heads = [f"#### {number}.{leaf}. {_capitalize(rng.choice(objects))}" for leaf in range(1, leaves + 1)]
        if len(heads) < 2:
            chunks.append(f"### {number}. {name}")
            continue
        spare -= len(heads) - 1
        chunks += [f"### {number}. {name}\n\n{heads[0]}", *heads[1:]]
    return chunks


def _generate_block(rng: random.Random, objects: list[str]) -> str:
    """Return one paragraph, list, emphasised line or (rarely) table."""
    roll = rng.random()
    if roll < 0.5:
        return _generate_sentences(rng, objects, rng.randint(2, 5))
    if roll < 0.8:
        return _render_list(rng, objects)
    if roll < 0.97:
        label = rng.choice(("Thời gian thực hiện", "Cơ quan chủ trì", "Hình thức", "Lưu ý"))
        return f"**{label}:** {_generate_sentences(rng, objects, 1)}"
    return _render_budget_table(rng)


def _generate_sentences(rng: random.Random, objects: list[str], count: int) -> str:
    """Return ``count`` sentences, each built on one of six official-style patterns."""
    w, sentences = _WORDS, []
    for _ in range(count):
        obj = rng.choice(objects) if rng.random() < 0.6 else rng.choice(rng.choice(list(_TOPICS.values())))
        verb, complement, subject = (rng.choice(w[key]) for key in ("verbs", "manner", "subjects"))
        form, number = rng.randrange(6), rng.randint(2, 99)
        if form == 0:
            sentence = f"{_capitalize(subject)} {verb} {obj}, {complement}."
        elif form == 1:
            sentence = f"Phấn đấu đến năm {2025 + number % 6}, {60 + number % 40}% {rng.choice(w['goals'])}."
        elif form == 2:
            sentence = (
                f"Trong kỳ, {subject} đã tổ chức {number} "
                f"{rng.choice(w['events'])} về {obj}, thu hút {number * 45} lượt người tham gia."
            )
        elif form == 3:
            sentence = f"Tuy nhiên, {rng.choice(w['issues'])}; cần {verb} {obj}, {complement}."
        elif form == 4:
            sentence = f"Tiếp tục {verb} {obj}; **{complement}**."
        else:
            sentence = f"{_capitalize(verb)} {obj}, *{complement}*."
        sentences.append(sentence)
    return " ".join(sentences)


def _render_list(rng: random.Random, objects: list[str]) -> str:
    items = []
    for _ in range(rng.randint(2, 6)):
        items.append(
            f"- {_capitalize(rng.choice(_WORDS['verbs']))} {rng.choice(objects)}; "
            f"{rng.choice(_WORDS['manner'])}."
        )
        if rng.random() < 0.3:
            items += [f"    + {_capitalize(c)}." for c in rng.sample(_WORDS["manner"], rng.randint(2, 3))]
    return "\n".join(items)


def _render_budget_table(rng: random.Random) -> str:
    items = rng.sample(_WORDS["budget"], rng.randint(3, 7))
    amounts = [rng.randint(5, 120) * 500_000 for _ in items]
    money = [f"{amount:,}".replace(",", ".") for amount in (*amounts, sum(amounts))]
    rows = [f"| {i} | {item} | {money[i - 1]} |" for i, item in enumerate(items, start=1)]
    return "\n".join(
        [
            "| STT | Nội dung | Kinh phí (đồng) |",
            "|:---:|---|---:|",
            *rows,
            f"| | **Tổng cộng** | **{money[-1]}** |",
        ]
    )


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _count_words(text: str) -> int:
    return sum(1 for token in text.split() if any(c.isalnum() for c in token))
