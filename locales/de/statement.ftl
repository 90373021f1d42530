# Die Monatsübersicht für die betreute Person: einfache Worte, für die, deren Geld es ist.
statement-title = Ihr Geld
statement-in = Geld, das hereingekommen ist
statement-nothing-in = In diesem Monat ist kein Geld hereingekommen.
statement-out = Geld, das ausgegeben wurde
statement-nothing-out = In diesem Monat wurde kein Geld ausgegeben.
statement-chart-title = Wofür das Geld ausgegeben wurde
statement-chart-description = Balkendiagramm des ausgegebenen Geldes, nach Art der Ausgabe. Der größte Teil:
statement-left = Was übrig ist
statement-start = Am Anfang des Monats hatten Sie
statement-end = Am Ende des Monats haben Sie
statement-coming = Zahlungen im nächsten Monat
statement-nothing-coming = Für den nächsten Monat sind keine Zahlungen geplant.
statement-pocket-money = Taschengeld
statement-budget = Ihr Haushaltsplan und was geschehen ist
column-payee = Bezahlt an
