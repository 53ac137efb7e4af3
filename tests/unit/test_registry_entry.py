"""The data/issuers.yml entry proposed for an issuer the registry does not know (issue 23)."""

from __future__ import annotations

import pytest
import yaml

from loa.core.importing.registry_entry import issuer_level, proposed_entry, symbols_of


@pytest.mark.parametrize(
    ("number", "symbols"),
    [
        ("12-KH/HU", ["HU"]),
        ("115/KH-UBND", ["UBND"]),
        ("210/UBND-VX", ["UBND"]),
        ("31-KH/ĐUK", ["ĐUK"]),
        (None, []),
    ],
)
def test_symbols_come_from_the_number(number, symbols):
    assert symbols_of(number) == symbols


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("Ban Tuyên giáo Trung ương", "trung-uong"),
        ("Đảng ủy Khối các cơ quan tỉnh Hòa Bình", "tinh"),
        ("Ủy ban nhân dân thành phố Đà Nẵng", "tinh"),
        ("Thành ủy Vinh", "huyen"),
        ("Ủy ban nhân dân huyện Văn Bàn", "huyen"),
        ("Đảng ủy xã Mỹ Hòa", "xa"),
        ("Ủy ban nhân dân thị xã Sa Pa", "huyen"),
        ("Trường Chính trị Trần Phú", "co-so"),
    ],
)
def test_the_level_comes_from_the_name(name, level):
    assert issuer_level(name) == level


def test_the_entry_is_yaml_the_registry_accepts():
    entry = yaml.safe_load(proposed_entry("Ủy ban nhân dân huyện Văn Bàn", "115/KH-UBND"))
    assert entry == {
        "uy-ban-nhan-dan-huyen-van-ban": {
            "name": "Ủy ban nhân dân huyện Văn Bàn",
            "short_name": "Ủy ban nhân dân huyện",
            "level": "huyen",
            "aliases": ["Ủy ban nhân dân huyện"],
            "symbols": ["UBND"],
        }
    }
