# Copies web/templates and web/static to DESTINATION/{templates,static} and htmx.min.js from
# npm (HTMX) into DESTINATION/static. Without it (scripts/web-deps not run) the pages still
# work, without htmx; a warning says how to fix it.
# Usage: cmake -DSOURCE=web -DHTMX=.../htmx.min.js -DDESTINATION=... -P copy_web.cmake
file(REMOVE_RECURSE ${DESTINATION})
file(MAKE_DIRECTORY ${DESTINATION}/templates ${DESTINATION}/static)
file(GLOB templates ${SOURCE}/templates/*.mustache)
file(COPY ${templates} DESTINATION ${DESTINATION}/templates)
file(GLOB static ${SOURCE}/static/*)
file(COPY ${static} DESTINATION ${DESTINATION}/static)
if(EXISTS ${HTMX})
  file(COPY ${HTMX} DESTINATION ${DESTINATION}/static)
else()
  message(WARNING "${HTMX} is missing: run scripts/web-deps (npm ci in web/)")
endif()
