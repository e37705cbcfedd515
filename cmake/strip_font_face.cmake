# cmake -DIN=nhsuk-frontend.min.css -DOUT=… -P strip_font_face.cmake
# Copies the NHS.UK frontend CSS without its @font-face rules. Those load Frutiger from assets.nhs.uk, which
# carevoice's Content-Security-Policy (font-src 'self') refuses and which would tell a third party about every
# page view; the frontend's own fallback stack (Arial, sans-serif) is then used, as the NHS service manual allows.
file(READ ${IN} css)
string(REGEX REPLACE "@font-face{[^}]*}" "" css "${css}")
file(WRITE ${OUT} "${css}")
