"""``loa nginx``: write the shipped nginx configuration for a built site, or run nginx with it on 127.0.0.1."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from loa.core.serving import NGINX_DIR, render_nginx_config

TEMPLATE = Path("deploy") / "nginx.conf"


def register(commands: Any) -> None:
    """Add the ``nginx`` command."""
    parser = commands.add_parser("nginx", help="cấu hình nginx cho trang đã dựng, hoặc chạy thử nginx trên máy")
    parser.add_argument("--site", type=Path, default=Path("site"), help="thư mục trang đã dựng (mặc định: site)")
    parser.add_argument("--listen", default="127.0.0.1:8081", help="địa chỉ lắng nghe (mặc định: 127.0.0.1:8081)")
    parser.add_argument("--template", type=Path, default=TEMPLATE, help="tệp mẫu (mặc định: deploy/nginx.conf)")
    parser.add_argument("-o", "--output", type=Path, help="chỉ ghi cấu hình ra tệp này, không chạy nginx")
    parser.set_defaults(run=run)


def prepare(site: Path, listen: str, template: Path, prefix: Path) -> Path:
    """Write the runnable configuration under ``prefix`` (with its logs/ and temp/) and return its path."""
    (prefix / "logs").mkdir(parents=True, exist_ok=True)
    (prefix / "temp").mkdir(exist_ok=True)
    conf = prefix / "nginx.conf"
    conf.write_text(render_nginx_config(template.read_text(encoding="utf-8"), root=site.resolve(), listen=listen),
                    encoding="utf-8")
    return conf


def command(nginx: str, prefix: Path, conf: Path) -> list[str]:
    """The nginx command line, in the foreground. As root (containers), workers stay root to read a private tree."""
    directives = "daemon off;" + (" user root;" if os.geteuid() == 0 else "")
    return [nginx, "-p", str(prefix), "-c", str(conf), "-g", directives]


def run(args: argparse.Namespace) -> int:
    """Write the configuration, or run nginx in the foreground until interrupted."""
    if not (args.site / NGINX_DIR / "csp.conf").is_file():
        print(f"Chưa có trang đã dựng trong {args.site} (chạy: make site).", file=sys.stderr)
        return 1
    if args.output:
        args.output.write_text(render_nginx_config(args.template.read_text(encoding="utf-8"),
                                                   root=args.site.resolve(), listen=args.listen), encoding="utf-8")
        return 0
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
    if nginx is None:
        print("Cần nginx: sudo apt-get install nginx", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="loa-nginx-") as tmp:
        prefix = Path(tmp)
        conf = prepare(args.site, args.listen, args.template, prefix)
        print(f"nginx phục vụ {args.site.resolve()} tại http://{args.listen}/ (Ctrl+C để dừng)", file=sys.stderr)
        process = subprocess.run(command(nginx, prefix, conf), check=False)
        return process.returncode
