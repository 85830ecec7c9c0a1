# Dates as readers in the US write them: "January 14, 2026"; "Tuesday, January 14, 2026, 6 p.m.".
DATE_FORMAT = "F j, Y"
DATETIME_FORMAT = "l, F j, Y, P"
