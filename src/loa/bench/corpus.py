"""Deterministic synthetic corpora of Vietnamese Party documents for the build benchmark.

A corpus of size N is drawn from ``random.Random(N)`` alone, so the same N always gives byte-identical files
whichever layout is written. The ``loa`` layout is a Loa project (``content/``, ``plans/``,
``data/issuers.yml``); the ``plain`` layout holds the same documents under ``docs/plans/`` for a stock
MkDocs + Material build.
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

__all__ = ["Layout", "SITE_NAME", "THEME_DIR", "generate_corpus"]

Layout = Literal["loa", "plain"]
SITE_NAME = "Văn bản Đảng bộ thị xã Sa Pa"
THEME_DIR = Path(__file__).resolve().parents[3] / "theme"
"""Loa's theme overrides in the repository (``src/loa/bench`` → repository root); omitted when absent."""


def _parse_table(text: str) -> dict[str, tuple[str, ...]]:
    """Parse ``key: a | b | c`` lines (indented lines continue the previous one) into a mapping."""
    table: dict[str, str] = {}
    key = ""
    for line in text.strip("\n").splitlines():
        if line[:1].isspace():
            table[key] += " " + line.strip()
        else:
            key, _, rest = line.partition(": ")
            table[key] = rest
    return {k: tuple(part.strip() for part in v.split("|")) for k, v in table.items()}


