# Dates as Spanish readers write them: "14 de enero de 2026"; "martes 14 de enero de 2026, 18:00".
DATE_FORMAT = r"j \d\e F \d\e Y"
DATETIME_FORMAT = r"l j \d\e F \d\e Y, H:i"
