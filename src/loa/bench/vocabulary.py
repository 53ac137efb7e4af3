"""Vocabulary of the synthetic corpora: document types, issuers, topics and the phrases the prose is built from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = [
    "COMMITTEE_ONLY",
    "FIRST_DAY",
    "ISSUERS",
    "ISSUER_FIELDS",
    "LAST_DAY",
    "OUTLINES",
    "SIGNERS",
    "TOPICS",
    "TYPES",
    "TZ",
    "WEIGHTS",
    "WORDS",
    "Doc",
    "fill_places",
]


def _parse_table(text: str) -> dict[str, tuple[str, ...]]:
    """Parse ``key: a | b | c`` lines into a mapping; a line indented two spaces continues the one above."""
    rows = (row.partition(": ") for row in text.strip("\n").replace("\n  ", " ").splitlines())
    return {key: tuple(part.strip() for part in rest.split("|")) for key, _, rest in rows}


FIRST_DAY, LAST_DAY = dt.date(2019, 1, 1), dt.date(2025, 6, 30)
TZ = dt.timezone(dt.timedelta(hours=7))
# Type name -> (number abbreviation, URL slug, weight, outline).
TYPES: dict[str, tuple[str, str, int, str]] = {
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
COMMITTEE_ONLY = ("Nghị quyết", "Chỉ thị", "Kết luận", "Quy định")
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
TOPICS = _parse_table("""
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
WORDS = _parse_table("""
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

ISSUER_FIELDS = ("name", "short_name", "level", "valid_from", "valid_until", "successor", "code", "kind")
ISSUERS = tuple({"id": k, **dict(zip(ISSUER_FIELDS, v, strict=False))} for k, v in _ISSUER_TABLE.items())
WEIGHTS = {"committee": 10, "board": 4, "grassroots": 2}
# Issuer kind: signature blocks as "authority ; role", one person per position.
SIGNERS = _parse_table("""
committee: T/M BAN THƯỜNG VỤ ; BÍ THƯ | T/M BAN THƯỜNG VỤ ; PHÓ BÍ THƯ THƯỜNG TRỰC
  | T/M BAN THƯỜNG VỤ ; PHÓ BÍ THƯ
board: T/M {board} ; TRƯỞNG BAN | K/T TRƯỞNG BAN ; PHÓ TRƯỞNG BAN
grassroots: T/M ĐẢNG ỦY ; BÍ THƯ | T/M ĐẢNG ỦY ; PHÓ BÍ THƯ
""")
OUTLINES = _parse_table("""
plan: MỤC ĐÍCH, YÊU CẦU | NHIỆM VỤ VÀ GIẢI PHÁP | KINH PHÍ THỰC HIỆN | TỔ CHỨC THỰC HIỆN
guide: MỤC ĐÍCH, YÊU CẦU | NỘI DUNG HƯỚNG DẪN | TỔ CHỨC THỰC HIỆN
resolution: TÌNH HÌNH VÀ NGUYÊN NHÂN | MỤC TIÊU | NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU | TỔ CHỨC THỰC HIỆN
report: KẾT QUẢ THỰC HIỆN | HẠN CHẾ, NGUYÊN NHÂN | NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI
rules: NHỮNG QUY ĐỊNH CHUNG | NHỮNG QUY ĐỊNH CỤ THỂ | ĐIỀU KHOẢN THI HÀNH
""")


@dataclass
class Doc:
    """Metadata of one document, drawn before its text so numbers can follow date order."""

    date: dt.date
    issuer: dict[str, str]
    type: str
    partial_date: bool
    has_number: bool
    number: int = 0


def fill_places(text: str, doc: Doc) -> str:
    town = doc.date.year >= 2020
    local = doc.issuer["name"].removeprefix("Đảng ủy ") if doc.issuer["kind"] == "grassroots" else "thị xã"
    return (
        text.replace("{org}", "Thị ủy" if town else "Huyện ủy")
        .replace("{area}", "thị xã" if town else "huyện")
        .replace("{local}", local)
    )