_FIRST_DAY, _LAST_DAY = dt.date(2019, 1, 1), dt.date(2025, 6, 30)
_TZ = dt.timezone(dt.timedelta(hours=7))
# Type name -> (number abbreviation, URL slug, weight, outline).
_TYPES: dict[str, tuple[str, str, int, str]] = {
    "Kế hoạch": ("KH", "ke-hoach", 34, "plan"), "Đề án": ("ĐA", "de-an", 3, "plan"),
    "Hướng dẫn": ("HD", "huong-dan", 8, "guide"), "Chương trình": ("CTr", "chuong-trinh", 5, "plan"),
    "Nghị quyết": ("NQ", "nghi-quyet", 5, "resolution"), "Chỉ thị": ("CT", "chi-thi", 3, "resolution"),
    "Kết luận": ("KL", "ket-luan", 4, "resolution"), "Quy định": ("QĐi", "quy-dinh", 2, "rules"),
    "Quyết định": ("QĐ", "quyet-dinh", 7, "rules"), "Thông báo": ("TB", "thong-bao", 7, "letter"),
    "Báo cáo": ("BC", "bao-cao", 10, "report"), "Công văn": ("CV", "cong-van", 10, "letter"),
    "Quy chế": ("QC", "quy-che", 2, "rules"),
}
_COMMITTEE_ONLY = ("Nghị quyết", "Chỉ thị", "Kết luận", "Quy định")
# Issuer id: name | short name | level | valid from | valid until | successor | symbol code | kind | place | weight.
_ISSUER_TABLE = _parse_table("""
huyen-uy-sa-pa: Huyện ủy Sa Pa | Huyện ủy | huyen | 2019-01-01 | 2019-12-31 | thi-uy-sa-pa | HU | committee
  | Sa Pa | 10
thi-uy-sa-pa: Thị ủy Sa Pa | Thị ủy | huyen | 2020-01-01 | 2025-06-30 | | TU | committee | Sa Pa | 10
ban-tuyen-giao-thi-uy-sa-pa: Ban Tuyên giáo Thị ủy Sa Pa | Ban Tuyên giáo | huyen | 2020-01-01 | 2025-02-28
  | ban-tuyen-giao-va-dan-van-thi-uy-sa-pa | BTGTU | board | Sa Pa | 4
ban-tuyen-giao-va-dan-van-thi-uy-sa-pa: Ban Tuyên giáo và Dân vận Thị ủy Sa Pa | Ban Tuyên giáo và Dân vận
  | huyen | 2025-03-01 | 2025-06-30 | | BTGDVTU | board | Sa Pa | 4
dang-uy-phuong-sa-pa: Đảng ủy phường Sa Pa | Đảng ủy phường | xa | 2020-01-01 | 2025-06-30 | | ĐU | grassroots
  | Sa Pa | 2
dang-uy-phuong-cau-may: Đảng ủy phường Cầu Mây | Đảng ủy phường | xa | 2020-01-01 | 2025-06-30 | | ĐU
  | grassroots | Sa Pa | 2
dang-uy-phuong-ham-rong: Đảng ủy phường Hàm Rồng | Đảng ủy phường | xa | 2020-01-01 | 2025-06-30 | | ĐU
  | grassroots | Sa Pa | 2
dang-uy-xa-ta-van: Đảng ủy xã Tả Van | Đảng ủy xã | xa | 2019-01-01 | 2025-06-30 | | ĐU | grassroots | Tả Van | 2
dang-uy-xa-ban-ho: Đảng ủy xã Bản Hồ | Đảng ủy xã | xa | 2019-01-01 | 2025-06-30 | | ĐU | grassroots | Bản Hồ | 2
""")
# Topic label: noun phrases about it, used in titles, headings and sentences.
_TOPICS = _parse_table("""
Xây dựng Đảng: công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị | việc nâng cao chất lượng sinh hoạt chi bộ
  | công tác phát triển đảng viên mới
Tuyên truyền: công tác tuyên truyền, giáo dục chính trị tư tưởng | việc nắm bắt, định hướng dư luận xã hội
  | công tác thông tin đối ngoại
Chuyển đổi số: chuyển đổi số trong hoạt động của các cơ quan đảng | xây dựng nền tảng dữ liệu dùng chung
  | việc ứng dụng công nghệ thông tin trong quản lý văn bản, hồ sơ
Du lịch: phát triển du lịch cộng đồng gắn với bảo tồn bản sắc các dân tộc
  | nâng cao chất lượng dịch vụ du lịch trên địa bàn
Nông thôn mới: chương trình mục tiêu quốc gia xây dựng nông thôn mới
  | phát triển nông nghiệp hàng hóa theo hướng hữu cơ
Giảm nghèo: giảm nghèo bền vững ở các thôn, tổ dân phố | hỗ trợ sinh kế cho hộ đồng bào vùng cao
Văn hóa: bảo tồn và phát huy giá trị di sản văn hóa các dân tộc | xây dựng thôn, tổ dân phố văn hóa
Quốc phòng – an ninh: bảo đảm quốc phòng, an ninh và trật tự an toàn xã hội | xây dựng thế trận lòng dân vững chắc
Kiểm tra, giám sát: công tác kiểm tra, giám sát và thi hành kỷ luật đảng | việc kê khai, kiểm soát tài sản, thu nhập
Dân vận: công tác dân vận của hệ thống chính trị | việc phát huy quyền làm chủ của Nhân dân
Cải cách hành chính: cải cách hành chính và nâng cao chỉ số hài lòng của người dân
  | việc giải quyết thủ tục hành chính trên môi trường điện tử
Môi trường: bảo vệ rừng và phòng cháy, chữa cháy rừng | xây dựng đô thị du lịch xanh, sạch, đẹp
Giáo dục: nâng cao chất lượng giáo dục ở vùng đồng bào dân tộc thiểu số | đào tạo nghề cho lao động nông thôn
Y tế: chăm sóc sức khỏe ban đầu cho Nhân dân | phòng, chống dịch bệnh trong mùa mưa lũ
Phòng, chống tham nhũng: phòng, chống tham nhũng, lãng phí, tiêu cực
  | việc kiểm soát quyền lực trong công tác cán bộ
""")
# Phrase lists; {org}, {area} and {local} are filled per document (Huyện ủy before 2020, Thị ủy after).
_WORDS = _parse_table("""
subjects: Các cấp ủy, tổ chức đảng | Cấp ủy, chính quyền các xã, phường | Đội ngũ cán bộ, đảng viên
  | Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội {area} | Người đứng đầu cấp ủy các cấp
  | Ban Tuyên giáo {org} | Ủy ban Kiểm tra {org} | Các chi bộ thôn, tổ dân phố | Ủy ban nhân dân {area}
  | Các cơ quan, đơn vị trên địa bàn | Đoàn Thanh niên và Hội Phụ nữ {area}
verbs: tập trung lãnh đạo, chỉ đạo thực hiện | quán triệt, triển khai nghiêm túc | tổ chức thực hiện có hiệu quả
  | tăng cường kiểm tra, giám sát việc thực hiện | đẩy mạnh tuyên truyền, nâng cao nhận thức về
  | chủ động phối hợp triển khai | rà soát, bổ sung các giải pháp đối với | đổi mới phương thức lãnh đạo đối với
  | huy động các nguồn lực cho | sơ kết, đánh giá kết quả | cụ thể hóa bằng chương trình hành động về
  | nâng cao vai trò, trách nhiệm trong
complements: bảo đảm thiết thực, hiệu quả, tránh hình thức | phù hợp với điều kiện thực tế của từng nơi
  | gắn với trách nhiệm của người đứng đầu | theo đúng lộ trình và tiến độ đã đề ra
  | góp phần thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ {area}
  | tạo sự đồng thuận cao trong cán bộ, đảng viên và Nhân dân | coi đây là nhiệm vụ trọng tâm, thường xuyên
  | kịp thời tháo gỡ khó khăn, vướng mắc phát sinh | lấy sự hài lòng của người dân làm thước đo
  | phân công rõ người, rõ việc, rõ thời gian
events: hội nghị quán triệt | buổi tuyên truyền lưu động | lớp bồi dưỡng nghiệp vụ
  | cuộc kiểm tra, giám sát chuyên đề | buổi đối thoại trực tiếp với Nhân dân
people: cán bộ, đảng viên | lượt người dân | đoàn viên, hội viên | học sinh, sinh viên
indicators: chi bộ thôn, tổ dân phố có đảng viên | hộ gia đình đạt danh hiệu gia đình văn hóa
  | thủ tục hành chính được giải quyết trực tuyến | tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ
  | cán bộ, đảng viên được học tập nghị quyết | thôn có nhà sinh hoạt cộng đồng đạt chuẩn
issues: công tác phối hợp giữa một số cơ quan, đơn vị có lúc chưa chặt chẽ | nguồn lực đầu tư còn hạn chế
  | việc triển khai ở một số chi bộ còn chậm, chưa sát thực tế | chất lượng báo cáo định kỳ ở vài nơi chưa cao
  | nhận thức của một bộ phận người dân còn chưa đầy đủ
units: Ban Tuyên giáo {org} | Văn phòng {org} | Ủy ban Kiểm tra {org} | Ban Tổ chức {org} | Ủy ban nhân dân {area}
  | Ủy ban Mặt trận Tổ quốc Việt Nam {area} | Các chi, đảng bộ trực thuộc
budget: In ấn tài liệu, tờ gấp tuyên truyền | Tổ chức hội nghị quán triệt, triển khai
  | Bồi dưỡng báo cáo viên, tuyên truyền viên | Làm pa-nô, khẩu hiệu tuyên truyền trực quan
  | Sản xuất tin, bài trên hệ thống truyền thanh | Khen thưởng tập thể, cá nhân tiêu biểu
  | Kiểm tra, giám sát, sơ kết, tổng kết | Chi khác
authorities: Bộ Chính trị | Ban Bí thư Trung ương Đảng | Ban Thường vụ Tỉnh ủy Lào Cai
  | Ban Chấp hành Đảng bộ tỉnh Lào Cai
surnames: Nguyễn | Trần | Lê | Phạm | Hoàng | Vàng | Giàng | Lò | Sùng | Tẩn | Lý | Đỗ | Vũ
middles: Văn | Thị | Minh | Đức | Thanh | Ngọc | Xuân | Hữu | A | Seo | Thị Thu | Quang
given: Hùng | Lan | Sơn | Hà | Dũng | Chứ | Sính | Mai | Tuấn | Hoa | Páo | Cường | Thắng | Hương | Phong | Quyết
  | Lềnh | Mỷ
""")
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII")


