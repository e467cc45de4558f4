# Every dependency is a Debian 12 package; scripts/deps installs them.
find_package(yaml-cpp 0.7 REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
# simdjson (libsimdjson-dev 3.0): the fast path of the JSON Resume reader (src/io/qualify/resume_json.cpp).
find_package(simdjson 3 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(fmt 9 REQUIRED)
find_package(tl-expected REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc i18n)
find_package(Threads REQUIRED)
# Boost.Beast and Boost.Asio, header-only (libboost-dev 1.74; see scripts/deps for why 1.74):
# the HTTP adapter of `ccteam serve`, src/server/http/http_server.cpp only.
find_package(Boost 1.74 REQUIRED)
find_package(OpenSSL REQUIRED COMPONENTS Crypto)  # HMAC-SHA256 of agent pseudonyms
find_package(SQLite3 REQUIRED)  # the workspace store (src/store/sqlite/)

# mimalloc (libmimalloc-dev 2.0) as the process allocator: Debian's shared library overrides
# malloc/free (and so operator new/delete) once it is loaded. Nothing calls it by name, so the
# link uses --no-as-needed to keep it; ccteam_use_mimalloc(target) does that for an executable.
if(CCTEAM_MIMALLOC)
  find_package(mimalloc 2 REQUIRED)
endif()
function(ccteam_use_mimalloc target)
  if(CCTEAM_MIMALLOC)
    target_link_libraries(${target} PRIVATE -Wl,--push-state,--no-as-needed mimalloc
                          -Wl,--pop-state)
  endif()
endfunction()

# Snowball stemmers (libstemmer-dev) ship no CMake config; find them by hand and wrap them as an
# imported target. (CSV has no library: io/base/csv_splitter is the one CSV reader.)
find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY stemmer REQUIRED)
add_library(ccteam_stemmer INTERFACE)
target_include_directories(ccteam_stemmer SYSTEM INTERFACE ${STEMMER_INCLUDE_DIR})
target_link_libraries(ccteam_stemmer INTERFACE ${STEMMER_LIBRARY})
# libphonenumber (libphonenumber-dev 8.12): phone numbers in E.164 for finding duplicate
# applications (src/io/workspace/contact_keys.cpp only). Debian ships neither a CMake config nor
# a pkg-config file, only the library; its headers include protobuf's and Abseil's (both
# dependencies of the package), hence SYSTEM.
find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h REQUIRED)
find_library(PHONENUMBER_LIBRARY phonenumber REQUIRED)
add_library(ccteam_phonenumber INTERFACE)
target_include_directories(ccteam_phonenumber SYSTEM INTERFACE ${PHONENUMBER_INCLUDE_DIR})
target_link_libraries(ccteam_phonenumber INTERFACE ${PHONENUMBER_LIBRARY})
# libcurl (libcurl4-openssl-dev): e-mail to applicants over SMTP (src/io/workspace/mail.cpp
# only).
find_package(CURL REQUIRED)
# libxlsxwriter (libxlsxwriter-dev) writes Excel workbooks; it ships a pkg-config file only.
find_package(PkgConfig REQUIRED)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
# Argon2id password hashes and random tokens of the workspace (src/io/crypto/ only).
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
# libpq (libpq-dev 15), PostgreSQL's C client: the workspace store on PostgreSQL
# (src/store/postgres/ only). libpqxx in Debian 12 is two major versions behind.
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
# cmark (libcmark-dev 0.30), the CommonMark reference implementation: the Markdown of the posting
# editor's sections (src/io/posting/posting_markdown.cpp only).
pkg_check_modules(CMARK REQUIRED IMPORTED_TARGET libcmark)
# libzip (libzip-dev 1.7): the ZIP directory of DOCX documents applicants attach, read before
# anything is unpacked (src/io/workspace/documents.cpp only).
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
# Text of applicants' documents, read only in the child process ccteam-extract: poppler's C++
# interface (libpoppler-cpp-dev 22.12) for PDF, pugixml (libpugixml-dev 1.13) for DOCX's XML.
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)
pkg_check_modules(PUGIXML REQUIRED IMPORTED_TARGET pugixml)
add_library(ccteam_xlsxwriter INTERFACE)
target_include_directories(ccteam_xlsxwriter SYSTEM INTERFACE ${XLSXWRITER_INCLUDE_DIRS})
target_link_libraries(ccteam_xlsxwriter INTERFACE PkgConfig::XLSXWRITER)
if(CCTEAM_TESTS AND NOT CCTEAM_FUZZ)
  find_package(GTest REQUIRED)
  find_package(benchmark REQUIRED)
endif()

# Debian's yaml-cpp 0.7 exports the plain target name "yaml-cpp" without include dirs marked
# SYSTEM; wrap it so its headers are treated as third-party.
if(NOT TARGET ccteam_yaml)
  add_library(ccteam_yaml INTERFACE)
  get_target_property(_yaml_inc yaml-cpp INTERFACE_INCLUDE_DIRECTORIES)
  if(_yaml_inc)
    target_include_directories(ccteam_yaml SYSTEM INTERFACE ${_yaml_inc})
  endif()
  target_link_libraries(ccteam_yaml INTERFACE yaml-cpp)
endif()
