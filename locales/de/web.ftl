# Die Seiten der Webanwendung.
web-skip = Zum Inhalt springen
web-sign-in = Anmelden
web-login = Benutzername
web-password = Passwort
web-refused = Benutzername oder Passwort ist falsch.
web-throttled = Zu viele fehlgeschlagene Anmeldungen für diesen Benutzernamen oder von dieser Adresse: bitte 15 Minuten warten.
web-busy = Der Server prüft gerade sehr viele Passwörter: bitte gleich noch einmal versuchen.
web-server-full = gestio beantwortet so viele Verbindungen, wie es darf: bitte gleich noch einmal versuchen.
web-signed-in-as = Angemeldet als
web-sign-out = Abmelden
web-caseload = Betreute
web-caseload-heading = Die Betreuten und ihr Geld
web-caseload-empty = Ihnen ist noch kein Fall zugewiesen.
web-caseload-caption = Das Geld ist die Summe der Bankkonten und der Barkasse.
web-column-name = Name
web-column-language = Sprache
web-column-mandate = Maßnahme
web-column-case = Aktenzeichen
web-column-book = Buch
web-column-money = Geld
web-column-next-account = Nächste Rechnungslegung
web-column-period = Zeitraum
web-column-filed-on = Eingereicht am
web-column-review = Prüfung durch das Gericht
web-column-documents = Unterlagen
web-portal = Ihr Konto
web-portal-statements = Ihre Monatsübersichten
web-portal-filed = An das Gericht gesandte Abrechnungen
web-portal-none-filed = Es wurde noch keine Abrechnung an das Gericht gesandt.
web-court = Beim Gericht eingereichte Abrechnungen
web-court-none = Bei Ihrem Gericht wurde noch keine Abrechnung eingereicht.
web-review-none = Noch nicht geprüft
web-review-approved = Genehmigt
web-review-remarks = Beanstandungen
web-review-approve = Diese Abrechnung genehmigen
web-review-remarks-label = Beanstandungen an den Betreuer
web-review-send-remarks = Beanstandungen senden
web-download-pdf = Die Abrechnung (PDF)
web-download-bundle = Die Abrechnung mit Belegen (zip)
web-audit = Prüfprotokoll
web-audit-search = Suchen
web-audit-user = Person
web-audit-kind = Was
web-audit-any = alles
web-column-when = Wann
web-column-who = Wer
web-column-what = Was
web-column-route = Anfrage
web-column-status = Antwort
web-audit-empty = Keine Treffer.
web-case-accounts = Konten und Salden
web-case-suspense = Zuzuordnende Buchungszeilen
web-case-suspense-none = Alle eingelesenen Zeilen sind zugeordnet.
web-case-move-to = Buchen auf
web-case-make-rule = und daraus eine Regel machen
web-case-categorise = Zuordnen
web-case-entries = Buchungen
web-case-from = Von
web-case-to = Bis
web-case-file = Abrechnung beim Gericht einreichen
web-column-code = Konto
web-column-balance = Saldo
web-column-date = Datum
web-column-description = Buchungstext
web-column-postings = Buchungszeilen
web-import = Kontoauszüge einlesen
web-import-files = Auszugsdateien (camt.052, camt.053, camt.054 oder CSV-Export der Bank)
web-import-send = Einlesen
web-import-nothing = Wählen Sie mindestens eine Datei aus.
web-import-refused = Diese Datei wurde nicht eingelesen, nichts davon wurde übernommen:
web-import-statement = Auszug
web-import-new = Jetzt gebuchte Zeilen
web-import-already = Bereits gebucht
web-import-by-rule = Durch eine Regel zugeordnet
web-payments = Zahlungen
web-payments-prepare = Zahlungslauf vorbereiten
web-payments-date = Ausführungsdatum
web-payments-book = Vom Konto von
web-payments-whole-office = das ganze Büro
web-payments-prepare-button = Vorbereiten
web-payments-runs = Letzte Zahlungsläufe
web-payments-no-runs = Noch kein Zahlungslauf.
web-payments-run = Zahlungslauf
web-payments-state = Stand
web-payments-prepared-by = Vorbereitet von
web-payments-approve = Freigeben und Dateien schreiben
web-payments-orders = Aufträge
web-payments-held = Mangels Deckung zurückgehalten
web-payments-reason = Grund
web-payments-files = Dateien für die Bank
web-admin-users = Benutzer
web-admin-role = Rolle
web-admin-actions = Aktionen
web-admin-disabled = gesperrt
web-admin-assign = Buch zuweisen
web-admin-assign-button = Zuweisen
web-admin-withdraw = Entziehen
web-admin-enable = Entsperren
web-admin-disable = Sperren
web-admin-add = Benutzer anlegen
web-admin-beneficiary = Nummer des Betreuten (nur für Betreute)
web-case-filter = Diese Daten zeigen
web-entry = Buchung
web-entry-back = Zurück zur Akte
web-entry-source = Herkunft
web-entry-reference = Referenz
web-entry-receipt = Belegnummer
web-entry-author = Erfasst von
web-entry-reverses = Storniert
web-entry-reversed-by = Storniert durch
web-entry-evidence = Belege
web-entry-no-evidence = Zu dieser Buchung ist kein Beleg hinterlegt.
web-entry-attach-files = Belege anhängen (PDF, JPEG oder PNG)
web-entry-attach = Anhängen
web-entry-no-file = Wählen Sie mindestens eine Datei aus.
web-entry-reverse-heading = Diese Buchung stornieren
web-entry-reverse-help = Eine Buchung wird nie geändert. Das Storno bucht ihr Spiegelbild zum angegebenen Datum, sodass sich beide aufheben; buchen Sie danach die richtige Buchung.
web-entry-reversal-date = Datum des Stornos
web-entry-reversal-reason = Grund
web-entry-reverse = Stornieren
web-source-opening = Anfangsbestände
web-source-import = Kontoauszug
web-source-payment = Zahlung
web-source-manual = Von Hand erfasst
web-source-reversal = Storno
web-source-adjustment = Korrektur eines abgerechneten Zeitraums
web-case-payments = Zahlungen, Daueraufträge und Schulden
web-schedules = Geplante Zahlungen
web-schedules-none = Für diese Akte ist keine Zahlung geplant.
web-column-creditor = Gläubiger
web-column-rhythm = Rhythmus
web-column-until = Bis
web-column-priority = Rang
web-debts = Schulden und Tilgungspläne
web-debts-none = Für diese Akte ist keine Schuld erfasst.
web-column-owed = Geschuldet
web-column-repaid = Getilgt
web-column-remaining = Restschuld
web-column-on-the-way = Beauftragt, noch nicht auf dem Auszug
web-column-plan = Plan
web-schedule-add = Zahlung planen
web-schedule-needs-creditor = Legen Sie zuerst unten den Gläubiger an.
web-schedule-day = Tag (1–31, last oder mon…sun)
web-schedule-instalments = Anzahl der Zahlungen
web-schedule-until-repaid = bis die Schuld getilgt ist
web-schedule-creditor-default = das übliche Konto des Gläubigers
web-schedule-needs-judge = das Gericht muss sie zuerst genehmigen
web-schedule-stopped = Beendet
web-schedule-awaits-judge = Wartet auf die gerichtliche Genehmigung
web-schedule-active = Aktiv
web-creditor-add = Gläubiger anlegen
web-creditor-street = Straße und Hausnummer
web-creditor-postcode = Postleitzahl
web-creditor-town = Ort
web-creditor-country = Land (zwei Buchstaben)
web-creditor-remittance = Verwendungszweck für den Gläubiger
web-debt-add = Schuld erfassen
web-every-once = einmalig
web-every-weekly = wöchentlich
web-every-monthly = monatlich
web-every-quarterly = vierteljährlich
web-every-yearly = jährlich
web-day-last = letzter Tag
web-entry-already-attached = Eine dieser Dateien ist bereits an diese Buchung angehängt; nichts wurde hinzugefügt.
web-caseload-assumed = angenommen, das Gericht hat sie nicht festgelegt
web-column-to-do = Zu tun
web-todo-gaps = { $count ->
    [one] 1 Lücke zwischen Auszügen
   *[other] { $count } Lücken zwischen Auszügen
}
web-todo-categorise = { $count ->
    [one] 1 Umsatz zuzuordnen
   *[other] { $count } Umsätze zuzuordnen
}
web-todo-held = { $count ->
    [one] 1 Zahlung zurückgehalten
   *[other] { $count } Zahlungen zurückgehalten
}
web-todo-on-the-way = { $count ->
    [one] 1 Auftrag noch nicht auf dem Auszug
   *[other] { $count } Aufträge noch nicht auf dem Auszug
}
web-caseload-due = fällig am
web-profile = Ihre Einstellungen
web-profile-home = Zurück zur Startseite
web-profile-language = Sprache
web-profile-language-label = Seiten anzeigen auf
web-profile-browser = Sprache des Browsers
web-profile-save = Speichern
web-profile-password = Passwort
web-profile-password-help = Nach der Änderung enden alle Sitzungen mit dem alten Passwort, auch diese: melden Sie sich mit dem neuen wieder an.
web-profile-current = Aktuelles Passwort
web-profile-new = Neues Passwort (mindestens 12 Zeichen)
web-profile-repeat = Neues Passwort wiederholen
web-profile-change = Passwort ändern

