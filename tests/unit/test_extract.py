"""Metadata extraction on the layouts Word exports produce: each case one difficulty named in the issue."""

from __future__ import annotations

import unicodedata

import pytest

from loa.core.importing.bodies import org_name
from loa.core.importing.extract import extract

PARTY = """ĐẢNG BỘ TỈNH LÀO CAI                    ĐẢNG CỘNG SẢN VIỆT NAM
HUYỆN ỦY BẢO THẮNG
*                                        Bảo Thắng, ngày 05 tháng 3 năm 2022
Số 12-KH/HU

KẾ HOẠCH
triển khai công tác tuyên truyền
năm 2022

Thực hiện Kế hoạch số 85-KH/TU, ngày 15/12/2021 của Tỉnh ủy Lào Cai, Ban Thường vụ Huyện ủy xây dựng kế hoạch:

I. MỤC ĐÍCH

1. Nâng cao nhận thức.

Nơi nhận:
- Tỉnh ủy Lào Cai (b/c);
- Lưu VPHU.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

(Đã ký)

Nguyễn Văn Bình
"""


def _variant(old: str, new: str) -> str:
    assert old in PARTY
    return PARTY.replace(old, new)


def test_party_plan_with_flattened_columns():
    found = extract(PARTY).as_json()
    assert found["type"] == "Kế hoạch" and found["number"] == "12-KH/HU"
    assert (found["issuer"], found["place"], found["date"]) == (
        "Huyện ủy Bảo Thắng",
        "Bảo Thắng",
        "2022-03-05",
    )
    assert found["title"] == "triển khai công tác tuyên truyền năm 2022"
    assert found["signer"] == {
        "on_behalf": "BAN THƯỜNG VỤ",
        "acting_for": None,
        "role": "PHÓ BÍ THƯ",
        "name": "Nguyễn Văn Bình",
    }
    assert found["recipients"] == ["Tỉnh ủy Lào Cai (b/c)", "Lưu VPHU"]
    assert found["references"] == [
        {
            "type": "Kế hoạch",
            "number": "85-KH/TU",
            "date": "2021-12-15",
            "issuer": "Tỉnh ủy Lào Cai",
            "as_written": "Kế hoạch số 85-KH/TU, ngày 15/12/2021 của Tỉnh ủy Lào Cai",
        }
    ]


@pytest.mark.parametrize(
    ("old", "new", "field", "expected"),
    [
        ("Số 12-KH/HU", "Số 12 - KH/HU", "number", "12-KH/HU"),
        ("Số 12-KH/HU", "Số:12 – KH / HU", "number", "12-KH/HU"),
        ("Số 12-KH/HU", "Số   - KH/HU", "number", None),
        ("ngày 05 tháng 3 năm 2022", "ngày 5 / 3/2022", "date", "2022-03-05"),
        ("ngày 05 tháng 3 năm 2022", "ngày 16/7/20 21", "date", "2021-07-16"),
        ("ngày 05 tháng 3 năm 2022", "ngày    tháng 01 năm 2022", "date", None),
        ("ngày 05 tháng 3 năm 2022", "ngày    tháng 01 năm 2022", "date_partial", "2022-01"),
        (
            "ngày 05 tháng 3 năm 2022",
            "ngày 05 tháng 3\n                                         năm 2022",
            "date",
            "2022-03-05",
        ),
        ("HUYỆN ỦY BẢO THẮNG", "HUYỆN UỶ BẢO THẮNG", "issuer", "Huyện ủy Bảo Thắng"),
        ("ĐẢNG BỘ TỈNH LÀO CAI  ", "ĐẢNG BỘ HUYỆN BẢO THẮNG  ", "issuer", "Huyện ủy Bảo Thắng"),
        ("HUYỆN ỦY BẢO THẮNG\n", "BAN TUYÊN GIÁO TỈNH ỦY\n", "issuer", "Ban Tuyên giáo Tỉnh ủy Lào Cai"),
        (
            "HUYỆN ỦY BẢO THẮNG\n",
            "HUYỆN ỦY BẢO THẮNG\nBAN TUYÊN GIÁO\n",
            "issuer",
            "Ban Tuyên giáo Huyện ủy Bảo Thắng",
        ),
        ("HUYỆN ỦY BẢO THẮNG\n", "ĐẢNG ỦY XÃ PHONG NIÊN\n", "issuer", "Đảng ủy xã Phong Niên"),
        ("KẾ HOẠCH", "**KẾ HOẠCH**", "type", "Kế hoạch"),
        ("KẾ HOẠCH", "HƯỚNG DẪN", "type", "Hướng dẫn"),
        (
            "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ",
            "K/T BÍ THƯ\nPHÓ BÍ THƯ",
            "signer",
            {"on_behalf": None, "acting_for": "BÍ THƯ", "role": "PHÓ BÍ THƯ", "name": "Nguyễn Văn Bình"},
        ),
        (
            "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ",
            "T/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG",
            "signer",
            {
                "on_behalf": None,
                "acting_for": "BAN THƯỜNG VỤ",
                "role": "CHÁNH VĂN PHÒNG",
                "name": "Nguyễn Văn Bình",
            },
        ),
    ],
)
def test_messy_layouts(old, new, field, expected):
    assert extract(_variant(old, new)).as_json()[field] == expected