_ISSUER_FIELDS = ("name", "short_name", "level", "valid_from", "valid_until", "successor", "code", "kind", "place",
                  "weight")
_ISSUERS: tuple[dict[str, str], ...] = tuple({"id": k, **dict(zip(_ISSUER_FIELDS, v))} for k, v in _ISSUER_TABLE.items())
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
    docs_dir = dest / ("content" if layout == "loa" else "docs")
    plans_dir = dest / "plans" if layout == "loa" else docs_dir / "plans"
    _write_text(dest / "mkdocs.yml", _render_mkdocs_yml(layout))
    _write_text(docs_dir / "index.md", _render_home(n))
    if layout == "loa":
        _write_text(dest / "data" / "issuers.yml", _render_registry())
    rng = random.Random(n)
    people = {i["id"]: [" ".join(rng.choice(_WORDS[part]) for part in ("surnames", "middles", "given"))
                        for _ in range(3)] for i in _ISSUERS}
    for doc in _generate_metadata(rng, n):
        name = f"{_TYPES[doc.type][1]}-{doc.number}-{doc.issuer['id']}.md"
        _write_text(plans_dir / str(doc.date.year) / name, _render_document(rng, doc, people[doc.issuer["id"]]))


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(unicodedata.normalize("NFC", text), encoding="utf-8", newline="\n")


