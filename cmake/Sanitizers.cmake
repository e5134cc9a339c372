# DIALLER_SANITIZE=address,undefined (the debug preset) or thread (the tsan preset).
# -fno-sanitize-recover makes the first UB report fail the test instead of scrolling past.
set(DIALLER_SANITIZE "" CACHE STRING "Sanitizers to build with (address,undefined | thread)")
if(DIALLER_SANITIZE)
  set(flags -fsanitize=${DIALLER_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  if(DIALLER_SANITIZE MATCHES "undefined")
    # UBSan's vptr check needs the typeinfo of every polymorphic class it meets; Debian's SOCI
    # does not export typeinfo for its backend and statement classes, so the link fails. The rest
    # of UBSan stays on.
    list(APPEND flags -fno-sanitize=vptr)
  endif()
  if(DIALLER_SANITIZE MATCHES "thread")
    # g++ 12 warns that TSan does not model atomic_thread_fence, which Asio (inside RESTinio)
    # uses; with -Werror that stops the build. The concurrency tests make tsan runs do not go
    # through Asio, so its fences cannot hide a race there.
    list(APPEND flags -Wno-tsan)
  endif()
  add_compile_options(${flags})
  add_link_options(-fsanitize=${DIALLER_SANITIZE})
endif()
