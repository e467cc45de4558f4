#!/usr/bin/env python3
"""Checks the include graph of src/ against ccteam's layers and its third-party adapters.

Usage: check_layering.py SRC_DIR

Layers (CONTRIBUTING.md, "Layers"): each folder of SRC_DIR may include only itself and the
layers below it, one way:

    ccteam (domain) <- io <- app <- cli
                          <- store  <- server

so the domain includes nothing from io/, app/, cli/, server/, store/; io/ nothing from app/,
cli/, server/, store/; app/ nothing from cli/, server/; server/ nothing from cli/. The store
(store/) sits beside app/: app/ sees only its interface (STORE_INTERFACE), cli/ and server/ may
include all of it (they open the database); the store includes no use case. cli/ is the
binary's entry and may include server/ (`ccteam serve` starts the workspace through
server/workspace.hpp).

Third-party libraries: a header of a library is included only by the files (or folders, ending
in '/') of its entry in LIBRARIES, its adapter; the C++ standard library, fmt and tl::expected
are vocabulary and allowed everywhere. A header in angle brackets that is neither standard nor
in LIBRARIES is an error too, so a new dependency is added here on purpose.

Prints one line per violation, "path:line: what", and exits 1 if there is any, else prints a
one-line summary and exits 0.
"""

import os
import re
import sys

# Which layers each layer may include (by the first folder of the path under src/).
LAYERS = {
    "ccteam": {"ccteam"},
    "io": {"ccteam", "io"},
    "store": {"ccteam", "io", "store"},
    "app": {"ccteam", "io", "store", "app"},
    "cli": {"ccteam", "io", "store", "app", "cli", "server"},
    "server": {"ccteam", "io", "store", "app", "server"},
    "extract": {"io", "extract"},
}
LAYER_NAMES = {"ccteam": "domain (ccteam/)", "io": "io/", "store": "store/", "app": "app/",
               "cli": "cli/", "server": "server/", "extract": "extract/"}

# The headers of store/ that app/ may include: the repository interface and its ids, never an
# implementation (store/sqlite/, store/postgres/), so that every use case runs on any database.
STORE_INTERFACE = {"store/repository.hpp", "store/uuid.hpp", "store/document_store.hpp"}

# Library name -> (header pattern, files or folders/ under src/ that may include it).
LIBRARIES = {
    "yaml-cpp": (r"yaml-cpp/", ["io/base/yaml_reader.hpp", "io/base/yaml_reader.cpp",
                                "io/base/json_yaml.cpp"]),
    "nlohmann json": (r"nlohmann/", ["io/", "app/", "cli/", "server/"]),
    "simdjson": (r"simdjson\.h$", ["io/qualify/resume_json.cpp"]),
    "CLI11": (r"CLI/", ["cli/"]),
    "libxlsxwriter": (r"xlsxwriter(\.h$|/)", ["io/base/xlsx_writer.cpp"]),
    "ICU": (r"unicode/", ["ccteam/text/normalize.cpp", "ccteam/qualify/language.cpp",
                          "ccteam/core/money.cpp", "ccteam/core/iso_codes.cpp",
                          "io/workspace/extract_process.cpp"]),
    "libstemmer": (r"libstemmer\.h$", ["ccteam/text/matcher.cpp"]),
    "OpenSSL": (r"openssl/", ["ccteam/metrics/pseudonym.cpp"]),
    "POSIX": (r"(unistd|fcntl|poll|spawn|signal|pthread)\.h$|sys/|arpa/",
              ["cli/", "io/base/xlsx_writer.cpp", "io/base/spool.cpp",
               "io/workspace/config_yaml.cpp", "io/workspace/extract_process.cpp", "extract/",
               "store/uuid.cpp", "store/open.cpp", "store/document_store.cpp"]),
    "Boost": (r"boost/", ["server/http/http_server.cpp"]),
    "SQLite": (r"sqlite3\.h$", ["store/sqlite/"]),
    "libpq": (r"libpq-fe\.h$", ["store/postgres/database.cpp"]),
    "mstch": (r"mstch/", ["server/render/template.cpp"]),
    "libsodium": (r"sodium(\.h$|/)", ["io/crypto/secrets.cpp"]),
    "cmark": (r"cmark\.h$", ["io/posting/posting_markdown.cpp"]),
    "libphonenumber": (r"phonenumbers/", ["io/workspace/contact_keys.cpp"]),
    "libcurl": (r"curl/", ["io/workspace/mail.cpp"]),
    "libzip": (r"zip\.h$", ["io/workspace/documents.cpp", "io/workspace/text_extract.cpp"]),
    # Parsers of applicants' documents: only in ccteam-extract's library, never in the server.
    "poppler": (r"poppler/", ["io/workspace/text_extract.cpp"]),
    "pugixml": (r"pugixml\.hpp$", ["io/workspace/text_extract.cpp"]),
    # The compiler's SSE2 intrinsics (x86-64's baseline), behind #if defined(__SSE2__) with a
    # plain loop otherwise: the hot byte loops of words and of the place scan.
    "SSE2 intrinsics": (r"emmintrin\.h$", ["ccteam/text/normalize.cpp",
                                            "io/qualify/resume_json.cpp"]),
    "fmt": (r"fmt/", [""]),
    "tl::expected": (r"tl/", [""]),
}