def _render_mkdocs_yml(layout: Layout) -> str:
    theme = {"name": "material", "language": "vi"}
    if layout == "loa" and THEME_DIR.is_dir():
        theme["custom_dir"] = str(THEME_DIR)
    config = {"site_name": SITE_NAME, "theme": theme, "docs_dir": "content" if layout == "loa" else "docs",
              "nav": [{"Trang chủ": "index.md"}], "plugins": ["search", "loa"] if layout == "loa" else ["search"]}
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def _render_home(n: int) -> str:
    return (f"---\nkind: index\ntitle: Trang chủ\n---\n\n# {SITE_NAME}\n\nTrang thông tin đăng tải các kế "
            "hoạch, đề án, hướng dẫn và văn bản chỉ đạo của Đảng bộ thị xã Sa Pa. Bộ dữ liệu thử nghiệm gồm "
            f"{n} văn bản được sinh tự động để đo hiệu năng xây dựng trang.\n\n## Hướng dẫn tra cứu\n\n"
            "- Tìm văn bản theo số, ký hiệu hoặc trích yếu bằng ô tìm kiếm.\n"
            "- Duyệt văn bản theo năm ban hành và theo cơ quan ban hành.\n")


def _render_registry() -> str:
    registry = {i["id"]: {"name": i["name"], "short_name": i["short_name"], "level": i["level"],
                          "valid_from": dt.date.fromisoformat(i["valid_from"]),
                          "valid_until": dt.date.fromisoformat(i["valid_until"]), "successor": i["successor"] or None}
                for i in _ISSUERS}
    return yaml.safe_dump(registry, allow_unicode=True, sort_keys=False)


def _generate_metadata(rng: random.Random, n: int) -> list[_Doc]:
    """Draw date, issuer and type of every document, then number them per (issuer, type, year) in date order."""
    span = (_LAST_DAY - _FIRST_DAY).days
    types, type_weights = list(_TYPES), [spec[2] for spec in _TYPES.values()]
    docs = []
    for _ in range(n):
        date = _FIRST_DAY + dt.timedelta(days=rng.randint(0, span))
        active = [i for i in _ISSUERS if i["valid_from"] <= date.isoformat() <= i["valid_until"]]
        issuer = rng.choices(active, weights=[int(i["weight"]) for i in active])[0]
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
    published = dt.datetime.combine(doc.date + dt.timedelta(days=rng.randint(0, 9)),
                                    dt.time(rng.randint(7, 16), rng.choice((0, 15, 30, 45))), _TZ)
    lines = ["---", "kind: plan", f"type: {doc.type}"]
    if doc.has_number:
        lines.append(f"number: {doc.number}-{_TYPES[doc.type][0]}/{doc.issuer['code']}")
    lines += [f"issuer: {doc.issuer['id']}", f"place: {doc.issuer['place']}",
              f"date: {doc.date.isoformat()[:7] if doc.partial_date else doc.date.isoformat()}",
              f"title: {json.dumps(title, ensure_ascii=False)}", "signer:", f"  authority: {authority}",
              f"  role: {role}", f"  name: {person}", "recipients:"]
    lines += [f"  - {r}" for r in _choose_recipients(rng, doc)]
    lines += [f"topics: {json.dumps(topics, ensure_ascii=False)}", "status: published",
              f"publish_at: {published.isoformat()}", "access: public", "---", ""]
    return "\n".join(lines) + "\n" + _fill_places(_render_body(rng, doc, title, topics), doc) + "\n"


