#!/usr/bin/env python3
"""Serves pages rendered to files, for the browser tests before `ccteam serve` exists.

Usage: serve_pages.py PAGES_DIR STATIC_DIR [PORT]

PAGES_DIR holds {en,de}/roles/index.html and {en,de}/roles/<id>/index.html (written by
`CCTEAM_WRITE_PAGES=PAGES_DIR ccteam_server_tests --gtest_filter='*Writes*'`); STATIC_DIR is
served under /static/ (build/<preset>/share/ccteam/web/static). Every answer carries the
Content-Security-Policy of the workspace, so the browser reports any inline script or style.
Listens on 127.0.0.1, on PORT or a free port, and prints its base URL on the first line.
"""

import functools
import http.server
import os
import sys

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")


class Handler(http.server.SimpleHTTPRequestHandler):
    static_dir = ""

    def translate_path(self, path):
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if clean.startswith("/static/"):
            name = os.path.basename(clean)
            return os.path.join(self.static_dir, name)
        return super().translate_path(path)

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, *args):
        pass


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    Handler.static_dir = os.path.abspath(sys.argv[2])
    handler = functools.partial(Handler, directory=os.path.abspath(sys.argv[1]))
    port = int(sys.argv[3]) if len(sys.argv) == 4 else 0
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    print(f"http://127.0.0.1:{server.server_address[1]}", flush=True)
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