STANDARD = set("""
algorithm any array atomic barrier bit bitset charconv chrono codecvt compare complex concepts
condition_variable coroutine deque exception execution expected filesystem format forward_list
fstream functional future initializer_list iomanip ios iosfwd iostream istream iterator latch
limits list locale map memory memory_resource mutex new numbers numeric optional ostream queue
random ranges ratio regex scoped_allocator semaphore set shared_mutex source_location span
sstream stack stdexcept stop_token streambuf string string_view syncstream system_error thread
tuple type_traits typeindex typeinfo unordered_map unordered_set utility valarray variant
vector version cassert cctype cerrno cfenv cfloat cinttypes climits clocale cmath csetjmp
csignal cstdarg cstddef cstdint cstdio cstdlib cstring ctime cuchar cwchar cwctype
""".split())

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
SOURCE = re.compile(r"\.(c|cc|cpp|cxx|h|hh|hpp|hxx|ipp|inc)$")


def allowed_by(entries, rel):
    return any(rel == e or (e.endswith("/") or e == "") and rel.startswith(e) for e in entries)


def check_file(src, rel):
    problems = []
    layer = rel.split("/", 1)[0]
    if layer not in LAYERS:
        return [(1, f"'{layer}/' is not a layer; add it to LAYERS in {sys.argv[0]} "
                    "(and to CONTRIBUTING.md)")]
    with open(os.path.join(src, rel), encoding="utf-8", errors="replace") as f:
        for number, line in enumerate(f, 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            bracket, header = m.groups()
            if bracket == '"':
                target = header
                first = target.split("/", 1)[0]
                if first not in LAYERS:
                    # A path relative to the including file.
                    target = os.path.normpath(os.path.join(os.path.dirname(rel), header))
                    first = target.split("/", 1)[0]
                if first not in LAYERS:
                    problems.append((number, f'"{header}" is not a header under src/'))
                elif first not in LAYERS[layer]:
                    problems.append((number, f"{LAYER_NAMES[layer]} includes {target}: the "
                                             "one-way rule is domain <- io <- app <- cli/server"))
                elif layer == "app" and first == "store" and target not in STORE_INTERFACE:
                    problems.append((number, f"app/ includes {target}: use cases see only the "
                                             f"store's interface ({', '.join(sorted(STORE_INTERFACE))})"))
                continue
            if header in STANDARD:
                continue
            for name, (pattern, entries) in LIBRARIES.items():
                if re.search(pattern, header):
                    if not allowed_by(entries, rel):
                        problems.append((number, f"<{header}> ({name}) outside its adapter "
                                                 f"({', '.join(entries)})"))
                    break
            else:
                problems.append((number, f"<{header}> is neither standard nor a known "
                                         "library; add it to LIBRARIES with its adapter files"))
    return problems


def main():
    if len(sys.argv) != 2:
        print(__doc__.split("\n\n", 2)[1], file=sys.stderr)
        return 2
    src = sys.argv[1]
    if not os.path.isdir(src):
        print(f"{src}: not a folder", file=sys.stderr)
        return 2
    files = 0
    violations = 0
    for root, dirs, names in os.walk(src):
        dirs.sort()
        for name in sorted(names):
            if not SOURCE.search(name):
                continue
            rel = os.path.relpath(os.path.join(root, name), src).replace(os.sep, "/")
            files += 1
            for number, what in check_file(src, rel):
                print(f"{os.path.join(src, rel)}:{number}: {what}")
                violations += 1
    if violations:
        print(f"{violations} layering violation(s) in {files} files", file=sys.stderr)
        return 1
    print(f"layering: {files} files, no violation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