def _generate_title(rng: random.Random, doc: _Doc, subject: str) -> str:
    """Return a trích yếu of 8–25 words suited to the document type."""
    lead = {"Công văn": "về việc", "Báo cáo": "kết quả thực hiện", "Nghị quyết": "về", "Quyết định":
            "về việc ban hành quy chế phối hợp thực hiện", "Thông báo": "kết luận của Thường trực về"}
    while True:
        head = lead.get(doc.type) or rng.choice(("thực hiện", "triển khai", "tổ chức thực hiện", "về tăng cường"))
        tail = rng.choice(("", f" năm {doc.date.year}", " giai đoạn 2021 - 2025", " trên địa bàn {area}",
                           f" đến năm {doc.date.year + rng.randint(1, 5)}", " trong tình hình mới"))
        title = _fill_places(f"{head} {subject.removeprefix('việc ')}{tail}", doc)
        if 8 <= len(title.split()) <= 25:
            return title


def _choose_signer(rng: random.Random, issuer: dict[str, str], people: list[str]) -> tuple[str, str, str]:
    if issuer["kind"] == "committee":
        options = [("T/M BAN THƯỜNG VỤ", role) for role in ("BÍ THƯ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "PHÓ BÍ THƯ")]
    elif issuer["kind"] == "board":
        options = [(f"T/M {issuer['short_name'].upper()}", "TRƯỞNG BAN"), ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN")]
    else:
        options = [("T/M ĐẢNG ỦY", "BÍ THƯ"), ("T/M ĐẢNG ỦY", "PHÓ BÍ THƯ")]
    index = rng.choices(range(len(options)), weights=(2, 5, 2)[: len(options)])[0]
    return options[index][0], options[index][1], people[index]


def _choose_recipients(rng: random.Random, doc: _Doc) -> list[str]:
    if doc.issuer["kind"] == "grassroots":
        pool = ["Ban Thường vụ {org} (để b/c)", "Thường trực Đảng ủy", "Các chi bộ trực thuộc",
                "Ủy ban Mặt trận Tổ quốc {local}", "Các đoàn thể {local}"]
        archive = "Lưu Văn phòng Đảng ủy"
    else:
        pool = ["Ban Thường vụ Tỉnh ủy (để b/c)", "Thường trực {org}", "Các đồng chí {org} viên",
                "Các ban xây dựng Đảng {org}", "Các chi, đảng bộ trực thuộc", "Ủy ban nhân dân {area}",
                "Ủy ban Mặt trận Tổ quốc Việt Nam {area}"]
        archive = "Lưu Văn phòng {org}" if doc.issuer["kind"] == "committee" else f"Lưu {doc.issuer['short_name']}"
    chosen = sorted(rng.sample(pool, rng.randint(2, len(pool) - 1)), key=pool.index)
    return [_fill_places(r, doc) for r in (*chosen, archive)]


def _fill_places(text: str, doc: _Doc) -> str:
    town = doc.date.year >= 2020
    local = doc.issuer["name"].removeprefix("Đảng ủy ") if doc.issuer["kind"] == "grassroots" else "thị xã"
    return (text.replace("{org}", "Thị ủy" if town else "Huyện ủy")
            .replace("{area}", "thị xã" if town else "huyện").replace("{local}", local))


def _render_body(rng: random.Random, doc: _Doc, title: str, topics: list[str]) -> str:
    """Return a body of 600–3000 words with the heading hierarchy of an official document."""
    objects = [o for t in topics for o in _TOPICS[t]]
    outline = _TYPES[doc.type][3]
    target = int(rng.triangular(620, 2600, 1100))
    blocks = [_generate_intro(rng, doc, title)]
    sections = _OUTLINES.get(outline, ())
    share = (target - _count_words(blocks[0])) // max(len(sections), 1)
    for index, heading in enumerate(sections):
        blocks.append(f"## {'Chương ' if outline == 'rules' else ''}{_ROMAN[index]}. {heading}")
        if outline == "rules":
            for _ in range(rng.randint(2, 4)):
                blocks.append(f"### Điều {sum(b.startswith('### Điều') for b in blocks) + 1}. "
                              f"{_capitalize(rng.choice(objects))}")
                blocks += _generate_filler(rng, objects, share // 4, ordered=True)
        elif heading == "MỤC ĐÍCH, YÊU CẦU":
            for number, name in enumerate(("Mục đích", "Yêu cầu"), start=1):
                blocks += [f"### {number}. {name}", *_generate_filler(rng, objects, share // 2)]
        elif heading == "KINH PHÍ THỰC HIỆN":
            blocks += [_generate_sentences(rng, objects, 2), _render_budget_table(rng)]
        else:
            blocks += _generate_subsections(rng, objects, share, units=heading == "TỔ CHỨC THỰC HIỆN")
    for number in range(1, rng.randint(3, 6) + 1 if outline == "letter" else 1):
        blocks.append(f"**{number}.** {_generate_sentences(rng, objects, rng.randint(2, 4))}")
    while _count_words("\n".join(blocks)) < target:
        blocks += _generate_filler(rng, objects, 100)
    return "\n\n".join([*blocks, _render_closing(doc)])


def _generate_intro(rng: random.Random, doc: _Doc, title: str) -> str:
    authority = rng.choice(_WORDS["authorities"])
    kind = rng.choice(("Nghị quyết", "Kết luận", "Chỉ thị", "Kế hoạch"))
    earlier = doc.date - dt.timedelta(days=rng.randint(20, 700))
    actor = doc.issuer["short_name"] if doc.issuer["kind"] == "board" else f"Ban Thường vụ {doc.issuer['short_name']}"
    return (f"Thực hiện {kind} số {rng.randint(2, 150)}-{_TYPES[kind][0]}/{'TU' if 'Lào Cai' in authority else 'TW'}"
            f", ngày {earlier:%d/%m/%Y} của {authority} về {rng.choice(rng.choice(list(_TOPICS.values())))}; căn "
            f"cứ tình hình thực tế của địa phương, {actor} ban hành {doc.type.lower()} {title}, cụ thể như sau:")


def _generate_subsections(rng: random.Random, objects: list[str], budget: int, *, units: bool) -> list[str]:
    count = rng.randint(2, 5)
    names = rng.sample(_WORDS["units"], count) if units else [
        _capitalize(f"{rng.choice(_WORDS['verbs'])} {rng.choice(objects)}") for _ in range(count)]
    blocks: list[str] = []
    for number, name in enumerate(names, start=1):
        blocks.append(f"### {number}. {name}")
        if not units and rng.random() < 0.5:
            leaves = rng.randint(2, 4)
            for leaf in range(1, leaves + 1):
                blocks.append(f"#### {number}.{leaf}. {_capitalize(rng.choice(objects))}")
                blocks += _generate_filler(rng, objects, budget // (count * leaves))
        else:
            blocks += _generate_filler(rng, objects, budget // count)
    return blocks


def _generate_filler(rng: random.Random, objects: list[str], words: int, *, ordered: bool = False) -> list[str]:
    """Return paragraphs, lists, emphasis lines and rare tables totalling at least ``words`` words."""
    blocks: list[str] = []
    total = 0
    while total < max(words, 25):
        roll = rng.random()
        if roll < 0.5:
            block = _generate_sentences(rng, objects, rng.randint(2, 5))
        elif roll < 0.8:
            block = _render_list(rng, objects, ordered=ordered)
        elif roll < 0.97:
            label = rng.choice(("Thời gian thực hiện", "Cơ quan chủ trì", "Hình thức", "Lưu ý"))
            block = f"**{label}:** {_generate_sentences(rng, objects, 1)}"
            if rng.random() < 0.4:
                block += f" *Hoàn thành trước ngày {rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}.*"
        else:
            block = _render_indicator_table(rng)
        blocks.append(block)
        total += _count_words(block)
    return blocks


def _generate_sentences(rng: random.Random, objects: list[str], count: int) -> str:
    return " ".join(_generate_sentence(rng, objects) for _ in range(count))


def _generate_sentence(rng: random.Random, objects: list[str]) -> str:
    w = _WORDS
    obj = rng.choice(objects) if rng.random() < 0.6 else rng.choice(rng.choice(list(_TOPICS.values())))
    form = rng.randrange(6)
    if form == 0:
        return f"{rng.choice(w['subjects'])} {rng.choice(w['verbs'])} {obj}, {rng.choice(w['complements'])}."
    if form == 1:
        return f"Phấn đấu đến năm {rng.randint(2022, 2030)}, {rng.randint(60, 100)}% {rng.choice(w['indicators'])}."
    if form == 2:
        subject = rng.choice(w["subjects"])
        return (f"Trong kỳ, {subject[0].lower()}{subject[1:]} đã tổ chức {rng.randint(2, 60)} "
                f"{rng.choice(w['events'])} về {obj}, thu hút trên {rng.randint(2, 90) * 50} "
                f"{rng.choice(w['people'])} tham gia.")
    if form == 3:
        return f"Tuy nhiên, {rng.choice(w['issues'])}; cần {rng.choice(w['verbs'])} {obj} {rng.choice(w['complements'])}."
    if form == 4:
        return f"Tiếp tục {rng.choice(w['verbs'])} {obj}; **{rng.choice(w['complements'])}**."
    return (f"{_capitalize(rng.choice(w['verbs']))} {obj}, *{rng.choice(w['complements'])}*, "
            f"{rng.choice(w['complements'])}.")


def _render_list(rng: random.Random, objects: list[str], *, ordered: bool) -> str:
    items = []
    for index in range(1, rng.randint(2, 6) + 1):
        items.append(f"{f'{index}.' if ordered else '-'} {_capitalize(rng.choice(_WORDS['verbs']))} "
                     f"{rng.choice(objects)}; {rng.choice(_WORDS['complements'])}.")
        if rng.random() < 0.3:
            items += [f"    + {_capitalize(rng.choice(_WORDS['complements']))}." for _ in range(rng.randint(2, 3))]
    return "\n".join(items)


def _render_budget_table(rng: random.Random) -> str:
    items = rng.sample(_WORDS["budget"], rng.randint(3, 7))
    amounts = [rng.randint(5, 120) * 500_000 for _ in items]
    rows = [f"| {i} | {item} | {amount:,} |".replace(",", ".") for i, (item, amount) in enumerate(zip(items, amounts), 1)]
    return "\n".join(["| STT | Nội dung | Kinh phí (đồng) |", "|:---:|---|---:|", *rows,
                      f"| | **Tổng cộng** | **{sum(amounts):,}** |".replace(",", ".")])


def _render_indicator_table(rng: random.Random) -> str:
    rows = ["| STT | Chỉ tiêu | Kế hoạch (%) | Thực hiện (%) | Tỷ lệ đạt (%) |", "|:---:|---|---:|---:|---:|"]
    for i, name in enumerate(rng.sample(_WORDS["indicators"], rng.randint(2, 5)), start=1):
        planned, done = rng.randint(50, 100), rng.randint(40, 100)
        rows.append(f"| {i} | {_capitalize(name)} | {planned} | {done} | {round(done * 100 / planned)} |")
    return "\n".join(rows)


def _render_closing(doc: _Doc) -> str:
    if doc.type == "Báo cáo":
        return "Trên đây là báo cáo kết quả thực hiện, kính báo cáo cấp ủy cấp trên theo dõi, chỉ đạo./."
    return (f"Trên đây là {doc.type.lower()} của {doc.issuer['short_name']}. Yêu cầu các cấp ủy, tổ chức đảng và "
            "các cơ quan, đơn vị liên quan nghiêm túc triển khai thực hiện; trong quá trình thực hiện nếu có "
            "vướng mắc, kịp thời phản ánh về cơ quan thường trực để tổng hợp, báo cáo./.")


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _count_words(text: str) -> int:
    return sum(1 for token in text.split() if any(c.isalnum() for c in token))