# A new password refused as too easy to guess, and why.
password-weak = Dieses Passwort ist zu leicht zu erraten: { $reason }. Wählen Sie einen Satz aus drei oder vier Wörtern, die nichts miteinander zu tun haben.
password-weak-common = es ist ein häufiges Passwort oder einem sehr ähnlich
password-weak-keyboard = es folgt den Tasten der Tastatur
password-weak-repeats = es wiederholt dieselben Zeichen
password-weak-sequence = es enthält eine Folge wie abc oder 6543
password-weak-date = es enthält ein Datum oder ein nahes Jahr
password-weak-word = es ist ein einzelnes Wort oder ein Name
password-weak-other = es enthält zu wenig, das schwer zu erraten ist

# Roles, as people read them.
role-administrator = Administrator der Instanz
role-supervisor = Leitung
role-counsellor = Berater oder Beraterin
role-beneficiary = Betreute Person
role-court = Gericht
web-admin-court-staff-elsewhere = Gerichtsmitarbeiter werden vom Administrator der Instanz mit ihrem Gericht angelegt: ein Büro kann sie nicht anlegen.

# The administrator's courts page.
web-courts = Gerichte
web-courts-intro = Die Gerichte, denen die Büros dieser Instanz über die Maßnahmen Rechnung legen, und ihre Mitarbeiter. Gerichtsmitarbeiter lesen nur die bei ihrem eigenen Gericht eingereichten Abrechnungen.
web-courts-recorded = Angelegte Gerichte
web-courts-none = Noch ist kein Gericht angelegt.
web-court-name = Name, wie in den Beschlüssen
web-court-jurisdiction = Aufbau seiner Abrechnungen
web-court-address = Anschrift
web-court-staff = Mitarbeiter
web-court-staff-none = Noch niemand.
web-court-staff-add = Mitarbeiter hinzufügen
web-court-add = Gericht anlegen
jurisdiction-lu = Luxemburg
jurisdiction-fr = Frankreich
jurisdiction-de = Deutschland
jurisdiction-generic = Andere (allgemeiner Aufbau)
web-menu = Menü
web-menu-my-money = Mein Geld
web-menu-filed-accounts = Eingereichte Rechnungslegungen
web-menu-courts = Gerichte
error-page-back = Zurück zur vorigen Seite
error-page-start = Startseite
error-page-sign-in = Anmelden
error-page-reference = Referenz für die Administration:
error-page-title-400 = Die Anfrage konnte nicht gelesen werden
error-page-help-400 = Etwas in der Adresse oder im Formular war nicht wie erwartet. Gehen Sie zurück und versuchen Sie es erneut.
error-page-title-401 = Sie sind nicht angemeldet
error-page-help-401 = Ihre Sitzung ist abgelaufen oder Sie haben sich abgemeldet. Melden Sie sich erneut an; Ihre Eingaben wurden nicht gespeichert.
error-page-title-403 = Nicht erlaubt
error-page-help-403 = Ihre Rolle darf diese Seite sehen, aber dies nicht tun, oder das Formular war zu alt. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es erneut.
error-page-title-404 = Seite nicht gefunden
error-page-help-404 = Diese Seite gibt es nicht, oder Sie dürfen sie nicht sehen. Prüfen Sie die Adresse oder beginnen Sie auf Ihrer Startseite neu.
error-page-title-405 = Hier nicht möglich
error-page-help-405 = Diese Adresse lässt sich so nicht verwenden. Beginnen Sie auf Ihrer Startseite neu.
error-page-title-408 = Das hat zu lange gedauert
error-page-help-408 = Der Server hat die Arbeit nach 30 Sekunden beendet; nichts wurde gespeichert. Fragen Sie weniger an (einen kürzeren Zeitraum) oder versuchen Sie es später.
error-page-title-409 = Widerspricht dem Gespeicherten
error-page-help-409 = Es war schon erledigt, oder etwas, wovon es abhängt, hat sich geändert. Nichts wurde geändert: Lesen Sie die Meldung unten und laden Sie die Seite neu.
error-page-title-413 = Die Datei ist zu groß
error-page-help-413 = Nichts wurde gespeichert. Senden Sie eine kleinere Datei oder teilen Sie sie auf.
error-page-title-422 = Das wurde abgelehnt
error-page-help-422 = Nichts wurde gespeichert. Die Meldung unten sagt, was falsch war: Gehen Sie zurück, korrigieren Sie es und senden Sie erneut.
error-page-title-429 = Zu viele Versuche
error-page-help-429 = Warten Sie einen Moment (bei Passwörtern 15 Minuten) und versuchen Sie es erneut.
error-page-title-500 = Auf dem Server ist ein Fehler aufgetreten
error-page-help-500 = Ihr Auftrag wurde nicht ausgeführt. Der Fehler wurde protokolliert: Wenn er wieder auftritt, wenden Sie sich mit der Referenz unten an Ihre Administration.
error-page-title-503 = Der Server ist ausgelastet
error-page-help-503 = Nichts wurde gespeichert. Versuchen Sie es gleich noch einmal.
web-case-menu = Bereiche der Akte
web-case-choose-category = — Kategorie wählen —
web-court-panel = Rechnungslegung für das Gericht und Monatsauszüge
web-court-panel-filed = Die Rechnungslegung wurde eingereicht und ihr Zeitraum gesperrt. Das Gericht kann sie jetzt lesen; seine Prüfung erscheint unten.
web-court-period = Der Zeitraum der Rechnungslegung
web-court-show = Rechnungslegung anzeigen
web-court-preset-due = Die nächste fällige Rechnungslegung
web-court-preset-month = Letzter Monat
web-court-preset-year = Letztes Jahr
web-court-preview = Die Rechnungslegung, bevor sie eingereicht wird
web-court-opening = Zu Beginn
web-court-in = Eingänge
web-court-out = Ausgänge
web-court-closing = Am Ende
web-court-downloads = Herunterladen:
web-court-checks = Prüfungen
web-court-no-warnings = Die Rechnung geht auf, stimmt mit der Bank überein, und kein Beleg fehlt.
web-court-warning-bank = Konto { $account }: Bücher und Kontoauszug der Bank weichen am Ende des Zeitraums um { $difference } voneinander ab.
web-court-warning-no-statement = Konto { $account }: Kein Kontoauszug endet im Zeitraum, der Saldo ist daher nicht geprüft.
web-court-warning-waiting = Bankbuchungen über { $amount } warten noch auf eine Kategorie: Die Rechnungslegung zeigt sie als noch nicht zugeordnet.
web-court-warning-receipts = { $count ->
    [one] 1 Zahlung über der Belegschwelle hat keinen Beleg.
   *[other] { $count } Zahlungen über der Belegschwelle haben keinen Beleg.
}
web-court-warning-opening = { $count ->
    [one] 1 Konto beginnt mit einem anderen Betrag, als die vorige Rechnungslegung abschloss.
   *[other] { $count } Konten beginnen mit anderen Beträgen, als die vorige Rechnungslegung abschloss.
}
web-court-warning-gaps = { $count ->
    [one] 1 Lücke zwischen Kontoauszügen ist nicht erklärt.
   *[other] { $count } Lücken zwischen Kontoauszügen sind nicht erklärt.
}
web-court-warning-adds-up = Die Rechnung geht nicht auf: Anfangsbestand, Eingänge und Ausgänge ergeben nicht den Endbestand.
web-court-file-help = Das Einreichen sendet diese Rechnungslegung an das Gericht und sperrt ihren Zeitraum: Buchungen darin lassen sich dann nur noch durch Korrekturen in einem späteren Zeitraum berichtigen.
web-court-confirm = { $count ->
    [one] Ich habe den Hinweis oben gelesen und reiche die Rechnungslegung so ein.
   *[other] Ich habe die { $count } Hinweise oben gelesen und reiche die Rechnungslegung so ein.
}
web-court-confirm-needed = Nichts wurde eingereicht: Bestätigen Sie, dass Sie die Hinweise gelesen haben (sie können sich seit dem Anzeigen geändert haben; lesen Sie sie erneut).
web-court-statements = Monatsauszüge für die betreute Person
web-case-search = Suchen
web-case-amount = Betrag
web-case-direction = Richtung
web-case-direction-both = Ein- und Ausgänge
web-case-direction-in = Eingänge
web-case-direction-out = Ausgänge
web-case-pick = Auswählen
web-case-bulk-to = Ausgewählte Buchungen verschieben nach
web-case-bulk = Ausgewählte Buchungen verschieben
web-case-previous = Vorige 50
web-case-next = Nächste 50
web-case-waiting-range = Buchungen { $first }–{ $last } von { $total }
web-case-moved = { $count ->
    [one] 1 Buchung wurde ihrem Konto zugeordnet.
   *[other] { $count } Buchungen wurden ihrem Konto zugeordnet.
}
web-case-choose-first = Wählen Sie zuerst das Konto für die Buchung: Nichts wurde verschoben.
web-case-pick-first = Wählen Sie zuerst die Buchungen aus: Nichts wurde verschoben.
web-case-find = Finden
web-case-no-match = Keine wartende Buchung passt zu dieser Suche.
web-case-accounts-all = { $count ->
    [one] 1 weiteres Konto mit null anzeigen
   *[other] { $count } weitere Konten mit null anzeigen
}
web-case-accounts-fewer = Konten mit null ausblenden
web-case-newer = Neuere Buchungen
web-case-older = Ältere Buchungen
web-review-history = Bisherige Prüfungen
web-review-confirm = Ich habe diese Rechnungslegung und ihre Belege gelesen; meine Prüfung festhalten (sie bleibt dauerhaft gespeichert).
web-review-confirm-needed = Nichts wurde festgehalten: Bestätigen Sie, dass Sie die Rechnungslegung gelesen haben, bevor Sie sie genehmigen oder Anmerkungen senden.
web-caseload-runs-waiting = { $count ->
    [one] 1 Zahlungslauf wartet auf Ihre Freigabe
   *[other] { $count } Zahlungsläufe warten auf Ihre Freigabe
}

