# Warnings are errors for our code. Third-party headers come in as SYSTEM includes
# (imported targets do that by default), so their warnings never reach us.
function(ccteam_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Werror
    -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor -Wold-style-cast
    -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC bug 105651: false -Wrestrict from std::string operations inlined at -O3 (and
    # sometimes -O2 with sanitizers). Silenced only as a warning-not-error, nowhere else.
    target_compile_options(${target} PRIVATE -Wno-error=restrict)
  endif()
endfunction()
