"""PyYAML's problem texts that editors meet most, in Vietnamese, and numbers written as Vietnamese readers write
them (``200.000``). Problems not listed are shown as PyYAML writes them.
"""

from __future__ import annotations

__all__ = ["YAML_PROBLEMS", "format_count"]


_COLON = "không được đặt dấu ':' ở đây (giá trị có dấu ':' cần đặt trong dấu nháy)"
# PyYAML problem texts that editors meet most, in Vietnamese. Others are shown as PyYAML writes them.
YAML_PROBLEMS = {
    "mapping values are not allowed here": _COLON,
    "mapping values are not allowed in this context": _COLON,
    "could not find expected ':'": "thiếu dấu ':' sau tên trường (hoặc tên trường dài quá 1024 ký tự)",
    "found character '\\t' that cannot start any token": "có ký tự tab; YAML chỉ chấp nhận dấu cách",
    "did not find expected key": "thụt lề không khớp hoặc thiếu dấu ':'",
    "did not find expected '-' indicator": "thụt lề của danh sách không khớp",
    "found unexpected end of stream": "giá trị chưa được đóng (thiếu dấu nháy đóng?)",
    "found unknown escape character": "ký tự thoát không hợp lệ trong chuỗi đặt trong dấu nháy kép",
    "found invalid Unicode character escape code": "mã ký tự thoát (\\u…) không hợp lệ trong chuỗi đặt trong dấu "
    "nháy kép",
    "expected <block end>, but found '<block mapping start>'": "thụt lề không khớp",
    "expected <block end>, but found '<scalar>'": "thụt lề không khớp hoặc thừa nội dung",
    "found undefined alias": "dùng bí danh YAML (*) không được định nghĩa",
    "expected a single document in the stream": "chỉ được có một khối YAML (bỏ dòng '---' ở giữa)",
    "found unacceptable character": "có ký tự không được phép trong YAML",
    "control characters are not allowed": "có ký tự điều khiển không được phép trong YAML",
}


def format_count(number: int) -> str:
    return f"{number:,}".replace(",", ".")