web-import-dropped = Die Datei wurde nicht importiert; nichts davon wurde behalten.
web-import-booked = Die Datei wurde importiert.
web-import-matched = Schon von Hand gebucht
web-import-waiting = Bevor diese Datei gebucht wird, vergleichen Sie sie mit der Buchhaltung; dann buchen Sie sie oder lassen sie liegen.
web-import-opening-differs = Der Auszug beginnt am { $date } mit { $statement }; die Buchhaltung zeigt an diesem Tag { $book } (Differenz { $difference }). Vielleicht fehlt ein Auszug, oder eine von Hand erfasste Buchung ist falsch. Buchen Sie ihn nur mit einer Begründung, oder lassen Sie ihn liegen und prüfen Sie zuerst die Buchhaltung.
web-import-matches-intro = Diese Zeilen sehen aus wie schon von Hand erfasste Buchungen (gleicher Betrag, höchstens 3 Tage auseinander). Eine angekreuzte Zeile wird durch diese Buchung gebucht, nicht ein zweites Mal.
web-import-match = Dasselbe Geld?
web-import-line = Bankzeile
web-import-hand-entry = Von Hand erfasste Buchung
web-import-same-money = Schon durch diese Buchung gebucht
web-import-new-lines = { $count ->
    [one] 1 neue Zeile
   *[other] { $count } neue Zeilen
}
web-import-reason = Begründung (freiwillig)
web-import-reason-required = Warum trotz abweichendem Saldo buchen (Pflicht)
web-import-reason-needed = Sagen Sie, warum die Datei gebucht werden soll, obwohl ihr Anfangssaldo von der Buchhaltung abweicht, oder lassen Sie sie liegen.
web-import-book = Buchen
web-import-drop = Nicht importieren
web-import-another = Eine Datei importieren
web-import-account = Bankkonto (für eine CSV-Datei ohne IBAN; ihr Bankformat wird gemerkt)
web-import-account-from-file = Aus der Datei
web-import-profile = Format der Bank
web-import-profile-camt = ISO 20022 camt (XML), aus der Datei erkannt
web-import-profile-bcee = BCEE (CSV)
web-import-profile-sparkasse = Sparkasse (CSV)
web-import-profile-banque-postale = La Banque Postale (CSV)
web-import-profile-swedbank = Swedbank (CSV)
web-imports = Importierte Dateien
web-imports-undone = { $count ->
    [one] Der Import wurde rückgängig gemacht: 1 Buchung storniert. Die Datei kann erneut importiert werden.
   *[other] Der Import wurde rückgängig gemacht: { $count } Buchungen storniert. Die Datei kann erneut importiert werden.
}
web-imports-undone-on = Rückgängig gemacht am { $date } von { $person }
web-imports-into = Einen Auszug in { $account } importieren
web-imports-none = In diese Akte wurde noch keine Datei importiert.
web-imports-imported = Importiert
web-imports-file = Datei
web-imports-period = Zeitraum
web-imports-lines = Zeilen
web-imports-state = Stand
web-imports-reason = Gebucht mit der Begründung:
web-imports-standing = In der Buchhaltung
web-imports-confirm = Ich will diesen Import rückgängig machen: seine Buchungen werden storniert und seine Zeilen verlassen die Buchhaltung.
web-imports-confirm-first = Kreuzen Sie das Kästchen an, um zu bestätigen, dass dieser Import rückgängig gemacht werden soll.
web-imports-undo = Import rückgängig machen
web-case-imports = Importe
web-case-reopened = Die Zuordnung wurde rückgängig gemacht: die Zeile wartet hier wieder darauf, auf das richtige Konto gebucht zu werden.
web-entry-undo-categorisation-heading = Zuordnung rückgängig machen
web-entry-undo-categorisation-help = Das Geld geht zurück zu den zuzuordnenden Zeilen, wo die Zeile wieder darauf wartet, auf das richtige Konto gebucht zu werden. Nichts wird gelöscht: eine Buchung hält die Rücknahme fest.
web-entry-undo-categorisation = Zuordnung rückgängig machen
web-rules = Regeln
web-rules-help = Eine Regel bucht die Bankzeilen, die sie erkennt, beim Import von selbst auf ein Konto. Sie werden in dieser Reihenfolge versucht; die erste, die passt, entscheidet.
web-rules-none = Für diese Akte gilt noch keine Regel. Kreuzen Sie „und eine Regel daraus machen“ an, wenn Sie eine Zeile zuordnen.
web-rules-waiting = { $count ->
    [one] 1 Zeile wartet auf ihre Zuordnung
   *[other] { $count } Zeilen warten auf ihre Zuordnung
}
web-rules-scope = Gilt für
web-rules-for-case = diese Akte
web-rules-for-office = alle Akten der Stelle
web-rules-looks-for = Sucht
web-rules-books-to = Bucht auf
web-rules-matches = Wartende Zeilen, die sie jetzt erkennt
web-rules-no-target = kein Konto dieser Akte
web-rules-is-off = ausgeschaltet
web-rules-priority = Reihenfolge (kleinste zuerst)
web-rules-save = Speichern
web-rules-switch-off = Ausschalten
web-rules-switch-on = Einschalten
web-rules-confirm = Ich will diese Regel löschen (die Zeilen, die sie gebucht hat, bleiben, wie sie sind)
web-rules-delete = Regel löschen
web-rules-confirm-first = Kreuzen Sie das Kästchen an, um zu bestätigen, dass die Regel gelöscht werden soll.
web-rules-priority-number = Schreiben Sie die Reihenfolge als ganze Zahl, zum Beispiel 100.
web-rules-apply = { $count ->
    [one] Die wartende Zeile buchen, die sie erkennt
   *[other] Die { $count } wartenden Zeilen buchen, die sie erkennt
}
web-rules-applied = { $count ->
    [one] 1 wartende Zeile wurde von der Regel gebucht.
   *[other] { $count } wartende Zeilen wurden von der Regel gebucht.
}
web-rules-off = Die Regel wurde ausgeschaltet: sie bucht nichts, bis sie wieder eingeschaltet wird.
web-rules-on = Die Regel wurde eingeschaltet.
web-rules-changed = Die Regel wurde gespeichert.
web-rules-deleted = Die Regel wurde gelöscht.
web-rules-if-iban = IBAN ist { $value }
web-rules-if-name = Name enthält „{ $value }“
web-rules-if-remittance = Verwendungszweck enthält „{ $value }“
web-rules-if-pattern = Verwendungszweck passt zu { $value }
web-rules-if-bank-code = Bankcode beginnt mit { $value }
web-rules-if-at-least = mindestens { $value }
web-rules-if-at-most = höchstens { $value }
web-rules-if-in = Geldeingang
web-rules-if-out = Geldausgang
web-case-rules = Regeln
web-case-rule-made = Daraus wurde eine Regel: wenden Sie sie auf die anderen wartenden Zeilen an.
web-new-entry = Eine neue Buchung
web-new-entry-help = Für Geld, das die Bank nicht zeigt (Bargeld, eine an Dritte gezahlte Leistung), oder um etwas richtigzustellen: ein Betrag von einem Konto auf ein anderes. Der Beleg wird auf der nächsten Seite angehängt.
web-new-entry-description = Was geschah
web-new-entry-amount = Betrag
web-new-entry-from = Von (woher das Geld kommt)
web-new-entry-to = Nach (wohin das Geld geht)
web-new-entry-choose = — Konto wählen —
web-new-entry-receipt = Belegnummer (freiwillig)
web-new-entry-adjustment = Einen schon beim Gericht eingereichten Zeitraum berichtigen
web-new-entry-adjustment-help = Die Buchhaltung ist bis { $through } eingereicht. Eine Berichtigung dieses Zeitraums wird danach datiert und nennt die eingereichte Buchung, die sie berichtigt; die nächste Rechnungslegung zeigt sie als Berichtigung.
web-new-entry-corrects = Nummer der eingereichten Buchung, die sie berichtigt (leer für eine gewöhnliche Buchung)
web-new-entry-post = Buchung erfassen
web-new-entry-date-needed = Geben Sie das Datum mit Tag, Monat und Jahr an.
web-new-entry-description-needed = Sagen Sie in ein paar Worten, was geschah.
web-new-entry-amount-needed = Geben Sie den Betrag an.
web-new-entry-accounts-needed = Wählen Sie, woher das Geld kommt und wohin es geht.
web-new-entry-accounts-differ = Das Geld muss von einem Konto auf ein anderes gehen: wählen Sie zwei verschiedene Konten.
web-new-entry-corrects-number = Geben Sie die Nummer der eingereichten Buchung an, zum Beispiel 12.
web-entry-posted = Die Buchung wurde erfasst. Hängen Sie unten ihren Beleg an.
web-entry-correct = Diese Buchung eines eingereichten Zeitraums berichtigen
web-case-new-entry = Eine neue Buchung
web-case-signs-accounting = Buchhalterische Vorzeichen zeigen (Soll +, Haben −)
web-case-signs-people = Beträge so zeigen, wie man sie liest (Einnahmen und Schulden positiv)
web-case-sum-unread = Schreiben Sie einen Betrag, zum Beispiel 780,00.
web-case-entries-account = Konto
web-case-entries-any-account = jedes Konto
web-column-money-moved = Von → nach · Betrag
web-run-state-prepared = wartet auf Freigabe
web-run-state-approved = freigegeben, Dateien geschrieben
web-order-state-planned = geplant
web-order-state-exported = an die Bank gesandt
web-order-state-executed = bezahlt
web-order-state-returned = von der Bank zurückgegeben
web-payments-approved-by = Freigegeben von
web-payments-total = Summe
web-payments-payee = Bezahlt an
web-payments-paying = Zahlende Konten
web-payments-paying-total = Dieser Lauf
web-payments-paying-balance = Stand jetzt
web-payments-paying-after = Danach übrig
web-payments-cancel = Lauf abbrechen
web-payments-cancel-confirm = Ich will diesen Lauf abbrechen: seine Zahlungen werden nicht gemacht, und der nächste Lauf plant sie wieder.
web-payments-cancel-confirm-first = Kreuzen Sie das Kästchen an, um zu bestätigen, dass der Lauf abgebrochen werden soll.
web-payments-cancelled = Der Lauf wurde abgebrochen; seine Zahlungen plant der nächste Lauf wieder.
web-settings = Einstellungen
web-settings-saved = Die Einstellungen wurden gespeichert.
web-settings-four-eyes = Zahlungsläufe
web-settings-four-eyes-help = Eine zweite Person gibt jeden Zahlungslauf frei, bevor seine Dateien geschrieben werden (Vier-Augen-Prinzip)
web-settings-cases = Rücklagen und Überziehungen
web-settings-cases-help = Die Zahlungen einer Akte lassen ihre Rücklage auf den Konten; ein Bankkonto darf zum Zahlen bis zu seinem Überziehungsrahmen gehen.
web-settings-reserve = Rücklage
web-settings-overdraft = Überziehungsrahmen von { $account }
web-settings-not-an-amount = „{ $typed }“ ist kein Betrag: schreiben Sie ihn wie 100,00, oder 0 für keinen.
web-audit-sentence = { $who } { $did }
web-audit-sentence-case = { $who } { $did } — { $case }
web-audit-nobody = Jemand ohne Anmeldung
web-audit-pages = Seiten der Stelle
web-audit-refused = abgewiesen
web-audit-older = Ältere Einträge
web-audit-kind-all-but-reads = alles außer Lesen
web-audit-reads-heading = Wer was gelesen hat
web-audit-reads = { $count ->
    [one] { $who } hat { $case } am { $day } einmal gelesen
   *[other] { $who } hat { $case } am { $day } { $count }-mal gelesen
}
web-audit-kind-read = Lesen
web-audit-kind-change = Änderungen
web-audit-kind-denied = Abweisungen
web-audit-kind-sign_in = Anmeldungen
web-audit-kind-sign_in_refused = abgewiesene Anmeldungen
web-audit-kind-sign_out = Abmeldungen
web-audit-did-signed-in = hat sich angemeldet
web-audit-did-sign-in-refused = wurde bei der Anmeldung abgewiesen
web-audit-did-signed-out = hat sich abgemeldet
web-audit-did-was-refused = wurde abgewiesen ({ $route })
web-audit-did-read-case = hat die Akte gelesen
web-audit-did-read-page = hat { $route } gelesen
web-audit-did-changed = hat { $route } geändert
web-audit-did-filed = hat eine Rechnungslegung beim Gericht eingereicht
web-audit-did-reviewed = hat die eingereichte Rechnungslegung { $record } geprüft
web-audit-did-imported = hat eine Bankdatei importiert
web-audit-did-decided-import = hat über eine wartende Bankdatei entschieden
web-audit-did-undid-import = hat den Import { $record } rückgängig gemacht
web-audit-did-categorised = hat wartende Zeilen zugeordnet
web-audit-did-posted-entry = hat eine Buchung von Hand erfasst
web-audit-did-reversed-entry = hat die Buchung { $record } storniert
web-audit-did-attached-receipt = hat der Buchung { $record } einen Beleg angehängt
web-audit-did-changed-rule = hat die Regel { $record } geändert
web-audit-did-prepared-run = hat einen Zahlungslauf vorbereitet
web-audit-did-approved-run = hat den Zahlungslauf { $record } freigegeben
web-audit-did-cancelled-run = hat den Zahlungslauf { $record } abgebrochen
web-audit-did-changed-payments = hat Gläubiger, Daueraufträge oder Schulden geändert
web-audit-did-added-user = hat einen Benutzer hinzugefügt
web-audit-did-assigned-case = hat Benutzer { $record } eine Akte zugewiesen
web-audit-did-withdrew-case = hat Benutzer { $record } eine Akte entzogen
web-audit-did-changed-user = hat Benutzer { $record } geändert
web-audit-did-changed-settings = hat die Zahlungseinstellungen geändert
web-audit-did-changed-password = hat das eigene Passwort geändert
web-audit-did-changed-language = hat die eigene Sprache geändert
web-statement-back = Zurück zu meinem Geld
web-portal-so-far = { $month } (bis zum { $date })
web-statement-pdf = Dieser Auszug als PDF
web-filing = Rechnungslegung für das Gericht
web-filing-back = Zurück
web-filing-open-pdf = Rechnungslegung öffnen (PDF)
web-filing-entries = Buchungen und ihre Belege
web-filing-receipt-number = Beleg-Nr.
web-filing-receipts = Belege
web-filing-receipt-missing = ohne Beleg, über der Schwelle des Gerichts
web-court-open = Rechnungslegung und Belege öffnen
web-court-filter = Zeigen
web-court-show-to-review = zu prüfen
web-court-show-reviewed = geprüft
web-court-show-all = alle
web-court-search = Aktenzeichen oder Name
web-court-find = Suchen
web-court-reviewed = Ihre Prüfung der Rechnungslegung wurde festgehalten.
web-court-none-found = Keine eingereichte Rechnungslegung passt.
web-court-none-to-review = Keine Rechnungslegung wartet auf Ihre Prüfung.
web-admin-reads-money-of = liest das Geld von
web-admin-new-password = Ein neues Passwort vergeben
web-admin-new-password-for = Neues Passwort für { $login }
web-admin-set-password = Festlegen
web-admin-no-beneficiary = — kein Zugang einer betreuten Person —
web-admin-done-added = Der Benutzer wurde hinzugefügt.
web-admin-done-password = Das neue Passwort ist festgelegt; die Sitzungen des Benutzers sind beendet. Sagen Sie ihm das Passwort persönlich.
web-admin-done-assigned = Die Akte wurde zugewiesen.
web-admin-done-withdrawn = Die Akte wurde entzogen.
web-admin-done-disabled = Der Benutzer wurde gesperrt; seine Sitzungen sind beendet.
web-admin-done-enabled = Der Benutzer wurde wieder freigeschaltet.
web-case-suggested = vorgeschlagen nach früheren Zeilen oder einer Regel
web-todo-court-remarks = { $count ->
    [one] Das Gericht hat Bemerkungen zur letzten Rechnungslegung gemacht
   *[other] Das Gericht hat Bemerkungen zur letzten Rechnungslegung gemacht
}
web-hold-insufficient_funds = nicht genug Geld: { $available } bleiben auf dem Konto
web-hold-behind_unpaid = nicht genug Geld: eine Zahlung davor konnte nicht gemacht werden
web-hold-awaiting_authorisation = wartet auf die Genehmigung des Gerichts
web-hold-no_account = die Akte hat kein offenes Konto, von dem oder auf das gezahlt wird
web-schedule-stop = Diese Zahlungen anhalten
web-schedule-start = Wieder aufnehmen
web-schedule-done-stopped = Die Zahlungen sind angehalten: kein Lauf plant sie, bis sie wieder aufgenommen werden.
web-schedule-done-started = Die Zahlungen laufen wieder: der nächste Lauf plant sie.
web-payments-run-changed = Dieser Lauf ist nicht der, den Ihre Seite zeigte (er hat sich geändert oder wurde abgebrochen): nichts wurde freigegeben. Öffnen Sie den Lauf neu und sehen Sie ihn an, bevor Sie ihn freigeben.
