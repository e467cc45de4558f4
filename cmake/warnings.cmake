# Warnings are errors for our code. -Wnull-dereference is left out: at -O2, g++ 12 reports
# it inside libstdc++'s std::streambuf once inlined into our code (a false positive).
# Third-party headers come in as SYSTEM includes
# (imported targets do that by default), so their warnings never reach us.
function(ccteam_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Werror
    -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor -Wold-style-cast
    -Woverloaded-virtual -Wimplicit-fallthrough)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC bug 105651: false -Wrestrict from std::string operations inlined at -O3 (and
    # sometimes -O2 with sanitizers). Silenced only as a warning-not-error, nowhere else.
    target_compile_options(${target} PRIVATE -Wno-error=restrict)
  endif()
endfunction()