def test_nfd_text_gives_nfc_values():
    found = extract(unicodedata.normalize("NFD", PARTY)).as_json()
    assert found["issuer"] == "Huyện ủy Bảo Thắng" and found["signer"]["name"] == "Nguyễn Văn Bình"
    assert found["recipients"][0] == "Tỉnh ủy Lào Cai (b/c)"
    assert unicodedata.is_normalized("NFC", found["title"])


STATE = """| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| HUYỆN BẢO THẮNG | Độc lập - Tự do - Hạnh phúc |
| Số: 115 /UBND-VX | Bảo Thắng, ngày 12 tháng 4 năm 2023 |
| V/v tăng cường công tác | |
| phòng cháy rừng mùa khô | |

Kính gửi:
- Ủy ban nhân dân các xã, thị trấn;
- Hạt Kiểm lâm huyện.

Thực hiện Công văn số 1234/UBND-NLN ngày 01/4/2023 của UBND tỉnh Lào Cai, UBND huyện yêu cầu:

1. Các xã tổ chức trực.

Nơi nhận:                       TM. ỦY BAN NHÂN DÂN
- Như Kính gửi;                 KT. CHỦ TỊCH
- Lưu: VT, VX.                  PHÓ CHỦ TỊCH

                                Trần Thị Hoa
"""


def test_state_letter_in_table_cells():
    found = extract(STATE)
    assert found.type == "Công văn" and found.number == "115/UBND-VX"
    assert found.issuer == "Ủy ban nhân dân huyện Bảo Thắng"
    assert found.title == "tăng cường công tác phòng cháy rừng mùa khô"
    assert found.signer.on_behalf == "ỦY BAN NHÂN DÂN" and found.signer.acting_for == "CHỦ TỊCH"
    assert (found.signer.role, found.signer.name) == ("PHÓ CHỦ TỊCH", "Trần Thị Hoa")
    assert found.recipients == ["Như Kính gửi", "Lưu: VT, VX"]
    assert [r["number"] for r in found.references] == ["1234/UBND-NLN"]
    # The body starts after the addressees.
    assert STATE.split("\n")[found.body_start].startswith("Thực hiện Công văn")


def test_state_decision_with_quyen_signer():
    text = (
        "UBND TỈNH LÀO CAI\nSỞ VĂN HÓA VÀ THỂ THAO\n\nSố: 45/QĐ-SVHTT\n\nLào Cai, ngày 2 tháng 11 năm 2023\n\n"
        "QUYẾT ĐỊNH\nVề việc thành lập Ban Tổ chức Hội thi\n\nGIÁM ĐỐC SỞ VĂN HÓA VÀ THỂ THAO\n\n"
        "Căn cứ Quyết định số 12/2021/QĐ-UBND ngày 5/3/2021 của UBND tỉnh Lào Cai;\n\nQUYẾT ĐỊNH:\n\n"
        "Điều 1. Thành lập Ban Tổ chức.\n\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n\nQ. GIÁM ĐỐC\n\nLê Văn Cường\n"
    )
    found = extract(text).as_json()
    assert found["type"] == "Quyết định" and found["number"] == "45/QĐ-SVHTT"
    assert found["issuer"] == "Sở Văn hóa và Thể thao tỉnh Lào Cai"
    assert found["title"] == "Về việc thành lập Ban Tổ chức Hội thi"
    assert found["signer"] == {
        "on_behalf": None,
        "acting_for": None,
        "role": "Q. GIÁM ĐỐC",
        "name": "Lê Văn Cường",
    }
    assert [r["number"] for r in found["references"]] == ["12/2021/QĐ-UBND"]


def test_nothing_is_invented():
    found = extract("Một đoạn văn không có tiêu đề, số hay ngày tháng.\n")
    assert found.as_json()["number"] is None and found.date is None and found.issuer is None
    assert {"type", "number", "issuer", "date", "title", "signer"} <= set(found.missing)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("HUYỆN ỦY BẢO THẮNG", "Huyện ủy Bảo Thắng"),
        ("ĐẢNG ỦY XÃ TẢ PHÌN", "Đảng ủy xã Tả Phìn"),
        ("UBND HUYỆN BẢO THẮNG", "Ủy ban nhân dân huyện Bảo Thắng"),
        ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH LÀO CAI", "Sở Văn hóa, Thể thao và Du lịch tỉnh Lào Cai"),
        ("PHÒNG TÀI CHÍNH - KẾ HOẠCH", "Phòng Tài chính - Kế hoạch"),
        ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM THỊ XÃ SA PA", "Ủy ban Mặt trận Tổ quốc Việt Nam thị xã Sa Pa"),
        ("BAN TUYÊN GIÁO TỈNH UỶ", "Ban Tuyên giáo Tỉnh ủy"),
    ],
)
def test_names_of_bodies(written, expected):
    assert org_name(written) == expected


def test_type_line_that_begins_the_title():
    text = (
        "THÀNH ỦY LÀO CAI                ĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Số 20-CTr/TU                    Lào Cai, ngày 10 tháng 8 năm 2022\n\n"
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết số 15-NQ/TU của Tỉnh ủy\n\n"
        "Căn cứ Nghị quyết số 15-NQ/TU, Ban Thường vụ Thành ủy xây dựng chương trình:\n"
    )
    found = extract(text)
    assert (found.type, found.number, found.issuer) == ("Chương trình", "20-CTr/TU", "Thành ủy Lào Cai")
    assert found.title == "HÀNH ĐỘNG thực hiện Nghị quyết số 15-NQ/TU của Tỉnh ủy"
