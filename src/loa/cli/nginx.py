"""``loa nginx``: write the shipped nginx configuration for a built site, or run nginx with it on 127.0.0.1.

The configurations ship inside the package (``loa/deploy/``), so the command works from any folder. The edition
is read from the marker the build writes (`loa.core.outputs.releases`): the internal edition and the editors' preview
are served only with ``nginx-internal.conf``, behind a password over TLS, and never without them.
"""

from __future__ import annotations

import argparse
import grp
import ipaddress
import os
import pwd
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any

from loa.core.outputs.releases import OutputRefused, check_output_file, edition_of, output_path
from loa.core.outputs.serving import NGINX_DIR, render_nginx_config

__all__ = ["TEMPLATE", "TEMPLATES", "command", "prepare", "register", "template_for"]

TEMPLATES = {"public": "nginx.conf", "internal": "nginx-internal.conf", "preview": "nginx-internal.conf"}
TEMPLATE = (
    Path(__file__).resolve().parents[1] / "deploy" / TEMPLATES["public"]
)  # the public edition's, on disk
_WORKER_USER = "nobody"
_EDITION_NAMES = {"internal": "bản nội bộ", "preview": "bản xem trước"}


def register(commands: Any) -> None:
    """Add the ``nginx`` command."""
    parser = commands.add_parser(
        "nginx", help="cấu hình nginx cho trang đã dựng, hoặc chạy thử nginx trên máy"
    )
    parser.add_argument(
        "--site", type=Path, default=Path("site"), help="thư mục trang đã dựng (mặc định: site)"
    )
    parser.add_argument(
        "--listen",
        default=None,
        help="địa chỉ lắng nghe (mặc định: 127.0.0.1:8081; bản nội bộ: 127.0.0.1:8443)",
    )
    parser.add_argument(
        "--template",
        type=Path,
        help="tệp mẫu (mặc định: nginx.conf của loa; bản nội bộ: nginx-internal.conf)",
    )
    parser.add_argument("-o", "--output", type=Path, help="chỉ ghi cấu hình ra tệp này, không chạy nginx")
    parser.add_argument(
        "--htpasswd",
        type=Path,
        metavar="TỆP",
        help="bản nội bộ: tệp mật khẩu (tạo bằng openssl passwd -apr1)",
    )
    parser.add_argument("--tls-cert", type=Path, metavar="TỆP", help="bản nội bộ: chứng chỉ TLS (PEM)")
    parser.add_argument(
        "--tls-key", type=Path, metavar="TỆP", help="bản nội bộ: khoá riêng của chứng chỉ (PEM)"
    )
    parser.add_argument(
        "--allow",
        action="append",
        default=[],
        metavar="MẠNG",
        help="bản nội bộ: chỉ nhận yêu cầu từ mạng này, ví dụ 10.0.0.0/8 (lặp lại được)",
    )
    parser.set_defaults(run=run)


def template_for(edition: str) -> str:
    """The text of the shipped configuration of ``edition``."""
    return files("loa").joinpath("deploy", TEMPLATES[edition]).read_text(encoding="utf-8")


def _access_values(args: argparse.Namespace, edition: str) -> dict[str, str] | str:
    """The internal configuration's values, or the reason (Vietnamese) they cannot be had."""
    access = (args.htpasswd, args.tls_cert, args.tls_key)
    if edition == "public":
        if any(access) or args.allow:
            return (
                "--htpasswd, --tls-cert, --tls-key và --allow chỉ dùng cho bản nội bộ; trang này là bản "
                "công khai."
            )
        return {}
    name = _EDITION_NAMES.get(edition, edition)
    if not all(access):
        return (
            f"{args.site} là {name}: chỉ phục vụ sau mật khẩu và qua HTTPS, không bao giờ mở cho mọi người. "
            "Thêm --htpasswd TỆP (tạo bằng: printf 'ten:%s\\n' \"$(openssl passwd -apr1)\" > TỆP), "
            "--tls-cert TỆP và --tls-key TỆP; có thể thêm --allow 10.0.0.0/8 để chỉ nhận từ mạng nội bộ."
        )
    for label, path in zip(("tệp mật khẩu", "chứng chỉ", "khoá"), access, strict=True):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return f"Không đọc được {label} {path}."
        if not text.strip():
            return f"{label.capitalize()} {path} đang trống."
    allow = []
    for network in args.allow:
        try:
            allow.append(f"allow {ipaddress.ip_network(network, strict=False)};")
        except ValueError:
            return f"'{network}' không phải một địa chỉ hay một mạng (ví dụ 10.0.0.0/8, 192.168.1.0/24)."
    return {
        "TLS_CERT": str(args.tls_cert.resolve()),
        "TLS_KEY": str(args.tls_key.resolve()),
        "HTPASSWD": str(args.htpasswd.resolve()),
        "ALLOW": " ".join([*allow, "deny all;"]) if allow else "# no address allowlist: a password is enough",
    }


