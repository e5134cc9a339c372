# dialler_warnings: every target of ours links this INTERFACE target, so warnings are errors
# everywhere and third-party headers (SYSTEM includes) stay quiet.
add_library(dialler_warnings INTERFACE)
target_compile_options(dialler_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough
  -Wduplicated-cond -Wduplicated-branches -Wlogical-op -Wuseless-cast -Wsuggest-override
  -Werror)
# Not -Wnull-dereference: with g++ 12 at -O2 it fires inside inlined libstdc++ and Asio code
# (std::string in CLI11, asio's scheduler), which -isystem cannot silence; ASan covers real ones.
# Cheap bounds checks on standard containers in debug builds.
target_compile_definitions(dialler_warnings INTERFACE $<$<CONFIG:Debug>:_GLIBCXX_ASSERTIONS>)
