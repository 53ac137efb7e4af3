"""The front-matter fields, declared once: their kind, which documents accept or require them, their limits and the
Vietnamese description editors read. Validation, the JSON Schema and the field tables are all made from this list.
"""

from __future__ import annotations

from dataclasses import dataclass

from loa.core.model.document import ACCESS_LEVELS, CATEGORIES, DOC_TYPES, KINDS, STATUSES

__all__ = ["FIELDS", "FIELD_BY_NAME", "FieldSpec", "fields_for"]


@dataclass(frozen=True)
class FieldSpec:
    """One front-matter field.

    Attributes:
        name: Key in front matter.
        kind: Value kind: ``string``, ``choice``, ``registry``, ``date``, ``datetime``, ``list``, ``signer``,
            ``cover``, ``bool``, ``period``, ``tasks``, ``budget``.
        kinds: Document kinds that accept the field.
        required: Document kinds that require it.
        description: Vietnamese explanation for editors.
        choices: Allowed values of a ``choice`` field.
        max_length: Longest allowed string.
        example: An example value, as YAML text.
    """

    name: str
    kind: str
    kinds: tuple[str, ...]
    required: tuple[str, ...]
    description: str
    choices: tuple[str, ...] = ()
    max_length: int = 500
    example: str = ""


_ALL = KINDS
_PLAN = ("plan",)
_ARTICLE = ("article",)
_CONTENT = ("plan", "article")
FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "kind",
        "choice",
        _ALL,
        (),
        "Loại tài liệu: plan (văn bản chính thức), article (tin, bài), topic "
        "(chuyên đề), index (trang chủ), page (trang giới thiệu). Mặc định: plan trong plans/, page trong "
        "content/.",
        KINDS,
        example="plan",
    ),
    FieldSpec(
        "id",
        "string",
        _CONTENT,
        _ARTICLE,
        "Mã định danh bền vững (urn:uuid:…), không đổi khi đổi tiêu đề "
        "hay tên tệp; nguồn tin (RSS) dùng mã này để các trang không đăng lại một tin.",
        max_length=200,
        example="urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427",
    ),
    FieldSpec(
        "type",
        "choice",
        _PLAN,
        _PLAN,
        "Thể loại văn bản.",
        tuple(t.name for t in DOC_TYPES),
        example="Kế hoạch",
    ),
    FieldSpec(
        "category",
        "choice",
        _ARTICLE,
        _ARTICLE,
        "Thể loại tin bài: tin, bai (bài viết), khau-hieu (khẩu "
        "hiệu), hoi-dap (hỏi - đáp), guong-dien-hinh (gương người tốt, việc tốt).",
        CATEGORIES,
        example="bai",
    ),
    FieldSpec(
        "number",
        "string",
        _PLAN,
        (),
        "Số và ký hiệu đúng như văn bản ghi. Bỏ trống nếu văn bản không có số.",
        max_length=80,
        example="85-KH/TU",
    ),
    FieldSpec(
        "number_as_written",
        "string",
        _PLAN,
        (),
        "Dòng số ký hiệu đúng như bản gốc khi số bị để trống.",
        max_length=80,
        example="Số - KH/TU",
    ),
    FieldSpec(
        "issuer",
        "registry",
        _PLAN,
        _PLAN,
        "Mã cơ quan ban hành trong danh mục data/issuers.yml.",
        max_length=80,
        example="thi-uy-sa-pa",
    ),
    FieldSpec("place", "string", _PLAN, (), "Địa danh ghi trên văn bản.", max_length=80, example="Sa Pa"),
    FieldSpec(
        "date",
        "date",
        _PLAN,
        (),
        "Ngày ban hành: YYYY-MM-DD, hoặc YYYY-MM khi bản gốc để trống ngày. "
        "Bỏ trống nếu bản gốc không ghi ngày.",
        example="2021-12-15",
    ),
    FieldSpec(
        "date_as_written",
        "string",
        _PLAN,
        (),
        "Dòng địa danh, ngày tháng đúng như bản gốc.",
        max_length=120,
        example="Sa Pa, ngày    tháng 01 năm 2022",
    ),
    FieldSpec(
        "title",
        "string",
        _ALL,
        ("plan", "article", "topic", "page"),
        "Tiêu đề; với văn bản là trích yếu, không kèm thể loại.",
        max_length=1000,
        example="tuyên truyền kết quả Hội nghị lần thứ Tư",
    ),
    FieldSpec(
        "short_title",
        "string",
        ("article", "topic"),
        (),
        "Tiêu đề ngắn cho mạng xã hội (tối đa 150 ký tự).",
        max_length=150,
    ),
    FieldSpec(
        "summary",
        "string",
        _ARTICLE,
        _ARTICLE,
        "Tóm tắt (tối đa 300 ký tự), dùng cho nguồn tin và thẻ chia sẻ.",
        max_length=300,
    ),
    FieldSpec(
        "signer",
        "signer",
        _PLAN,
        (),
        "Người ký: authority (T/M, K/T, T/L…), role (chức vụ), name (họ tên).",
        example="{authority: T/M BAN THƯỜNG VỤ, role: PHÓ BÍ THƯ, name: Thào A Sinh}",
    ),
    FieldSpec("recipients", "list", _PLAN, (), "Nơi nhận, mỗi dòng một mục.", example="[TT Thị ủy]"),
    FieldSpec(
        "author",
        "registry",
        _ARTICLE,
        _ARTICLE,
        "Đơn vị viết bài: mã trong data/issuers.yml.",
        max_length=80,
        example="ban-bien-tap",
    ),
    FieldSpec(
        "topics",
        "list",
        _CONTENT,
        (),
        "Chuyên đề: mã các trang trong content/chuyen-de/.",
        max_length=120,
        example="[dua-nghi-quyet-dai-hoi-xiii-vao-cuoc-song]",
    ),
    FieldSpec(
        "channels",
        "list",
        _ARTICLE,
        _ARTICLE,
        "Kênh đăng: mã trong data/channels.yml.",
        max_length=80,
        example="[cong-thong-tin-thi-xa]",
    ),
    FieldSpec(
        "cover",
        "cover",
        _ARTICLE,
        (),
        "Ảnh đại diện: src (đường dẫn ảnh trong content/) và alt (mô tả ảnh, "
        "bắt buộc khi có ảnh). Không có ảnh thì trang tự tạo thẻ chia sẻ 1200×630.",
        example="{src: images/anh.jpg, alt: Mô tả ảnh}",
    ),
    FieldSpec(
        "related_plans",
        "list",
        _ARTICLE,
        (),
        "Văn bản liên quan: đường dẫn tệp trong plans/.",
        max_length=300,
        example="[plans/2021/ke-hoach.md]",
    ),
    FieldSpec(
        "status",
        "choice",
        _ALL,
        _CONTENT,
        "Trạng thái: draft (nháp), review (chờ duyệt), published (đã duyệt, được đăng).",
        STATUSES,
        example="published",
    ),
    FieldSpec(
        "approved_by",
        "string",
        _CONTENT,
        (),
        "Người duyệt đăng; bắt buộc với tin bài đã duyệt (published).",
        max_length=120,
        example="Ban biên tập",
    ),
    FieldSpec(
        "publish_at",
        "datetime",
        _ALL,
        _ARTICLE,
        "Thời điểm đăng, giờ Việt Nam (+07:00). Trước thời điểm này "
        "tài liệu không xuất hiện trên trang công khai.",
        example="2022-01-10T08:00:00+07:00",
    ),
    FieldSpec(
        "updated",
        "datetime",
        _CONTENT,
        (),
        "Thời điểm sửa đổi gần nhất, giờ Việt Nam (+07:00).",
        example="2022-01-12T08:00:00+07:00",
    ),
    FieldSpec(
        "access",
        "choice",
        _ALL,
        _CONTENT,
        "Phạm vi: public (công khai), internal (chỉ bản nội bộ).",
        ACCESS_LEVELS,
        example="public",
    ),
    FieldSpec(
        "sample",
        "bool",
        _ARTICLE,
        (),
        "true nếu là bài mẫu minh họa: trang ghi rõ là bài mẫu.",
        example="true",
    ),
    FieldSpec("description", "string", _ALL, (), "Mô tả ngắn cho danh sách và thẻ meta.", max_length=300),
    FieldSpec(
        "amends",
        "list",
        _PLAN,
        (),
        "Văn bản mà văn bản này sửa đổi, bổ sung: đường dẫn tệp trong plans/. "
        "Trang của văn bản được sửa đổi tự liệt kê các lần sửa đổi.",
        max_length=300,
        example="[plans/2021/ke-hoach.md]",
    ),
    FieldSpec(
        "replaces",
        "list",
        _PLAN,
        (),
        "Văn bản mà văn bản này thay thế: đường dẫn tệp trong plans/. Trang "
        "của văn bản bị thay thế mang dòng báo dẫn tới văn bản mới.",
        max_length=300,
        example="[plans/2020/ke-hoach-cu.md]",
    ),
    FieldSpec(
        "aliases",
        "list",
        _ALL,
        (),
        "Địa chỉ cũ khi đổi tên tệp: tệp cũ (plans/2021/ten-cu.md) hoặc địa chỉ "
        "cũ (/plans/2021/ten-cu/). Địa chỉ cũ tự chuyển sang trang mới.",
        max_length=300,
        example="[plans/2021/ten-cu.md]",
    ),
    FieldSpec(
        "period",
        "period",
        _PLAN,
        (),
        "Những năm kế hoạch áp dụng: một năm (2022) hoặc năm đầu/năm cuối "
        "(2021/2025). Mặc định là năm ban hành. Quý của một nhiệm vụ phải nằm trong thời gian này.",
        example="2022",
    ),
    FieldSpec(
        "tasks",
        "tasks",
        _PLAN,
        (),
        "Nhiệm vụ văn bản giao: task (câu trích nguyên văn), lead (đơn vị chủ "
        "trì), cooperate (đơn vị phối hợp), deadline (thời hạn: 2022-03-25, 2022-01, 2022-Q1, 2022, "
        "2022-02-15/2022-04-30, R/P1M hằng tháng, R/P3M hằng quý, R/P6M 6 tháng, R/P1Y hằng năm), targets "
        "(chỉ tiêu: count, unit).",
        example="[{task: …, lead: [ban-tuyen-giao-thi-uy-sa-pa], deadline: 2022-Q1}]",
    ),
    FieldSpec(
        "budget",
        "budget",
        _PLAN,
        (),
        "Kinh phí: total (tổng, số đồng), lines (các nguồn: source, "
        "amount), years (nhu cầu từng năm). Tổng các nguồn phải bằng tổng kinh phí.",
        example="{total: 6505490000, lines: [{source: Ngân sách thị xã, amount: 6505490000}]}",
    ),
    FieldSpec("source", "string", _ALL, (), "Tên tệp gốc đã nhập.", max_length=200),
)
FIELD_BY_NAME = {f.name: f for f in FIELDS}


def fields_for(kind: str) -> tuple[FieldSpec, ...]:
    """Return the fields a document of ``kind`` accepts."""
    return tuple(f for f in FIELDS if kind in f.kinds)
