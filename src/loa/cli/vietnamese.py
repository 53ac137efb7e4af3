"""The command line's own words in Vietnamese: argparse's usage, help and error messages.

argparse takes every message it prints through ``gettext``; Python ships no Vietnamese catalogue, so without this
an editor would read "usage:", "show this help message and exit" and "the following arguments are required".
`install` makes the ``argparse`` module look its messages up here (anything not listed stays as argparse wrote it).
"""

from __future__ import annotations

import argparse

__all__ = ["MESSAGES", "METAVARS", "Formatter", "Parser", "install"]

MESSAGES = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "không có lựa chọn %(value)r (chọn một trong %(choices)s)",
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không hợp lệ (cần kiểu %(type)s)",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "not allowed with argument %s": "không dùng cùng với %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s chưa rõ: có thể là %(matches)s",
    "ignored explicit argument %r": "bỏ qua giá trị %r",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
    "unexpected option string: %s": "tùy chọn không mong đợi: %s",
}

_PLURALS = {"expected %s argument": "cần %s giá trị", "expected %s arguments": "cần %s giá trị"}


METAVARS = {
    "config_file": "TỆP_CẤU_HÌNH",
    "site_dir": "THƯ_MỤC",
    "site": "THƯ_MỤC_TRANG",
    "output": "TỆP_RA",
    "title": "TIÊU_ĐỀ",
    "number": "SỐ_KÝ_HIỆU",
    "issuer": "MÃ_CƠ_QUAN",
    "date": "NGÀY",
    "author": "MÃ_ĐƠN_VỊ",
    "channels": "KÊNH",
    "listen": "ĐỊA_CHỈ:CỔNG",
    "template": "MẪU",
    "guide": "TỆP_HƯỚNG_DẪN",
    "web_root": "THƯ_MỤC_WEB",
}
"""Placeholders of option values in the help, by the option's destination (argparse would print it in capitals)."""


class Formatter(argparse.HelpFormatter):
    """Help with Vietnamese placeholders for option values (`METAVARS`)."""

    def _get_default_metavar_for_optional(self, action: argparse.Action) -> str:
        return METAVARS.get(action.dest, action.dest.upper())

    def _get_default_metavar_for_positional(self, action: argparse.Action) -> str:
        return METAVARS.get(action.dest, action.dest)


class Parser(argparse.ArgumentParser):
    """An argument parser whose help uses `Formatter`; subcommands' parsers are of this class too."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


def _translate(message: str) -> str:
    return MESSAGES.get(message, message)


def _translate_plural(singular: str, plural: str, count: int) -> str:
    return _PLURALS.get(singular if count == 1 else plural, singular if count == 1 else plural)


def install() -> None:
    """Make argparse print its messages in Vietnamese (for this process)."""
    argparse._ = _translate  # type: ignore[attr-defined]
    argparse.ngettext = _translate_plural  # type: ignore[attr-defined]
