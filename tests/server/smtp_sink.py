"""A mail server for tests on loopback: speaks just enough SMTP (RFC 5321: EHLO/HELO, MAIL,
RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT) to take every message and keep it, with its
envelope, for the test to read. No TLS: the workspace sends plain SMTP only to loopback.

    sink = SmtpSink(port); sink.start(); ...; sink.messages -> [(mail_from, [rcpt], bytes)]
"""
import socketserver
import threading


class _Handler(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 sink.test ESMTP test sink")
        mail_from, rcpt = None, []
        while True:
            line = self.rfile.readline(4096)
            if not line:
                return
            verb = line.strip().split(b" ", 1)[0].upper()
            if verb in (b"EHLO", b"HELO"):
                self.reply("250-sink.test\r\n250 8BITMIME" if verb == b"EHLO" else "250 sink.test")
            elif verb == b"MAIL":
                mail_from, rcpt = line.strip()[10:].decode(), []
                self.reply("250 OK")
            elif verb == b"RCPT":
                rcpt.append(line.strip()[8:].decode())
                self.reply("250 OK")
            elif verb == b"DATA":
                self.reply("354 end with <CRLF>.<CRLF>")
                data = bytearray()
                while True:
                    chunk = self.rfile.readline(1 << 20)
                    if not chunk or chunk == b".\r\n":
                        break
                    data += chunk[1:] if chunk.startswith(b"..") else chunk
                with self.server.lock:
                    self.server.messages.append((mail_from, rcpt, bytes(data)))
                self.reply("250 OK: queued")
            elif verb == b"RSET":
                mail_from, rcpt = None, []
                self.reply("250 OK")
            elif verb == b"NOOP":
                self.reply("250 OK")
            elif verb == b"QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 command not implemented")


class SmtpSink(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port):
        super().__init__(("127.0.0.1", port), _Handler)
        self.messages = []
        self.lock = threading.Lock()

    def start(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def taken(self):
        with self.lock:
            return list(self.messages)