def run(args: argparse.Namespace) -> int:
    """Write the configuration, or run nginx in the foreground until interrupted."""
    site = output_path(args.site)
    if not (site / NGINX_DIR / "csp.conf").is_file():
        print(f"Chưa có trang đã dựng trong {args.site} (chạy: make site).", file=sys.stderr)
        return 1
    edition = edition_of(site)
    if edition not in TEMPLATES:
        print(
            f"{args.site} không mang dấu bản dựng của loa (.loa-site), nên không biết đây là bản công khai hay "
            "nội bộ; dựng lại bằng loa build.",
            file=sys.stderr,
        )
        return 1
    values = _access_values(args, edition)
    if isinstance(values, str):
        print(values, file=sys.stderr)
        return 1
    listen = args.listen or ("127.0.0.1:8081" if edition == "public" else "127.0.0.1:8443")
    try:
        template = args.template.read_text(encoding="utf-8") if args.template else template_for(edition)
        text = render_nginx_config(template, root=site, listen=listen, values=values)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        source = args.template or f"loa/deploy/{TEMPLATES[edition]}"
        print(f"Tệp mẫu {source} không dùng được cho {edition}: {error}", file=sys.stderr)
        return 1
    readable = [site, *(Path(values[k]) for k in ("HTPASSWD",) if k in values)]
    if args.output:
        return _write(output_path(args.output), text, site, readable)
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
    if nginx is None:
        print("Cần nginx: sudo apt-get install nginx", file=sys.stderr)
        return 1
    if os.geteuid() == 0:
        hidden = _hidden_from_workers(readable)
        if hidden is not None:
            print(
                f"nginx chạy các tiến trình phục vụ bằng người dùng {_WORKER_USER}, nhưng {_WORKER_USER} không "
                f"đọc được {hidden}: chmod o+rx cho thư mục (o+r cho tệp), hoặc đặt trang ở chỗ khác, ví dụ "
                "/srv/loa.",
                file=sys.stderr,
            )
            return 1
    with tempfile.TemporaryDirectory(prefix="loa-nginx-") as tmp:
        prefix = Path(tmp)
        os.chmod(prefix, 0o755)
        conf = prefix / "nginx.conf"
        _prepare_prefix(prefix)
        conf.write_text(text, encoding="utf-8")
        scheme = "http" if edition == "public" else "https"
        print(f"nginx phục vụ {site} tại {scheme}://{listen}/ (Ctrl+C để dừng)", file=sys.stderr)
        process = subprocess.run(command(nginx, prefix, conf), check=False)
        return process.returncode


def _write(out: Path, text: str, site: Path, readable: Sequence[Path]) -> int:
    try:
        check_output_file(out, sources=[site], kind="cấu hình nginx", head=b"# nginx for Loa")
        out.write_text(text, encoding="utf-8")
        hidden = _hidden_from_workers(readable)
        if hidden is not None:
            print(
                f"Cảnh báo: người dùng khác (nginx chạy bằng www-data) không đọc được {hidden}; nginx sẽ trả lỗi "
                "403. Sửa bằng chmod o+rx cho thư mục (o+r cho tệp).",
                file=sys.stderr,
            )
    except OutputRefused as refusal:
        print(refusal, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"Không ghi được {out}: {error.strerror}", file=sys.stderr)
        return 1
    return 0


def _hidden_from_workers(paths: Sequence[Path]) -> Path | None:
    """The first of ``paths`` (or a folder above one) that a user other than the owner cannot reach."""
    for path in paths:
        real = path.resolve()
        for folder in reversed(real.parents):
            if not os.stat(folder).st_mode & stat.S_IXOTH:
                return folder
        mode = os.stat(real).st_mode
        needed = stat.S_IROTH | (stat.S_IXOTH if stat.S_ISDIR(mode) else 0)
        if mode & needed != needed:
            return real
    return None


def _prepare_prefix(prefix: Path) -> None:
    (prefix / "logs").mkdir(parents=True, exist_ok=True)
    (prefix / "temp").mkdir(exist_ok=True)


def prepare(
    site: Path, listen: str, template: Path, prefix: Path, values: dict[str, str] | None = None
) -> Path:
    """Write the runnable configuration under ``prefix`` (with its logs/ and temp/) and return its path."""
    _prepare_prefix(prefix)
    conf = prefix / "nginx.conf"
    conf.write_text(
        render_nginx_config(
            template.read_text(encoding="utf-8"), root=output_path(site), listen=listen, values=values
        ),
        encoding="utf-8",
    )
    return conf


def command(nginx: str, prefix: Path, conf: Path) -> list[str]:
    """The nginx command line, in the foreground. As root, the workers run as ``nobody``, as a packaged nginx's
    run as ``www-data``: the site must be readable by others, which `loa build` makes it."""
    directives = "daemon off;"
    if os.geteuid() == 0:
        group = grp.getgrgid(pwd.getpwnam(_WORKER_USER).pw_gid).gr_name
        directives += f" user {_WORKER_USER} {group};"
    return [nginx, "-p", str(prefix), "-c", str(conf), "-g", directives]
